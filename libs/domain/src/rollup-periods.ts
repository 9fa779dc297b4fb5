import { addDays } from './dates';
import type { Period } from './kpi-definitions';

/**
 * How a period of days reads the analytics rollup (migration 1795595000001-AnalyticsRollup: sums per local
 * month `m` and year `y`, and `a` for what stands now): whole years and whole months from the rollup, the days
 * at the edges that fill no whole month from the per-project tables. All ranges are [from, to) in dates.
 */
export interface RollupPlan {
  /** First days of the whole years inside the period. */
  years: string[];
  /** First days of the whole months inside the period that are not in those years. */
  months: string[];
  /** Day ranges at the edges (at most one before the whole months, one after), read per project. */
  edges: { from: string; to: string }[];
  /** The span of the whole years and months, [from, to); null when the period fills no whole month. */
  bucketed: { from: string; to: string } | null;
  /** The day after the period (its end, exclusive). */
  end: string;
  /**
   * What happened from the end of the period on, to subtract from what stands now: the days up to the next
   * month (per project, null when the end is the first of a month), the whole months up to the next year
   * (`monthsFrom` ≤ bucket < `yearsFrom`), and every year from `yearsFrom` on.
   */
  later: { edge: { from: string; to: string } | null; monthsFrom: string; yearsFrom: string };
  /** The went-on pairs read from year buckets when the whole part is whole years, else from month buckets. */
  wentOnGrain: 'y' | 'm';
}

const isMonthStart = (date: string) => date.endsWith('-01');
const isYearStart = (date: string) => date.endsWith('-01-01');

/** The first day of the month after the one of `date`. */
export function nextMonthStart(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${date.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`;
}

function nextYearStart(date: string): string {
  return `${String(Number(date.slice(0, 4)) + 1).padStart(4, '0')}-01-01`;
}

export function rollupPlan(period: Period): RollupPlan {
  const end = addDays(period.to, 1);
  const years: string[] = [];
  const months: string[] = [];
  const edges: { from: string; to: string }[] = [];
  let bucketed = null as { from: string; to: string } | null;
  for (let cursor = period.from; cursor < end;) {
    let next: string;
    if (isYearStart(cursor) && nextYearStart(cursor) <= end) (next = nextYearStart(cursor)), years.push(cursor);
    else if (isMonthStart(cursor) && nextMonthStart(cursor) <= end) (next = nextMonthStart(cursor)), months.push(cursor);
    else {
      next = nextMonthStart(cursor) < end ? nextMonthStart(cursor) : end;
      edges.push({ from: cursor, to: next });
    }
    if (years.at(-1) === cursor || months.at(-1) === cursor) bucketed = { from: bucketed?.from ?? cursor, to: next };
    cursor = next;
  }
  const monthsFrom = isMonthStart(end) ? end : nextMonthStart(end);
  const yearsFrom = isYearStart(monthsFrom) ? monthsFrom : nextYearStart(monthsFrom);
  return {
    years,
    months,
    edges,
    bucketed,
    end,
    later: { edge: monthsFrom === end ? null : { from: end, to: monthsFrom }, monthsFrom, yearsFrom },
    wentOnGrain: bucketed && isYearStart(bucketed.from) && isYearStart(bucketed.to) ? 'y' : 'm',
  };
}
