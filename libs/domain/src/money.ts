import { validationError } from './domain-error';
import type { Label } from './labels';

/**
 * Money is held in 万元 (10,000 yuan) as decimal numbers; reports speak 亿元 (= 10,000 万元). Scaling and
 * rounding work on decimal digit strings, so 21.05 rounds to 21.1 and not to 21.0 as binary floats would.
 */

export const MONEY_UNIT_LABELS: Record<'yuan' | 'wan' | 'yi', Label> = {
  yuan: { zh: '元', en: 'yuan' },
  wan: { zh: '万元', en: '10k yuan' },
  yi: { zh: '亿元', en: '100m yuan' },
};

interface Decimal {
  negative: boolean;
  digits: string; // all significant digits, no sign, no point
  scale: number; // how many of `digits` are after the decimal point (may exceed digits.length)
}

/** Exact decimal reading of a plain decimal string or of a finite number's shortest representation. */
function toDecimal(value: number | string): Decimal {
  const text = typeof value === 'number' ? String(value) : value;
  const match = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) throw new RangeError(`not a finite decimal: ${text}`);
  const [, sign, int, frac = '', exp = '0'] = match;
  return { negative: sign === '-', digits: int + frac, scale: frac.length - Number(exp) };
}

/** Plain decimal text of a Decimal, without superfluous zeros. */
function decimalText({ negative, digits, scale }: Decimal): string {
  let int: string;
  let frac: string;
  if (scale <= 0) {
    int = digits + '0'.repeat(-scale);
    frac = '';
  } else {
    const padded = digits.padStart(scale + 1, '0');
    int = padded.slice(0, padded.length - scale);
    frac = padded.slice(padded.length - scale);
  }
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** value × 10^power, exactly in decimal. */
function shift(value: number | string, power: number): number {
  const d = toDecimal(value);
  return Number(decimalText({ ...d, scale: d.scale - power }));
}

/**
 * Rounds half away from zero (四舍五入) on the decimal value as written: roundHalfUp(21.05, 1) = 21.1,
 * roundHalfUp(2.45, 1) = 2.5, roundHalfUp(-2.45, 1) = -2.5.
 */
export function roundHalfUp(value: number, decimals = 0): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer from 0 to 20, got ${decimals}`);
  }
  if (!Number.isFinite(value)) return value;
  const { negative, digits, scale } = toDecimal(value);
  if (scale <= decimals) return value;
  const drop = scale - decimals;
  const padded = digits.padStart(drop + 1, '0');
  let kept = BigInt(padded.slice(0, padded.length - drop));
  if (padded[padded.length - drop] >= '5') kept += 1n;
  return Number(decimalText({ negative, digits: kept.toString(), scale: decimals }));
}

/** 万元 → 亿元, exact in decimal (210500 → 21.05). */
export function wanToYi(wan: number): number {
  return shift(wan, -4);
}

/** 亿元 → 万元, exact in decimal (1.2 → 12000). */
export function yiToWan(yi: number): number {
  return shift(yi, 4);
}

/** An amount in 万元 written in 亿元 with fixed decimals, rounded half up: 210500 → "21.1". */
export function formatYi(wan: number, decimals = 1): string {
  return roundHalfUp(wanToYi(wan), decimals).toFixed(decimals);
}

/** An amount in 万元 rounded half up to at most `maxDecimals`, without trailing zeros: 5200 → "5200". */
export function formatWan(wan: number, maxDecimals = 2): string {
  return decimalText(toDecimal(roundHalfUp(wan, maxDecimals)));
}

const UNIT_POWERS: [suffix: string, power: number][] = [
  ['亿元', 4],
  ['亿', 4],
  ['万元', 0],
  ['万', 0],
  ['元', -4],
];

/**
 * Reads an amount and returns it in 万元. Numbers are taken as 万元; text may carry thousands
 * separators, full-width digits, a ¥ sign and a unit: "5,200" → 5200, "5200万元" → 5200,
 * "1.2亿" → 12000, "21.05亿元" → 210500, "3000元" → 0.3. Throws a validation error on anything
 * else and on negative amounts.
 */
export function parseMoneyWan(input: string | number, field = 'amount'): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw validationError(field, '金额无效');
    if (input < 0) throw validationError(field, '金额不能为负数');
    return input;
  }
  if (typeof input !== 'string') throw validationError(field, '金额无效');
  let text = input.normalize('NFKC').replace(/\s+/g, '').replace(/^[¥￥]/, '');
  let power = 0;
  for (const [suffix, p] of UNIT_POWERS) {
    if (text.endsWith(suffix)) {
      text = text.slice(0, -suffix.length);
      power = p;
      break;
    }
  }
  if (/^-\d/.test(text)) throw validationError(field, '金额不能为负数');
  if (!/^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/.test(text)) {
    throw validationError(field, `无法识别的金额：${input}`);
  }
  return shift(text.replace(/,/g, ''), power);
}
