import { addDays, rememberedByZone, toZonedDate } from './dates';
import { validationError } from './domain-error';
import type { WorkCalendar } from './working-days';

/**
 * Office hours (办公时间) in the park's time zone: email, robot messages and digests wait for them;
 * in-app notifications never do. Minutes after local midnight, start inclusive, end exclusive.
 */
export interface OfficeHours {
  startMinutes: number;
  endMinutes: number;
}

export const DEFAULT_OFFICE_HOURS = '09:00-18:00';

const HOURS_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** Reads `HH:MM-HH:MM` (e.g. `09:00-18:00`; the end may be `24:00`); the start must come before the end. */
export function parseOfficeHours(text: string): OfficeHours {
  const match = HOURS_PATTERN.exec(text.trim());
  if (!match) throw validationError('OFFICE_HOURS', `办公时间格式应为 HH:MM-HH:MM：${text} (expected e.g. 09:00-18:00)`);
  const startMinutes = Number(match[1]) * 60 + Number(match[2]);
  const endMinutes = Number(match[3]) * 60 + Number(match[4]);
  if (endMinutes > 24 * 60 || startMinutes >= endMinutes) {
    throw validationError('OFFICE_HOURS', `办公时间的开始须早于结束：${text} (the start must come before the end)`);
  }
  return { startMinutes, endMinutes };
}

export function isValidOfficeHours(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    parseOfficeHours(text);
    return true;
  } catch {
    return false;
  }
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes after local midnight of an instant in a time zone (seconds ignored). */
export const zonedMinutesOfDay: (instant: Date, timeZone: string) => number = rememberedByZone(formatZonedMinutes);

function formatZonedMinutes(instant: Date, timeZone: string): number {
  let formatter = timeFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    timeFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value) % 24;
  return hour * 60 + Number(parts.find((p) => p.type === 'minute')?.value);
}

/**
 * The instant at which the wall clock of `timeZone` reads `date` + `minutes` after midnight (for a time
 * skipped by a DST change: the instant just after the gap). Asia/Shanghai has no DST; other zones work too.
 */
export function zonedDateTimeToInstant(date: string, minutes: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const wanted = Date.UTC(y, m - 1, d, 0, minutes);
  // Guess with the zone's offset at the wanted wall time read as UTC, then correct once with the offset there.
  let instant = wanted - offsetMs(new Date(wanted), timeZone);
  instant = wanted - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
function offsetMs(instant: Date, timeZone: string): number {
  const date = toZonedDate(instant, timeZone);
  const [y, m, d] = date.split('-').map(Number);
  const local = Date.UTC(y, m - 1, d, 0, zonedMinutesOfDay(instant, timeZone));
  return local - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/**
 * When a message due at `at` may go out: `at` itself if it falls inside office hours on a working day of
 * `calendar` (in `timeZone`), otherwise the start of office hours on the next working day (today's, if
 * `at` is before today's start on a working day). `hours` is an {@link OfficeHours} or `HH:MM-HH:MM`.
 */
export function nextOfficeTime(at: Date, calendar: WorkCalendar, timeZone: string, hours: OfficeHours | string): Date {
  const { startMinutes, endMinutes } = typeof hours === 'string' ? parseOfficeHours(hours) : hours;
  const today = toZonedDate(at, timeZone);
  const minutes = zonedMinutesOfDay(at, timeZone);
  if (calendar.isWorkingDay(today)) {
    if (minutes >= startMinutes && minutes < endMinutes) return at;
    if (minutes < startMinutes) return zonedDateTimeToInstant(today, startMinutes, timeZone);
  }
  return zonedDateTimeToInstant(calendar.addWorkingDays(addDays(today, 1), 0), startMinutes, timeZone);
}

/** Whether `at` lies inside office hours on a working day (in `timeZone`). */
export function isOfficeTime(at: Date, calendar: WorkCalendar, timeZone: string, hours: OfficeHours | string): boolean {
  return nextOfficeTime(at, calendar, timeZone, hours).getTime() === at.getTime();
}

/** A daily cron pattern (`m h * * *`) firing at the start of office hours, for a scheduler in the park's zone. */
export function officeStartCron(hours: OfficeHours | string): string {
  const { startMinutes } = typeof hours === 'string' ? parseOfficeHours(hours) : hours;
  return `${startMinutes % 60} ${Math.floor(startMinutes / 60)} * * *`;
}
