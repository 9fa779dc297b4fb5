import { formatRate, formatWan, investmentRange, roundHalfUp, toYi, yearOnYear } from './format';

describe('money', () => {
  it('shows amounts below 1 亿 in 万元 and from 1 亿 up in 亿元', () => {
    expect(formatWan(5200)).toBe('5,200 万元');
    expect(formatWan(52000)).toBe('5.2 亿元');
    expect(formatWan(210500)).toBe('21.05 亿元');
    expect(formatWan(10000)).toBe('1 亿元');
    expect(formatWan(0.5)).toBe('0.5 万元');
  });

  it('shows million yuan in English and a dash for nothing', () => {
    expect(formatWan(5200, 'en')).toBe('CNY 52 m');
    expect(formatWan(210500, 'en')).toBe('CNY 2,105 m');
    expect(formatWan(null)).toBe('—');
  });

  it('writes 亿元 with one decimal rounded half up, as the briefings do', () => {
    expect(toYi(210500)).toBe('21.1');
    expect(toYi(12500)).toBe('1.3');
    expect(toYi(5200)).toBe('0.5');
  });

  it('rounds half up without binary surprises', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(-2.5)).toBe(-3);
  });

  it('turns an investment range in 亿元 into the API’s 万元 bounds, putting a reversed range right', () => {
    expect(investmentRange(1, 5, 'yi')).toEqual({ minInvestment: 10000, maxInvestment: 50000 });
    expect(investmentRange(null, 3000, 'wan')).toEqual({ maxInvestment: 3000 });
    expect(investmentRange(9, 2, 'wan')).toEqual({ minInvestment: 2, maxInvestment: 9 });
    expect(investmentRange(undefined, undefined, 'yi')).toEqual({});
  });
});

describe('rates and year-on-year change', () => {
  it('shows a fraction as a percentage with one decimal', () => {
    expect(formatRate(0.48)).toBe('48.0%');
    expect(formatRate(12 / 25)).toBe('48.0%');
    expect(formatRate(null)).toBe('—');
  });

  it('computes 同比 against last year and says when there is nothing to compare', () => {
    expect(yearOnYear(25, 20)).toEqual({ text: '+25.0%', direction: 'up' });
    expect(yearOnYear(12, 16)).toEqual({ text: '-25.0%', direction: 'down' });
    expect(yearOnYear(5, 5)).toEqual({ text: '0.0%', direction: 'flat' });
    expect(yearOnYear(5, 0)).toEqual({ text: '—', direction: null });
    expect(yearOnYear(5, undefined)).toEqual({ text: '—', direction: null });
  });
});
