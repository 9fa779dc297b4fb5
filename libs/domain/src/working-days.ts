// The package's pre-generated data file, not its functions: chinese-days builds its in-memory tables by
// parsing 'YYYY-M-D' as UTC midnight and formatting in local time, so west of UTC every holiday lands a
// day early. The JSON (verified equal to the functions' answers in Asia/Shanghai) has no such dependency.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addDays, dayOfWeek, isDateOnly } from './dates';
import { validationError } from './domain-error';

/** An admin's correction of the calendar: a local holiday, or a year the package has no data for. */
export interface CalendarOverride {
  date: string;
  kind: 'holiday' | 'workday';
  name?: string;
}

/** A day of the calendar that is not an ordinary weekday or weekend day, or that an admin named. */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  /** `official`: the State Council's arrangement as the `chinese-days` package holds it; `override`: entered by an admin. */
  source: 'official' | 'override';
}

/**
 * China's calendar of working days: the State Council's statutory holidays and 调休 make-up working
 * days (from the data of the `chinese-days` package, 2004–2026 in version 1.5.7), Monday to Friday for years
 * it does not know, and the admin's overrides on top.
 */
export class WorkCalendar {
  private readonly overrides = new Map<string, CalendarOverride>();
  private readonly overrideYears = new Set<number>();

  constructor(overrides: readonly CalendarOverride[] = []) {
    overrides.forEach((override, i) => {
      if (!isDateOnly(override.date)) {
        throw validationError(`overrides[${i}].date`, `日期格式应为 YYYY-MM-DD：${override.date}`);
      }
      if (override.kind !== 'holiday' && override.kind !== 'workday') {
        throw validationError(`overrides[${i}].kind`, '类型只能是 holiday 或 workday');
      }
      // A later override of the same date wins.
      this.overrides.set(override.date, override);
      this.overrideYears.add(Number(override.date.slice(0, 4)));
    });
  }

  isWorkingDay(date: string): boolean {
    const override = this.overrides.get(requireDate(date, 'date'));
    if (override) return override.kind === 'workday';
    return packageIsWorkday(date);
  }

  /**
   * The date `n` working days after `date` (before it when n < 0). With n = 0: `date` itself if it
   * is a working day, else the next working day.
   */
  addWorkingDays(date: string, n: number): string {
    requireDate(date, 'date');
    if (!Number.isInteger(n)) throw validationError('n', '工作日天数必须为整数');
    let current = date;
    if (n === 0) {
      while (!this.isWorkingDay(current)) current = addDays(current, 1);
      return current;
    }
    const step = n > 0 ? 1 : -1;
    for (let remaining = Math.abs(n); remaining > 0; ) {
      current = addDays(current, step);
      if (this.isWorkingDay(current)) remaining--;
    }
    return current;
  }

  /**
   * Working days after `from` up to and including `to` (negative when `to` is earlier), so that
   * workingDaysBetween(d, addWorkingDays(d, n)) === n for n ≥ 1.
   */
  workingDaysBetween(from: string, to: string): number {
    requireDate(from, 'from');
    requireDate(to, 'to');
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }

  /**
   * The year's days that differ from Monday-to-Friday or are named: statutory holidays and 调休 make-up days
   * of the package, with the admin's overrides on top (an override wins for its date), in date order.
   */
  specialDays(year: number): CalendarDay[] {
    const days = new Map<string, CalendarDay>();
    const prefix = `${String(year).padStart(4, '0')}-`;
    for (const [table, kind] of [[holidays, 'holiday'], [workdays, 'workday']] as const) {
      for (const [date, text] of Object.entries(table)) {
        if (date.startsWith(prefix)) days.set(date, { date, kind, name: text.split(',')[1] ?? null, source: 'official' });
      }
    }
    for (const override of this.overrides.values()) {
      if (override.date.startsWith(prefix)) {
        days.set(override.date, { date: override.date, kind: override.kind, name: override.name ?? null, source: 'override' });
      }
    }
    return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Whether the year's holidays are known: the package has that year's data or an admin entered overrides. */
  hasOfficialData(year: number): boolean {
    return this.overrideYears.has(year) || packageHasYear(year);
  }
}

function requireDate(date: string, field: string): string {
  if (!isDateOnly(date)) throw validationError(field, `日期格式应为 YYYY-MM-DD 且为真实日期：${date}`);
  return date;
}

interface ChineseDaysData {
  /** Statutory days off, 'YYYY-MM-DD' → "English name,中文名,days". */
  holidays: Record<string, string>;
  /** 调休 make-up working days (weekend days worked). */
  workdays: Record<string, string>;
}

const { holidays, workdays } = chineseDays as ChineseDaysData;
const yearsWithData = new Set(Object.keys(holidays).map((date) => Number(date.slice(0, 4))));

function packageIsWorkday(date: string): boolean {
  if (workdays[date]) return true;
  if (holidays[date]) return false;
  const weekday = dayOfWeek(date);
  return weekday >= 1 && weekday <= 5;
}

function packageHasYear(year: number): boolean {
  return yearsWithData.has(year);
}
