import { WorkCalendar, type CalendarOverride } from '@zs/domain';
import type { SqlRunner } from './causes';

/** China's working-day calendar with the admin's overrides (`calendar_overrides`) on top: API and worker alike. */
export async function loadWorkCalendar(runner: SqlRunner): Promise<WorkCalendar> {
  const rows: { date: string; kind: 'holiday' | 'workday'; name: string | null }[] = await runner.query(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_overrides ORDER BY date`,
  );
  return new WorkCalendar(rows.map((r): CalendarOverride => ({ date: r.date, kind: r.kind, ...(r.name ? { name: r.name } : {}) })));
}
