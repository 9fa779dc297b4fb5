import { DomainError } from './domain-error';
import { type CalendarOverride, WorkCalendar } from './working-days';

describe('WorkCalendar with the State Council calendar (chinese-days)', () => {
  const calendar = new WorkCalendar();

  it.each(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'])(
    'takes %s off (National Day week 2026)',
    (date) => {
      expect(calendar.isWorkingDay(date)).toBe(false);
    },
  );

  it('counts the 调休 Saturday 2026-10-10 and Sunday 2026-09-20 as working days', () => {
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
  });

  it('counts an ordinary weekday as working and an ordinary weekend day as not', () => {
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false);
  });

  it('takes the 2026 Spring Festival off and works its make-up Saturdays', () => {
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
  });

  it('adds working days across the National Day week, counting the make-up Saturday', () => {
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
  });

  it('sets a screening due date three working days after an assignment on Friday 2026-09-18', () => {
    // Saturday 19 off, Sunday 20 is a make-up working day.
    expect(calendar.addWorkingDays('2026-09-18', 3)).toBe('2026-09-22');
  });

  it('returns a working day itself for n = 0, and the next working day for a day off', () => {
    expect(calendar.addWorkingDays('2026-10-08', 0)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-10-03', 0)).toBe('2026-10-08');
  });

  it('counts backwards for a negative n', () => {
    expect(calendar.addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
  });

  it('counts working days after the first date up to and including the second', () => {
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(calendar.workingDaysBetween('2026-10-10', '2026-09-30')).toBe(-3);
    expect(calendar.workingDaysBetween('2026-10-01', '2026-10-07')).toBe(0);
    expect(calendar.workingDaysBetween('2026-10-08', '2026-10-08')).toBe(0);
  });

  it('agrees with addWorkingDays for every n from 1 to 40', () => {
    for (let n = 1; n <= 40; n++) {
      expect(calendar.workingDaysBetween('2026-09-15', calendar.addWorkingDays('2026-09-15', n))).toBe(n);
    }
  });

  it('knows which years the package has official data for', () => {
    expect(calendar.hasOfficialData(2026)).toBe(true);
    expect(calendar.hasOfficialData(2004)).toBe(true);
    expect(calendar.hasOfficialData(2003)).toBe(false);
    expect(calendar.hasOfficialData(2027)).toBe(false);
  });

  it('treats Monday to Friday as working in a year without data', () => {
    expect(calendar.isWorkingDay('2027-10-01')).toBe(true); // a Friday
    expect(calendar.isWorkingDay('2027-10-02')).toBe(false); // a Saturday
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => calendar.isWorkingDay('2026/10/01')).toThrow(DomainError);
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(DomainError);
    expect(() => calendar.addWorkingDays('2026-03-02', 1.5)).toThrow(DomainError);
  });
});

describe('WorkCalendar with admin overrides', () => {
  // 2027 is not in chinese-days 1.5.7: an admin enters National Day week as the State Council publishes it.
  const national2027: CalendarOverride[] = [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
      date: `2027-10-${d}`,
      kind: 'holiday' as const,
      name: '国庆节',
    })),
    { date: '2027-10-09', kind: 'workday', name: '国庆节调休' },
  ];
  const calendar = new WorkCalendar(national2027);

  it('uses a 2027 holiday override', () => {
    expect(calendar.isWorkingDay('2027-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-10-04')).toBe(false);
  });

  it('uses a 2027 workday override on a Saturday', () => {
    expect(calendar.isWorkingDay('2027-10-09')).toBe(true);
  });

  it('adds working days through overridden days', () => {
    // Thursday 30 September 2027 + 1 working day: 1–7 off, 8 is a Friday.
    expect(calendar.addWorkingDays('2027-09-30', 1)).toBe('2027-10-08');
    expect(calendar.addWorkingDays('2027-09-30', 2)).toBe('2027-10-09');
  });

  it('counts a year with overrides as having data', () => {
    expect(calendar.hasOfficialData(2027)).toBe(true);
    expect(calendar.hasOfficialData(2028)).toBe(false);
  });

  it('lets an override win over the package data', () => {
    const local = new WorkCalendar([
      { date: '2026-03-02', kind: 'holiday', name: '园区停电检修' },
      { date: '2026-10-02', kind: 'workday' },
    ]);
    expect(local.isWorkingDay('2026-03-02')).toBe(false);
    expect(local.isWorkingDay('2026-10-02')).toBe(true);
  });

  it('lets the later of two overrides of one date win', () => {
    const local = new WorkCalendar([
      { date: '2026-03-02', kind: 'holiday' },
      { date: '2026-03-02', kind: 'workday' },
    ]);
    expect(local.isWorkingDay('2026-03-02')).toBe(true);
  });

  it('rejects an override with an invalid date, naming it', () => {
    expect(() => new WorkCalendar([{ date: '2027-02-30', kind: 'holiday' }])).toThrow(
      expect.objectContaining({ details: [{ field: 'overrides[0].date', message: expect.any(String) }] }),
    );
  });
});
