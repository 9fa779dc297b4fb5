// Pure formatting of the figures the UI shows (no DOM): money in 万元 / 亿元, rates, year-on-year change.

export type UiLanguage = 'zh-CN' | 'en';

/** Rounds half up (away from zero for negatives) to `decimals`, without binary-fraction surprises (1.005 → 1.01). */
export function roundHalfUp(value: number, decimals = 0): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  return sign * Number(`${Math.round(shifted)}e-${decimals}`);
}

function grouped(value: number, maxDecimals: number, minDecimals = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });
}

/**
 * An amount in 万元 as people read it: below 1 亿 in 万元 (`5,200 万元`), from 1 亿 up in 亿元 with up to two
 * decimals (`5.2 亿元`, `21.05 亿元`). English: in million yuan (`CNY 52 m`). null / undefined → `—`.
 */
export function formatWan(amount: number | null | undefined, language: UiLanguage = 'zh-CN'): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '—';
  if (language === 'en') return `CNY ${grouped(roundHalfUp(amount / 100, 2), 2)} m`;
  if (Math.abs(amount) >= 10_000) return `${grouped(roundHalfUp(amount / 10_000, 2), 2)} 亿元`;
  return `${grouped(roundHalfUp(amount, 2), 2)} 万元`;
}

/** 亿元 with one decimal, rounded half up, as the briefings write them (52000 → `5.2`). */
export function toYi(amount: number): string {
  return roundHalfUp(amount / 10_000, 1).toFixed(1);
}

/** A fraction 0..1 as a percentage with one decimal (0.48 → `48.0%`); null → `—`. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${roundHalfUp(rate * 100, 1).toFixed(1)}%`;
}

export interface Change {
  /** `+12.5%`, `-3.0%`, `0.0%`, or `—` when there is nothing to compare with. */
  text: string;
  direction: 'up' | 'down' | 'flat' | null;
}

/** Year-on-year change of `current` against `previous` (同比): undefined when the previous figure is 0 or missing. */
export function yearOnYear(current: number | null | undefined, previous: number | null | undefined): Change {
  if (current === null || current === undefined || previous === null || previous === undefined || previous === 0) {
    return { text: '—', direction: null };
  }
  const change = roundHalfUp(((current - previous) / Math.abs(previous)) * 100, 1);
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  return { text: `${change > 0 ? '+' : ''}${change.toFixed(1)}%`, direction };
}

/** A count with thousands separators (`1,234`). */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return grouped(value, 2);
}

/**
 * An investment range filter typed in 亿元 or 万元 → the API's `minInvestment` / `maxInvestment` in 万元.
 * Empty bounds are left out; a reversed range is put right.
 */
export function investmentRange(min: number | null | undefined, max: number | null | undefined, unit: 'wan' | 'yi'): { minInvestment?: number; maxInvestment?: number } {
  const factor = unit === 'yi' ? 10_000 : 1;
  const lo = typeof min === 'number' && Number.isFinite(min) ? roundHalfUp(min * factor, 2) : undefined;
  const hi = typeof max === 'number' && Number.isFinite(max) ? roundHalfUp(max * factor, 2) : undefined;
  if (lo !== undefined && hi !== undefined && lo > hi) return { minInvestment: hi, maxInvestment: lo };
  const range: { minInvestment?: number; maxInvestment?: number } = {};
  if (lo !== undefined) range.minInvestment = lo;
  if (hi !== undefined) range.maxInvestment = hi;
  return range;
}
