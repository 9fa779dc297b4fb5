import { isOfficeTime, nextOfficeTime, officeStartCron, parseOfficeHours, zonedDateTimeToInstant, zonedMinutesOfDay } from './office-hours';
import { WorkCalendar } from './working-days';

const SH = 'Asia/Shanghai';
const calendar = new WorkCalendar();
/** An instant given as Shanghai wall-clock time (UTC+8, no DST). */
const sh = (local: string) => new Date(`${local}+08:00`);

describe('office hours', () => {
  it('parses HH:MM-HH:MM into minutes after midnight', () => {
    expect(parseOfficeHours('09:00-18:00')).toEqual({ startMinutes: 540, endMinutes: 1080 });
    expect(parseOfficeHours(' 08:30-24:00 ')).toEqual({ startMinutes: 510, endMinutes: 1440 });
  });

  it('rejects malformed hours and a start after the end, naming OFFICE_HOURS', () => {
    for (const bad of ['9-18', '09:00', '18:00-09:00', '09:00-09:00', '25:00-26:00', '09:60-18:00']) {
      expect(() => parseOfficeHours(bad)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'OFFICE_HOURS' })] }));
    }
  });

  it('converts a Shanghai wall-clock time to the instant and back', () => {
    expect(zonedDateTimeToInstant('2026-04-07', 9 * 60, SH).toISOString()).toBe('2026-04-07T01:00:00.000Z');
    expect(zonedMinutesOfDay(new Date('2026-04-07T01:00:00Z'), SH)).toBe(540);
    expect(zonedMinutesOfDay(new Date('2026-04-06T16:00:00Z'), SH)).toBe(0);
  });

  it('handles a zone with daylight saving time (Europe/Berlin, summer)', () => {
    expect(zonedDateTimeToInstant('2026-07-01', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(zonedDateTimeToInstant('2026-01-05', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-01-05T08:00:00.000Z');
  });

  it('lets a message inside office hours on a working day go at once', () => {
    const at = sh('2026-04-02T10:15:00');
    expect(nextOfficeTime(at, calendar, SH, '09:00-18:00')).toEqual(at);
    expect(isOfficeTime(at, calendar, SH, '09:00-18:00')).toBe(true);
  });

  it('holds a message before the start of a working day until that day’s start', () => {
    expect(nextOfficeTime(sh('2026-04-02T06:30:00'), calendar, SH, '09:00-18:00')).toEqual(sh('2026-04-02T09:00:00'));
  });

  it('holds a message at the end of office hours (end exclusive) until the next working day', () => {
    expect(nextOfficeTime(sh('2026-04-01T18:00:00'), calendar, SH, '09:00-18:00')).toEqual(sh('2026-04-02T09:00:00'));
  });

  it('holds a reminder due 22:00 on the Friday before Qingming (4–6 April 2026) until Tuesday 09:00', () => {
    expect(calendar.isWorkingDay('2026-04-03')).toBe(true);
    const sent = nextOfficeTime(sh('2026-04-03T22:00:00'), calendar, SH, '09:00-18:00');
    expect(sent).toEqual(sh('2026-04-07T09:00:00'));
    expect(sent.toISOString()).toBe('2026-04-07T01:00:00.000Z');
  });

  it('sends on a 调休 make-up Saturday (9 May 2026) but not on an ordinary Saturday', () => {
    expect(nextOfficeTime(sh('2026-05-08T20:00:00'), calendar, SH, '09:00-18:00')).toEqual(sh('2026-05-09T09:00:00'));
    expect(nextOfficeTime(sh('2026-05-15T20:00:00'), calendar, SH, '09:00-18:00')).toEqual(sh('2026-05-18T09:00:00'));
  });

  it('skips the whole Labour Day holiday (1–5 May 2026)', () => {
    expect(nextOfficeTime(sh('2026-05-01T10:00:00'), calendar, SH, '09:00-18:00')).toEqual(sh('2026-05-06T09:00:00'));
  });

  it('honours an admin’s calendar override (a local holiday on a Wednesday)', () => {
    const local = new WorkCalendar([{ date: '2026-04-08', kind: 'holiday', name: '园区假日' }]);
    expect(nextOfficeTime(sh('2026-04-07T19:00:00'), local, SH, { startMinutes: 510, endMinutes: 1050 })).toEqual(sh('2026-04-09T08:30:00'));
  });

  it('reads the local day in the park’s zone, not in UTC (01:00 Shanghai is the previous day in UTC)', () => {
    // Tuesday 01:00 Shanghai = Monday 17:00 UTC: held until Tuesday 09:00 Shanghai, not sent "Monday"
    expect(nextOfficeTime(sh('2026-04-07T01:00:00'), calendar, SH, '09:00-18:00')).toEqual(sh('2026-04-07T09:00:00'));
  });

  it('gives the daily cron of the start of office hours', () => {
    expect(officeStartCron('09:00-18:00')).toBe('0 9 * * *');
    expect(officeStartCron('08:30-17:30')).toBe('30 8 * * *');
  });
});
