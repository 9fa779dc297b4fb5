/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character set
 * (digits and capitals without I, O, S, V, Z), the last one a check character over the first 17.
 */

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeCheck = { valid: true } | { valid: false; reason: string; reasonEn: string };

/** Trims and upper-cases (full-width characters become half-width first). */
export function normalizeCreditCode(code: string): string {
  return code.normalize('NFKC').trim().toUpperCase();
}

/** The check character for the first 17 characters of a code. Throws on bad length or characters. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== CREDIT_CODE_LENGTH - 1) {
    throw new RangeError(`creditCodeCheckChar needs 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`illegal credit-code character '${first17[i]}' at position ${i + 1}`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Checks a code (after normalising it); the reason, when invalid, says what is wrong. */
export function checkCreditCode(code: string): CreditCodeCheck {
  const normalized = normalizeCreditCode(code);
  const chars = Array.from(normalized);
  if (chars.length !== CREDIT_CODE_LENGTH) {
    return {
      valid: false,
      reason: `统一社会信用代码应为 18 位，当前为 ${chars.length} 位`,
      reasonEn: `A unified social credit code has 18 characters, not ${chars.length}`,
    };
  }
  const bad = chars.findIndex((c) => !CREDIT_CODE_CHARSET.includes(c));
  if (bad >= 0) {
    return {
      valid: false,
      reason: `统一社会信用代码第 ${bad + 1} 位含非法字符“${chars[bad]}”`,
      reasonEn: `Illegal character '${chars[bad]}' at position ${bad + 1}`,
    };
  }
  if (creditCodeCheckChar(normalized.slice(0, 17)) !== normalized[17]) {
    return {
      valid: false,
      reason: '统一社会信用代码校验码错误，请核对',
      reasonEn: 'The check character of the unified social credit code is wrong',
    };
  }
  return { valid: true };
}

export function isValidCreditCode(code: string): boolean {
  return checkCreditCode(code).valid;
}
