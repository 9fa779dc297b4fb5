import dayjs, { type Dayjs } from 'dayjs';

/** `2026-05-01 09:30` in the browser's time zone (the park's, in practice); `—` for nothing. */
export function formatDateTime(value: string | Date | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(value: string | Date | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

/** What the API takes for a timestamp: ISO-8601 with the offset (`2026-05-01T09:30:00+08:00`). */
export function toApiTimestamp(value: Dayjs): string {
  return value.format('YYYY-MM-DDTHH:mm:ssZ');
}

export function toApiDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

export function isToday(value: string | null | undefined): boolean {
  return !!value && dayjs(value).isSame(dayjs(), 'day');
}

export function isPast(value: string | null | undefined): boolean {
  return !!value && dayjs(value).isBefore(dayjs());
}
