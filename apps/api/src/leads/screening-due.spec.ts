import { WorkCalendar } from '@zs/domain';
import { screeningDueOn } from './screening-due';

describe('screeningDueOn', () => {
  const calendar = new WorkCalendar();

  it('skips the weekend: assigned on Friday 2026-11-20, due three working days later on Wednesday', () => {
    expect(screeningDueOn(new Date('2026-11-20T10:00:00+08:00'), 'Asia/Shanghai', 3, calendar)).toBe('2026-11-25');
  });

  it('counts from the day of assignment in the park’s time zone, not in UTC', () => {
    // 23:30 UTC on Thursday is already Friday morning in Shanghai.
    expect(screeningDueOn(new Date('2026-11-19T23:30:00Z'), 'Asia/Shanghai', 3, calendar)).toBe('2026-11-25');
    expect(screeningDueOn(new Date('2026-11-19T23:30:00Z'), 'UTC', 3, calendar)).toBe('2026-11-24');
  });

  it('skips statutory holidays and counts a 调休 Saturday as a working day', () => {
    // Mid-Autumn 2026: Friday 25 – Sunday 27 September off.
    expect(screeningDueOn(new Date('2026-09-24T09:00:00+08:00'), 'Asia/Shanghai', 3, calendar)).toBe('2026-09-30');
    // National Day 2026: 1–7 October off, Saturday 10 October worked.
    expect(screeningDueOn(new Date('2026-09-30T09:00:00+08:00'), 'Asia/Shanghai', 3, calendar)).toBe('2026-10-10');
  });

  it('follows the configured number of working days', () => {
    expect(screeningDueOn(new Date('2026-11-25T09:00:00+08:00'), 'Asia/Shanghai', 1, calendar)).toBe('2026-11-26');
    expect(screeningDueOn(new Date('2026-11-25T09:00:00+08:00'), 'Asia/Shanghai', 5, calendar)).toBe('2026-12-02');
  });
});
