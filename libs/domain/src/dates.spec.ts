import { DomainError } from './domain-error';
import { addDays, dayOfWeek, daysBetween, isDateOnly, parseDateOnly, toZonedDate } from './dates';

describe('isDateOnly', () => {
  it.each(['2026-03-05', '2024-02-29', '2000-02-29', '1999-12-31'])('accepts %s', (s) => {
    expect(isDateOnly(s)).toBe(true);
  });

  it.each(['2026-02-30', '2025-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-3-5', '2026-03-05T00:00', '', 20260305])(
    'rejects %p',
    (s) => {
      expect(isDateOnly(s)).toBe(false);
    },
  );
});

describe('parseDateOnly', () => {
  it.each<[string | number | Date, string]>([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026-3-5', '2026-03-05'],
    ['2007年11月10日', '2007-11-10'],
    ['2007年11月10', '2007-11-10'],
    ['20260305', '2026-03-05'],
    [' 2026/03/05 ', '2026-03-05'],
    ['２０２６年３月５日', '2026-03-05'],
    [46086, '2026-03-05'],
    [46086.75, '2026-03-05'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [new Date('2026-03-05T00:00:00Z'), '2026-03-05'],
  ])('reads %p as %s', (input, expected) => {
    expect(parseDateOnly(input)).toBe(expected);
  });

  it.each<string | number | Date>([
    '2026-02-30',
    '2026/13/1',
    '20260230',
    '2026-03/05',
    'tomorrow',
    '',
    '05/03/2026',
    60,
    0,
    -5,
    Number.NaN,
    new Date('invalid'),
  ])('rejects %p with a validation error', (input) => {
    expect(() => parseDateOnly(input)).toThrow(DomainError);
  });

  it('names the given field in the validation error', () => {
    expect(() => parseDateOnly('2026-02-30', 'signedOn')).toThrow(
      expect.objectContaining({ details: [{ field: 'signedOn', message: expect.stringContaining('2026-02-30') }] }),
    );
  });
});

describe('toZonedDate', () => {
  it('gives the next day in Asia/Shanghai for a UTC evening', () => {
    expect(toZonedDate(new Date('2026-03-01T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
  });

  it('gives the same day in Asia/Shanghai just before local midnight', () => {
    expect(toZonedDate(new Date('2026-03-01T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-03-01');
  });

  it('gives the previous day west of UTC', () => {
    expect(toZonedDate(new Date('2026-03-01T03:00:00Z'), 'America/New_York')).toBe('2026-02-28');
  });

  it('answers an instant asked again (remembered) per time zone, also after many other instants', () => {
    const instant = new Date('2026-03-01T03:00:00Z');
    expect(toZonedDate(instant, 'Asia/Shanghai')).toBe('2026-03-01');
    expect(toZonedDate(instant, 'America/New_York')).toBe('2026-02-28');
    for (let i = 0; i < 5000; i++) toZonedDate(new Date(instant.getTime() + i * 3_600_000), 'Asia/Shanghai');
    expect(toZonedDate(instant, 'America/New_York')).toBe('2026-02-28');
    expect(toZonedDate(new Date(instant.getTime() + 4999 * 3_600_000), 'Asia/Shanghai')).toBe('2026-09-25');
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-01', 0)).toBe('2026-03-01');
  });

  it('counts days between two dates, negative when the second is earlier', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-03-05', '2026-03-05')).toBe(0);
    expect(daysBetween('2026-03-05', '2026-03-01')).toBe(-4);
    // The Zorlu textile project: first contact September 2006, signed 10 November 2007.
    expect(daysBetween('2006-09-01', '2007-11-10')).toBe(435);
  });

  it('rejects an invalid date in arithmetic', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(DomainError);
    expect(() => daysBetween('2026-03-05', 'x')).toThrow(DomainError);
  });

  it('gives the day of the week', () => {
    expect(dayOfWeek('2026-10-10')).toBe(6);
    expect(dayOfWeek('2026-03-02')).toBe(1);
  });
});
