import { validationError } from './domain-error';

/**
 * Calendar dates as `YYYY-MM-DD` strings (the API's `…On` fields). Arithmetic runs on UTC midnights, so
 * the server's own time zone never shifts a date.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= daysInMonth;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function format(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms);
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** UTC midnight of a `YYYY-MM-DD` date, in milliseconds. */
function toUtcMs(date: string, field: string): number {
  const match = DATE_ONLY.exec(date);
  if (!match || !isRealDate(+match[1], +match[2], +match[3])) {
    throw validationError(field, `日期格式应为 YYYY-MM-DD 且为真实日期：${date}`);
  }
  const d = new Date(0);
  d.setUTCFullYear(+match[1], +match[2] - 1, +match[3]);
  return d.getTime();
}

/** Strict check: exactly `YYYY-MM-DD` and a real calendar date (no 2026-02-30). */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_ONLY.exec(value);
  return match !== null && isRealDate(+match[1], +match[2], +match[3]);
}

// Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is the fictitious 1900-02-29.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31

function fromExcelSerial(serial: number, field: string): string {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day > EXCEL_MAX_SERIAL || day === 60) {
    throw validationError(field, `无法识别的 Excel 日期序号：${serial}`);
  }
  // Serials before the fictitious 29 February are one day further from the epoch.
  return fromUtcMs(EXCEL_EPOCH_MS + (day < 60 ? day + 1 : day) * MS_PER_DAY);
}

const DATE_PATTERNS: RegExp[] = [
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, // 2026-03-05, 2026/3/5, 2026.3.5
  /^(\d{4})年()(\d{1,2})月(\d{1,2})日?$/, // 2007年11月10日
  /^(\d{4})()(\d{2})(\d{2})$/, // 20260305
];

/**
 * Reads a date as people type it (and as spreadsheets hold it) and returns `YYYY-MM-DD`.
 * Accepts `2026-03-05`, `2026/3/5`, `2026.3.5`, `2007年11月10日`, `20260305` (full-width digits too),
 * a number as an Excel serial day (1900 system; a time fraction is ignored), and a Date (its UTC
 * calendar day, which is how spreadsheet readers hand over date cells). Throws a validation error
 * on anything else or on an impossible date.
 */
export function parseDateOnly(input: string | Date | number, field = 'date'): string {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw validationError(field, '无效的日期');
    return fromUtcMs(input.getTime());
  }
  if (typeof input === 'number') return fromExcelSerial(input, field);
  if (typeof input !== 'string') throw validationError(field, '无效的日期');
  const text = input.normalize('NFKC').trim();
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day] = [+match[1], +match[3], +match[4]];
    if (!isRealDate(year, month, day)) throw validationError(field, `不存在的日期：${input}`);
    return format(year, month, day);
  }
  throw validationError(field, `无法识别的日期：${input}`);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/**
 * `compute` remembering its recent answers by zone and instant: Intl's formatToParts costs ~5 µs, and a burst of
 * reminders asks for the same few instants (its due time, "now") 100,000 times. Bounded: emptied when full.
 */
export function rememberedByZone<T>(compute: (instant: Date, timeZone: string) => T, kept = 4096): (instant: Date, timeZone: string) => T {
  const answers = new Map<string, T>();
  return (instant, timeZone) => {
    const key = `${timeZone}|${instant.getTime()}`;
    const known = answers.get(key);
    if (known !== undefined) return known;
    const answer = compute(instant, timeZone);
    if (answers.size >= kept) answers.clear();
    answers.set(key, answer);
    return answer;
  };
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone, e.g. the park's Asia/Shanghai. */
export const toZonedDate: (instant: Date, timeZone: string) => string = rememberedByZone(formatZonedDate);

function formatZonedDate(instant: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return format(part('year'), part('month'), part('day'));
}

/** The date `n` calendar days after `date` (before it when `n` is negative). */
export function addDays(date: string, n: number): string {
  return fromUtcMs(toUtcMs(date, 'date') + Math.trunc(n) * MS_PER_DAY);
}

/** Calendar days from `a` to `b`: positive when `b` is later, 0 for the same day. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcMs(b, 'date') - toUtcMs(a, 'date')) / MS_PER_DAY);
}

/** Day of the week of a `YYYY-MM-DD` date: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toUtcMs(date, 'date')).getUTCDay();
}
