import { formatProjectCode, parseProjectCode } from './project-code';

describe('project codes', () => {
  it('pads the sequence to four digits', () => {
    expect(formatProjectCode(2026, 1)).toBe('ZS-2026-0001');
    expect(formatProjectCode(2026, 123)).toBe('ZS-2026-0123');
  });

  it('lets a sequence beyond 9999 grow to more digits', () => {
    expect(formatProjectCode(2026, 12345)).toBe('ZS-2026-12345');
  });

  it('refuses a year that is not four digits or a sequence below 1', () => {
    expect(() => formatProjectCode(26, 1)).toThrow(RangeError);
    expect(() => formatProjectCode(2026, 0)).toThrow(RangeError);
    expect(() => formatProjectCode(2026, 1.5)).toThrow(RangeError);
  });

  it('parses a code back into year and sequence', () => {
    expect(parseProjectCode('ZS-2026-0001')).toEqual({ year: 2026, seq: 1 });
    expect(parseProjectCode('ZS-2026-12345')).toEqual({ year: 2026, seq: 12345 });
  });

  it.each(['ZS-2026-001', 'ZS-2026-00001', 'ZS-2026-0000', 'zs-2026-0001', 'ZS-26-0001', 'XX-2026-0001', ''])(
    'returns null for the non-canonical code %p',
    (code) => {
      expect(parseProjectCode(code)).toBeNull();
    },
  );
});
