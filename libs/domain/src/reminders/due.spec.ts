import { addDays, toZonedDate } from '../dates';
import { WorkCalendar } from '../working-days';
import { addOffset, fallsDueAt, levelsDue, offsetSpan, scanBounds, startOfZonedDay } from './due';
import { REMINDER_RULES, RULE_DEFINITIONS, type RuleSettings } from './rules';

const TZ = 'Asia/Shanghai';
const calendar = new WorkCalendar();
const at = (local: string) => new Date(`${local}+08:00`);
const defaults = (rule: keyof typeof RULE_DEFINITIONS): RuleSettings => structuredClone(RULE_DEFINITIONS[rule].defaults);

describe('addOffset', () => {
  it('counts working days across the National Day week 2026 at the same wall-clock time', () => {
    // Tuesday 29 September + 2 working days: 30 September, then 1–7 October off, then Thursday 8 October
    expect(addOffset(at('2026-09-29T10:00:00'), { value: 2, unit: 'working_days' }, TZ, calendar)).toEqual(at('2026-10-08T10:00:00'));
  });

  it('counts the 调休 Saturday 10 October 2026 as a working day', () => {
    // 8 (2), 9 (3), Saturday 10 (4), Sunday 11 off, Monday 12 (5)
    expect(addOffset(at('2026-09-29T10:00:00'), { value: 4, unit: 'working_days' }, TZ, calendar)).toEqual(at('2026-10-10T10:00:00'));
    expect(addOffset(at('2026-09-29T10:00:00'), { value: 5, unit: 'working_days' }, TZ, calendar)).toEqual(at('2026-10-12T10:00:00'));
  });

  it('counts calendar days and hours as they are, and goes back with a negative value', () => {
    expect(addOffset(at('2026-09-29T10:00:00'), { value: 3, unit: 'days' }, TZ, calendar)).toEqual(at('2026-10-02T10:00:00'));
    expect(addOffset(at('2026-09-29T22:30:00'), { value: 4, unit: 'hours' }, TZ, calendar)).toEqual(at('2026-09-30T02:30:00'));
    expect(addOffset(at('2026-10-15T00:00:00'), { value: -7, unit: 'days' }, TZ, calendar)).toEqual(at('2026-10-08T00:00:00'));
    expect(addOffset(at('2026-10-09T00:00:00'), { value: -1, unit: 'working_days' }, TZ, calendar)).toEqual(at('2026-10-08T00:00:00'));
  });

  it('leaves the instant alone for an offset of 0, whatever the unit', () => {
    expect(addOffset(at('2026-10-03T10:00:00'), { value: 0, unit: 'working_days' }, TZ, calendar)).toEqual(at('2026-10-03T10:00:00'));
  });

  it('uses an admin override for a year the package does not know', () => {
    const with2027 = new WorkCalendar(['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2027-10-${d}`, kind: 'holiday' as const })));
    // Thursday 30 September 2027 + 1 working day: without the override Friday 1 October, with it Friday 8 October
    expect(addOffset(at('2027-09-30T09:00:00'), { value: 1, unit: 'working_days' }, TZ, calendar)).toEqual(at('2027-10-01T09:00:00'));
    expect(addOffset(at('2027-09-30T09:00:00'), { value: 1, unit: 'working_days' }, TZ, with2027)).toEqual(at('2027-10-08T09:00:00'));
  });

  it('starts a date-only day at midnight in the park time zone', () => {
    expect(startOfZonedDay('2026-10-08', TZ).toISOString()).toBe('2026-10-07T16:00:00.000Z');
  });
});

describe('fallsDueAt', () => {
  it('makes a task due at its due time', () => {
    expect(fallsDueAt('task_due', { dueAt: at('2026-09-29T10:00:00') }, defaults('task_due'), TZ, calendar)).toEqual(at('2026-09-29T10:00:00'));
  });

  it('makes a dated deadline (milestone, blocker, screening, committed date) due at the end of that day', () => {
    for (const rule of ['milestone_overdue', 'blocker_overdue', 'lead_unscreened', 'committed_date_overdue'] as const) {
      expect(fallsDueAt(rule, { dueOn: '2026-09-30' }, defaults(rule), TZ, calendar)).toEqual(at('2026-10-01T00:00:00'));
    }
  });

  it('makes a lead due for assignment at the end of the working day after it came in (30 September 2026 → end of 8 October)', () => {
    expect(fallsDueAt('lead_unassigned', { dueOn: '2026-09-30' }, defaults('lead_unassigned'), TZ, calendar)).toEqual(at('2026-10-09T00:00:00'));
    // received on Friday 9 October: the next working day is the 调休 Saturday 10th
    expect(fallsDueAt('lead_unassigned', { dueOn: '2026-10-09' }, defaults('lead_unassigned'), TZ, calendar)).toEqual(at('2026-10-11T00:00:00'));
  });

  it('makes a committed date approach seven calendar days before it', () => {
    expect(fallsDueAt('committed_date_approaching', { dueOn: '2026-10-15' }, defaults('committed_date_approaching'), TZ, calendar)).toEqual(at('2026-10-08T00:00:00'));
  });

  it('brings an idle-land deadline 60 calendar days ahead of it', () => {
    expect(fallsDueAt('idle_land_deadline', { dueOn: '2026-12-20' }, defaults('idle_land_deadline'), TZ, calendar)).toEqual(at('2026-10-21T00:00:00'));
  });

  it('makes a project stale after its stage threshold in working days, and never in a stage without one', () => {
    const settings = defaults('stale_project');
    // 15 working days after Monday 14 September 2026 10:00: Sunday 20 September (调休) counted, 1–7 October
    // off, and the 15th is the 调休 Saturday 10 October
    const landed = fallsDueAt('stale_project', { lastActivityAt: at('2026-09-14T10:00:00'), stage: 'land_delivered' }, settings, TZ, calendar);
    expect(calendar.workingDaysBetween('2026-09-14', toZonedDate(landed!, TZ))).toBe(15);
    expect(landed).toEqual(at('2026-10-10T10:00:00'));
    expect(fallsDueAt('stale_project', { lastActivityAt: at('2026-09-14T10:00:00'), stage: 'intention' }, settings, TZ, calendar)).toBeNull();
  });
});

describe('levelsDue', () => {
  const settings = defaults('task_overdue'); // leader after 2 working days, managers after 5
  const facts = { dueAt: at('2026-09-29T10:00:00') };

  it('has nothing due before the first escalation', () => {
    expect(levelsDue('task_overdue', facts, settings, [], at('2026-10-07T23:59:59'), TZ, calendar)).toEqual([]);
  });

  it('escalates to the leading official on the second working day and to the managers on the fifth', () => {
    expect(levelsDue('task_overdue', facts, settings, [], at('2026-10-08T10:00:00'), TZ, calendar)).toEqual([
      { level: 1, target: 'leader', at: at('2026-10-08T10:00:00') },
    ]);
    expect(levelsDue('task_overdue', facts, settings, [1], at('2026-10-10T10:00:00'), TZ, calendar)).toEqual([]);
    expect(levelsDue('task_overdue', facts, settings, [1], at('2026-10-12T10:00:00'), TZ, calendar)).toEqual([
      { level: 2, target: 'managers', at: at('2026-10-12T10:00:00') },
    ]);
  });

  it('gives every due level at once when the cause is found late, and none of those already fired', () => {
    expect(levelsDue('task_overdue', facts, settings, [], at('2026-11-01T00:00:00'), TZ, calendar).map((l) => l.level)).toEqual([1, 2]);
    expect(levelsDue('task_overdue', facts, settings, [1, 2], at('2026-11-01T00:00:00'), TZ, calendar)).toEqual([]);
  });

  it('has nothing approaching once the committed date has passed', () => {
    const approaching = RULE_DEFINITIONS.committed_date_approaching.defaults;
    expect(levelsDue('committed_date_approaching', { dueOn: '2026-10-15' }, approaching, [], at('2026-10-15T23:00:00'), TZ, calendar)).toHaveLength(1);
    expect(levelsDue('committed_date_approaching', { dueOn: '2026-10-15' }, approaching, [], at('2026-10-16T00:00:00'), TZ, calendar)).toEqual([]);
  });

  it('chases an idle-land deadline up to the day itself, escalating to the leading official 5 working days on', () => {
    const idle = RULE_DEFINITIONS.idle_land_deadline.defaults;
    // due Wednesday 21 October 2026; + 5 working days: 22, 23, 26, 27, 28 October
    expect(levelsDue('idle_land_deadline', { dueOn: '2026-12-20' }, idle, [0], at('2026-10-27T23:00:00'), TZ, calendar)).toEqual([]);
    expect(levelsDue('idle_land_deadline', { dueOn: '2026-12-20' }, idle, [0], at('2026-10-28T00:00:00'), TZ, calendar).map((d) => d.target)).toEqual(['leader']);
    expect(levelsDue('idle_land_deadline', { dueOn: '2026-12-20' }, idle, [], at('2026-12-21T00:00:00'), TZ, calendar)).toEqual([]);
  });

  it('has nothing due for a disabled rule', () => {
    expect(levelsDue('task_overdue', facts, { ...settings, enabled: false }, [], at('2026-11-01T00:00:00'), TZ, calendar)).toEqual([]);
  });
});

describe('scanBounds', () => {
  it('never excludes a cause that has a level due (checked day by day around National Day 2026 for every rule)', () => {
    for (const rule of REMINDER_RULES) {
      const settings = defaults(rule);
      for (let i = 0; i < 80; i++) {
        const now = new Date(at('2026-09-10T08:00:00').getTime() + i * 19 * 3_600_000);
        const bounds = scanBounds(rule, settings, now, TZ)!;
        for (let d = -60; d <= 20; d++) {
          const day = addDays(toZonedDate(now, TZ), d);
          const instant = new Date(startOfZonedDay(day, TZ).getTime() + 13.5 * 3_600_000);
          const facts = { createdAt: instant, dueAt: instant, dueOn: day, lastActivityAt: instant, stage: 'land_delivered' as const };
          if (!levelsDue(rule, facts, settings, [], now, TZ, calendar).length) continue;
          if (bounds.before) expect(instant.getTime()).toBeLessThanOrEqual(bounds.before.getTime());
          if (bounds.dateBefore) expect(day < bounds.dateBefore).toBe(true);
          if (bounds.dateFrom) expect(day >= bounds.dateFrom).toBe(true);
          if (bounds.dateTo) expect(day <= bounds.dateTo).toBe(true);
          if (bounds.stages) {
            const stage = bounds.stages.find((s) => s.stage === 'land_delivered')!;
            expect(instant.getTime()).toBeLessThanOrEqual(stage.before.getTime());
            expect(instant.getTime()).toBeGreaterThan(stage.after.getTime());
          }
        }
      }
    }
  });

  it('looks no further back than the lookback for stale projects', () => {
    const now = at('2026-10-12T10:00:00');
    const [landed] = scanBounds('stale_project', defaults('stale_project'), now, TZ)!.stages!.filter((s) => s.stage === 'land_delivered');
    expect(now.getTime() - landed.after.getTime()).toBeLessThan(200 * 86_400_000);
  });

  it('has no bounds for a disabled rule', () => {
    expect(scanBounds('task_due', { ...defaults('task_due'), enabled: false }, at('2026-10-12T10:00:00'), TZ)).toBeNull();
  });

  it('spans working days at least as many calendar days and at most two weeks more', () => {
    const span = offsetSpan({ value: 5, unit: 'working_days' });
    expect(span.min).toBeLessThanOrEqual(5 * 86_400_000);
    expect(span.max).toBeGreaterThanOrEqual(22 * 86_400_000);
  });
});
