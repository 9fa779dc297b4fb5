import { addDays, toZonedDate } from '../dates';
import { zonedDateTimeToInstant } from '../office-hours';
import type { PipelineStage, Stage } from '../stages';
import type { WorkCalendar } from '../working-days';
import { escalationPlan, type EscalationLevel, type EscalationTarget, type Offset, type ReminderRule, type RuleSettings } from './rules';

/**
 * When a reminder falls due, and when each escalation level is chased (pure; the worker scans with it).
 *
 * "N working days after an instant" is the same wall-clock time, in the park's time zone, on the N-th working
 * day after that instant's date (China's calendar: statutory holidays off, 调休 make-up days worked, admin
 * overrides on top). "N days" counts calendar days the same way; "N hours" is plain elapsed time. An offset of
 * 0 (in any unit) is the instant itself. A date-only deadline (`dueOn`) passes at the end of that day, i.e.
 * at the next midnight in the park's time zone.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Midnight at the start of `date` in `timeZone`. */
export function startOfZonedDay(date: string, timeZone: string): Date {
  return zonedDateTimeToInstant(date, 0, timeZone);
}

/** `at` moved by `offset` (negative values go back), counting working days on `calendar`. */
export function addOffset(at: Date, offset: Offset, timeZone: string, calendar: WorkCalendar): Date {
  if (offset.value === 0) return at;
  if (offset.unit === 'hours') return new Date(at.getTime() + offset.value * HOUR);
  const day = toZonedDate(at, timeZone);
  const sinceMidnight = at.getTime() - startOfZonedDay(day, timeZone).getTime();
  const target = offset.unit === 'days' ? addDays(day, offset.value) : calendar.addWorkingDays(day, offset.value);
  return new Date(startOfZonedDay(target, timeZone).getTime() + sinceMidnight);
}

/** What a cause's due time is computed from (the fields of its record that the rule reads). */
export interface CauseFacts {
  /** When the record was created (informational). */
  createdAt?: Date | null;
  /** task_due / task_overdue: the task's due instant. */
  dueAt?: Date | null;
  /** lead_unassigned (receivedOn), lead_unscreened (screeningDueOn), milestone / blocker (dueOn), committed dates, idle-land deadlines. */
  dueOn?: string | null;
  /** stale_project: the last visit or change, and the stage the project is in. */
  lastActivityAt?: Date | null;
  stage?: Stage | null;
}

/** The moment a cause falls due (level-0 time before any escalation delay), or null if it never does. */
export function fallsDueAt(rule: ReminderRule, facts: CauseFacts, settings: RuleSettings, timeZone: string, calendar: WorkCalendar): Date | null {
  switch (rule) {
    case 'lead_unassigned': {
      // to be assigned by the end of the N-th (working) day after the day the tip came in
      if (!facts.dueOn || !settings.threshold) return null;
      const { value, unit } = settings.threshold;
      const last = unit === 'working_days' ? calendar.addWorkingDays(facts.dueOn, value) : addDays(facts.dueOn, value);
      return startOfZonedDay(addDays(last, 1), timeZone);
    }
    case 'task_due':
    case 'task_overdue':
      return facts.dueAt ?? null;
    case 'stale_project': {
      const threshold = facts.stage ? settings.stageThresholds?.[facts.stage as PipelineStage] : null;
      return facts.lastActivityAt && threshold ? addOffset(facts.lastActivityAt, threshold, timeZone, calendar) : null;
    }
    case 'committed_date_approaching':
    case 'idle_land_deadline':
      return facts.dueOn && settings.threshold
        ? addOffset(startOfZonedDay(facts.dueOn, timeZone), { ...settings.threshold, value: -settings.threshold.value }, timeZone, calendar)
        : null;
    case 'lead_unscreened':
    case 'committed_date_overdue':
    case 'milestone_overdue':
    case 'blocker_overdue':
      return facts.dueOn ? startOfZonedDay(addDays(facts.dueOn, 1), timeZone) : null;
  }
}

export interface DueLevel {
  level: EscalationLevel;
  target: EscalationTarget;
  /** When this level fell due. */
  at: Date;
}

