import { toZonedDate, type WorkCalendar } from '@zs/domain';

/**
 * The screening (研判) due date of a lead assigned at `assignedAt`: `workingDays` working days after the day of
 * assignment in the park's time zone, counted on the Chinese calendar (statutory holidays and 调休 make-up days).
 * Assigned on Friday 2026-09-25 with 3 working days → Wednesday 2026-09-30 (the weekend skipped).
 */
export function screeningDueOn(assignedAt: Date, timeZone: string, workingDays: number, calendar: WorkCalendar): string {
  return calendar.addWorkingDays(toZonedDate(assignedAt, timeZone), workingDays);
}
