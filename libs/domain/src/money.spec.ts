import { DomainError, ErrorCode } from './domain-error';
import { formatWan, formatYi, parseMoneyWan, roundHalfUp, wanToYi, yiToWan } from './money';

describe('parseMoneyWan', () => {
  it.each<[string | number, number]>([
    [5200, 5200],
    [0, 0],
    ['5200', 5200],
    ['5,200', 5200],
    ['1,234,567.5', 1234567.5],
    ['5200万元', 5200],
    ['5200万', 5200],
    [' 5200 万元 ', 5200],
    ['1.2亿元', 12000],
    ['1.2亿', 12000],
    ['21.05亿元', 210500],
    ['12.8亿元', 128000],
    ['3000元', 0.3],
    ['1234.5元', 0.12345],
    ['¥5200万元', 5200],
    ['５２００万元', 5200],
    ['５，２００', 5200],
    ['0.1亿', 1000],
  ])('reads %p as %p 万元', (input, expected) => {
    expect(parseMoneyWan(input)).toBe(expected);
  });

  it.each(['', 'abc', '5200美元', '1.2.3', '5,20', '亿', '12,3456', '5200万亿', Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %p with a validation error',
    (input) => {
      expect(() => parseMoneyWan(input)).toThrow(DomainError);
    },
  );

  it.each([-1, '-5200', '-1.2亿元'])('rejects the negative amount %p', (input) => {
    try {
      parseMoneyWan(input);
      throw new Error('not rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCode.Validation);
      expect((error as DomainError).message).toContain('负数');
    }
  });

  it('names the given field in the validation error', () => {
    expect(() => parseMoneyWan('abc', 'totalInvestment')).toThrow(
      expect.objectContaining({ details: [{ field: 'totalInvestment', message: expect.any(String) }] }),
    );
  });
});

describe('roundHalfUp', () => {
  it.each([
    [21.05, 1, 21.1],
    [0.05, 1, 0.1],
    [2.45, 1, 2.5],
    [1.005, 2, 1.01],
    [1.0049, 2, 1],
    [2.5, 0, 3],
    [2.4999, 0, 2],
    [-2.45, 1, -2.5],
    [-0.04, 1, 0],
    [9.95, 1, 10],
    [12.8, 1, 12.8],
    [100, 2, 100],
    [0.48, 2, 0.48],
    [1e-7, 2, 0],
    [5e-7, 6, 0.000001],
  ])('rounds %p to %p decimals as %p', (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected);
  });

  it('leaves a very large number unchanged', () => {
    expect(roundHalfUp(1.5e25, 2)).toBe(1.5e25);
  });

  it('refuses a negative or fractional number of decimals', () => {
    expect(() => roundHalfUp(1, -1)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 1.5)).toThrow(RangeError);
  });
});

describe('wan and yi', () => {
  it('converts 万元 to 亿元 exactly', () => {
    expect(wanToYi(210500)).toBe(21.05);
    expect(wanToYi(5200)).toBe(0.52);
    expect(wanToYi(128000)).toBe(12.8);
  });

  it('converts 亿元 to 万元 exactly', () => {
    expect(yiToWan(1.2)).toBe(12000);
    expect(yiToWan(21.05)).toBe(210500);
  });

  it('formats 210500 万元 as 21.1 亿元 (half up, not banker’s or float rounding)', () => {
    expect(formatYi(210500)).toBe('21.1');
  });

  it('formats with a fixed number of decimals', () => {
    expect(formatYi(120000)).toBe('12.0');
    expect(formatYi(5200, 2)).toBe('0.52');
    expect(formatYi(0)).toBe('0.0');
  });

  it('formats 万元 without trailing zeros, rounded half up', () => {
    expect(formatWan(5200)).toBe('5200');
    expect(formatWan(0.3)).toBe('0.3');
    expect(formatWan(52.005)).toBe('52.01');
    expect(formatWan(1234.5678, 0)).toBe('1235');
  });
});