/** The levels of a cause that are due at `now` and have not fired yet, in level order. */
export function levelsDue(
  rule: ReminderRule,
  facts: CauseFacts,
  settings: RuleSettings,
  fired: readonly number[],
  now: Date,
  timeZone: string,
  calendar: WorkCalendar,
): DueLevel[] {
  if (!settings.enabled) return [];
  // once the date has passed it is no longer approaching: committed_date_overdue takes over
  if ((rule === 'committed_date_approaching' || rule === 'idle_land_deadline') && facts.dueOn && facts.dueOn < toZonedDate(now, timeZone)) return [];
  const base = fallsDueAt(rule, facts, settings, timeZone, calendar);
  if (!base) return [];
  return escalationPlan(settings)
    .filter(({ level }) => !fired.includes(level))
    .map(({ level, target, delay }) => ({ level, target, at: addOffset(base, delay, timeZone, calendar) }))
    .filter(({ at }) => at.getTime() <= now.getTime());
}

/** The shortest and the longest an offset can span (working days skip weekends and holidays: two weeks of slack). */
export function offsetSpan(offset: Offset): { min: number; max: number } {
  const v = offset.value;
  if (offset.unit === 'hours') return { min: v * HOUR, max: v * HOUR };
  if (offset.unit === 'days' || v === 0) return { min: v * DAY - HOUR, max: v * DAY + HOUR };
  const longest = (Math.ceil((Math.abs(v) * 7) / 5) + 15) * DAY + HOUR;
  return v > 0 ? { min: v * DAY - HOUR, max: longest } : { min: -longest, max: v * DAY + HOUR };
}

/** Causes whose every level fell due longer ago than this and never fired are not searched for (stale projects, committed dates). */
export const REMINDER_LOOKBACK_DAYS = 90;

/**
 * The bounds a scan puts on a rule's raw field in SQL (a superset of the causes with a level due at `now`; the
 * exact times are then computed with {@link levelsDue}). Unset bounds do not apply.
 * - `before`: the instant field (task dueAt) is at or before it;
 * - `dateBefore`: the date field is strictly before it; `dateFrom`/`dateTo`: the date field is within them;
 * - `stages`: stale projects, per watched stage: last activity within (after, before].
 */
export interface ScanBounds {
  before?: Date;
  dateBefore?: string;
  dateFrom?: string;
  dateTo?: string;
  stages?: { stage: PipelineStage; before: Date; after: Date }[];
}

export function scanBounds(rule: ReminderRule, settings: RuleSettings, now: Date, timeZone: string): ScanBounds | null {
  const plan = escalationPlan(settings);
  if (!settings.enabled || !plan.length) return null;
  const minDelay = Math.min(...plan.map((p) => offsetSpan(p.delay).min));
  const maxDelay = Math.max(...plan.map((p) => offsetSpan(p.delay).max));
  // the latest instant at which a cause can fall due and still have a level due now
  const latestDue = new Date(now.getTime() - minDelay);
  const lookback = REMINDER_LOOKBACK_DAYS * DAY;
  switch (rule) {
    case 'lead_unassigned':
      // due at the end of receivedOn + threshold: receivedOn + threshold + 1 ≤ the latest due date
      return settings.threshold ? { dateBefore: toZonedDate(new Date(latestDue.getTime() - offsetSpan(settings.threshold).min + DAY), timeZone) } : null;
    case 'task_due':
    case 'task_overdue':
      return { before: latestDue };
    case 'lead_unscreened':
    case 'milestone_overdue':
    case 'blocker_overdue':
      // due at the end of dueOn: dueOn + 1 ≤ the latest due date
      return { dateBefore: toZonedDate(latestDue, timeZone) };
    case 'committed_date_overdue':
      return {
        dateBefore: toZonedDate(latestDue, timeZone),
        dateFrom: toZonedDate(new Date(now.getTime() - maxDelay - lookback - DAY), timeZone),
      };
    case 'committed_date_approaching':
    case 'idle_land_deadline': {
      if (!settings.threshold) return null;
      const ahead = offsetSpan(settings.threshold).max;
      // not once the date has passed (then it is overdue, another rule)
      return { dateFrom: toZonedDate(now, timeZone), dateTo: toZonedDate(new Date(latestDue.getTime() + ahead), timeZone) };
    }
    case 'stale_project': {
      const stages = Object.entries(settings.stageThresholds ?? {}).flatMap(([stage, threshold]) => {
        if (!threshold) return [];
        const span = offsetSpan(threshold);
        return [{
          stage: stage as PipelineStage,
          before: new Date(latestDue.getTime() - span.min),
          after: new Date(now.getTime() - maxDelay - span.max - lookback),
        }];
      });
      return stages.length ? { stages } : null;
    }
  }
}
