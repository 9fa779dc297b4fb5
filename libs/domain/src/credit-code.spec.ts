import {
  checkCreditCode,
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  isValidCreditCode,
  normalizeCreditCode,
} from './credit-code';

// Codes of real companies, as published in their business registrations.
const REAL_CODES = [
  '91350100M000100Y43', // the example commonly cited with GB 32100-2015
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '9144030071526726XG', // 腾讯科技（深圳）有限公司
  '91330100716105852F', // 阿里巴巴（中国）有限公司
  '91110000802100433B', // 北京百度网讯科技有限公司
];

describe('credit code check character', () => {
  it('computes 3 for 91350100M000100Y4, as worked out by hand', () => {
    // Values: 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4
    // Σ = 9·1 + 1·3 + 3·9 + 5·27 + 1·26 + 21·20 + 1·8 + 30·30 + 4·28 = 1640; 1640 mod 31 = 28; 31 − 28 = 3.
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it.each(REAL_CODES)('computes the published check character of %s', (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('maps a remainder of 0 to the check character 0', () => {
    // All zeros: Σ = 0, 31 − 0 = 31 → 0.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('refuses input that is not 17 characters of the charset', () => {
    expect(() => creditCodeCheckChar('9135010')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100I000100Y4')).toThrow(RangeError);
  });
});

describe('checkCreditCode', () => {
  it.each(REAL_CODES)('accepts the real code %s', (code) => {
    expect(checkCreditCode(code)).toEqual({ valid: true });
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('rejects each of the 30 wrong check characters of a valid code', () => {
    const [first17, right] = ['91350100M000100Y4', '3'];
    const wrong = [...CREDIT_CODE_CHARSET].filter((c) => c !== right);
    expect(wrong).toHaveLength(30);
    for (const c of wrong) {
      expect(checkCreditCode(first17 + c)).toEqual({
        valid: false,
        reason: expect.stringContaining('校验码'),
        reasonEn: expect.any(String),
      });
    }
  });

  it('rejects a code of the wrong length, saying so', () => {
    const result = checkCreditCode('91350100M000100Y4');
    expect(result).toMatchObject({ valid: false, reason: expect.stringContaining('18 位') });
  });

  it.each(['I', 'O', 'S', 'V', 'Z', '-'])('rejects the illegal character %s and names its position', (c) => {
    const result = checkCreditCode(`9135010${c}M000100Y43`);
    expect(result).toMatchObject({ valid: false, reason: expect.stringContaining('第 8 位') });
  });

  it('accepts a valid code typed in lower case with surrounding spaces', () => {
    expect(isValidCreditCode('  91440300708461136t ')).toBe(true);
  });

  it('accepts a valid code typed with full-width characters', () => {
    expect(isValidCreditCode('９１４４０３００７０８４６１１３６Ｔ')).toBe(true);
  });

  it('normalises by trimming and upper-casing', () => {
    expect(normalizeCreditCode(' 9144030071526726xg\n')).toBe('9144030071526726XG');
  });
});
