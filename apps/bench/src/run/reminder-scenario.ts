import type { Pool } from 'pg';
import { sleep } from './child-process';
import { round } from './stats';

/** Every task the bench creates is titled with this prefix, so that it finds (and removes) its own rows. */
export const BENCH_TASK_PREFIX = 'BENCH-REMINDER';
const CAUSE_KEY = `'task_due:' || t.id || ':' || to_char(t.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface ReminderFigures {
  /** Tasks created (one in-app reminder each: the task_due rule's level 0 goes to the assignee). */
  reminders: number;
  delivered: number;
  /** Notifications beyond one per (task, recipient, level): must be 0. */
  duplicates: number;
  /** From the moment they fell due until the last notification row, seconds. */
  allDeliveredS: number | null;
  /** Notifications per second between the first and the last. */
  throughputPerS: number | null;
  lagP50S: number | null;
  lagP99S: number | null;
  lagMaxS: number | null;
  /** When the worker recorded the first and the last of these reminders (rows of `reminders`), s after they fell due. */
  firstRecordedS: number | null;
  lastRecordedS: number | null;
}

/**
 * Isolates the task_due rule for the reminder measurements: every other rule is switched off (their backlog
 * in a generated data set would otherwise flood the worker during the whole bench), and the task_due
 * reminders of the data set's tasks that are already past due are recorded as fired, as a running
 * installation would have them. Returns what to put back.
 */
export async function isolateTaskDueRule(pool: Pool): Promise<{ restore: () => Promise<void>; premarked: number }> {
  const { rows } = await pool.query(`SELECT rule, enabled FROM reminder_rules`);
  await pool.query(`UPDATE reminder_rules SET enabled = (rule = 'task_due')`);
  const marked = await pool.query(
    `INSERT INTO reminders (cause_key, rule, level, subject_type, subject_id, project_id, due_at, recipient_count)
     SELECT ${CAUSE_KEY}, 'task_due', 0, 'task', t.id, t.project_id, t.due_at, 0
       FROM tasks t WHERE t.done_at IS NULL AND t.deleted_at IS NULL AND t.due_at <= now() + interval '1 day' AND t.title NOT LIKE '${BENCH_TASK_PREFIX}%'
     ON CONFLICT (cause_key, level) DO NOTHING`,
  );
  return {
    premarked: marked.rowCount ?? 0,
    restore: async () => {
      for (const r of rows) await pool.query(`UPDATE reminder_rules SET enabled = $2 WHERE rule = $1`, [r.rule, r.enabled]);
    },
  };
}

/** Removes every row the reminder measurements created (tasks, reminders, deliveries, notifications). */
export async function removeBenchReminders(pool: Pool): Promise<void> {
  if (process.env.BENCH_KEEP_REMINDERS) return; // to study a run's rows afterwards
  const bench = `SELECT id FROM tasks WHERE title LIKE '${BENCH_TASK_PREFIX}%'`;
  await pool.query(`DELETE FROM notifications WHERE subject_id IN (${bench})`);
  await pool.query(`DELETE FROM deliveries WHERE subject_id IN (${bench})`);
  await pool.query(`DELETE FROM reminders WHERE subject_id IN (${bench})`);
  await pool.query(`DELETE FROM tasks WHERE title LIKE '${BENCH_TASK_PREFIX}%'`);
}

/**
 * Creates `count` open tasks set-based, assigned to the owners of live projects (active users), falling due
 * at `dueAt(i)` (SQL expression of g, the row number from 0). Returns the number created.
 */
async function createTasks(pool: Pool, run: string, count: number, dueExpression: string): Promise<number> {
  const result = await pool.query(
    `WITH live AS (
       SELECT p.id, p.owner_id, row_number() OVER () - 1 AS k FROM projects p JOIN users u ON u.id = p.owner_id AND u.disabled_at IS NULL
        WHERE p.deleted_at IS NULL AND p.stage <> 'dropped' LIMIT $1),
     n AS (SELECT count(*) AS c FROM live)
     INSERT INTO tasks (project_id, title, due_at, assignee_id)
     SELECT live.id, '${BENCH_TASK_PREFIX} ${run} #' || g, ${dueExpression}, live.owner_id
       FROM generate_series(0, $1 - 1) g CROSS JOIN n JOIN live ON live.k = g % n.c`,
    [count],
  );
  return result.rowCount ?? 0;
}

/** Reads the figures of one run from the database's timestamps (due_at of the task → created_at of the notification). */
async function figures(pool: Pool, run: string, created: number, since: Date): Promise<ReminderFigures> {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS delivered,
            (count(*) - count(DISTINCT (n.subject_id, n.recipient_id, n.level)))::int AS duplicates,
            extract(epoch FROM max(n.created_at) - $2::timestamptz)::float AS all_s,
            extract(epoch FROM max(n.created_at) - min(n.created_at))::float AS span_s,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n.created_at - t.due_at))::float AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM n.created_at - t.due_at))::float AS p99,
            max(extract(epoch FROM n.created_at - t.due_at))::float AS lag_max
       FROM notifications n JOIN tasks t ON t.id = n.subject_id
      WHERE n.rule = 'task_due' AND t.title LIKE $1`,
    [`${BENCH_TASK_PREFIX} ${run} #%`, since],
  );
  const r = rows[0];
  const { rows: recorded } = await pool.query(
    `SELECT extract(epoch FROM min(r.created_at) - $2::timestamptz)::float AS first_s, extract(epoch FROM max(r.created_at) - $2::timestamptz)::float AS last_s
       FROM reminders r JOIN tasks t ON t.id = r.subject_id WHERE r.rule = 'task_due' AND t.title LIKE $1`,
    [`${BENCH_TASK_PREFIX} ${run} #%`, since],
  );
  const r3 = (v: number | null) => (v === null ? null : round(v, 3));
  return {
    reminders: created,
    delivered: r.delivered,
    duplicates: r.duplicates,
    allDeliveredS: r3(r.all_s),
    throughputPerS: r.span_s > 0 ? round(r.delivered / r.span_s, 0) : null,
    lagP50S: r3(r.p50),
    lagP99S: r3(r.p99),
    lagMaxS: r3(r.lag_max),
    firstRecordedS: r3(recorded[0].first_s),
    lastRecordedS: r3(recorded[0].last_s),
  };
}

async function waitForDeliveries(pool: Pool, run: string, expected: number, timeoutMs: number, log: (m: string) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < deadline) {
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN tasks t ON t.id = n.subject_id WHERE n.rule = 'task_due' AND t.title LIKE $1`,
      [`${BENCH_TASK_PREFIX} ${run} #%`],
    );
    if (rows[0].n !== last) log(`  ${run}: ${rows[0].n} / ${expected} delivered`);
    last = rows[0].n;
    if (last >= expected) return;
    await sleep(2000);
  }
  log(`  ${run}: timed out with ${last} / ${expected} delivered`);
}

/**
 * `count` reminders falling due at the same instant, as a day's follow-ups do (all at 09:00, say): the tasks
 * are created ahead in one statement, due `leadS` seconds after it starts (inserting 100,000 took 17 s at load 8), and the real worker finds them the
 * way it finds any task — its reconciliation (every 15 s) sets a precise timer for the instant when it falls
 * within its horizon (interval + 5 s), and the timer reads and records them at the instant. Figures are from
 * the due instant. `leadS` must leave the insert's duration plus a reconciliation interval before the instant:
 * a margin under 15 s is logged (the burst may then wait for a reconciliation after the instant).
 */
export async function reminderBurst(pool: Pool, run: string, count: number, timeoutMs: number, log: (m: string) => void, leadS = 45): Promise<ReminderFigures> {
  const { rows } = await pool.query(`SELECT now() + make_interval(secs => $1) AS due`, [leadS]);
  const due: Date = rows[0].due;
  const started = Date.now();
  const created = await createTasks(pool, run, count, `'${due.toISOString()}'::timestamptz`);
  const marginS = (due.getTime() - Date.now()) / 1000;
  log(`  ${run}: ${created} tasks due at ${due.toISOString()} (created in ${((Date.now() - started) / 1000).toFixed(1)} s, ${marginS.toFixed(1)} s before they fall due)`);
  if (marginS < 15) log(`  ${run}: only ${marginS.toFixed(1)} s before the instant: a reconciliation may not set its timer in time (raise the lead)`);
  await sleep(Math.max(0, due.getTime() - Date.now()));
  await waitForDeliveries(pool, run, created, timeoutMs, log);
  return figures(pool, run, created, due);
}

/**
 * Steady state: `rate` reminders per second falling due, one every 1/rate s, for `seconds` (the tasks are
 * created ahead, as users create them days before they fall due), starting `leadS` seconds from now.
 */
export async function reminderSteady(pool: Pool, run: string, rate: number, seconds: number, log: (m: string) => void, leadS = 20): Promise<ReminderFigures> {
  const count = rate * seconds;
  const { rows } = await pool.query(`SELECT now() + make_interval(secs => $1) AS start`, [leadS]);
  const start: Date = rows[0].start;
  const created = await createTasks(pool, run, count, `'${start.toISOString()}'::timestamptz + make_interval(secs => g::float8 / ${rate})`);
  log(`  ${run}: ${created} tasks falling due at ${rate}/s from ${start.toISOString()}`);
  await sleep(Math.max(0, start.getTime() - Date.now()) + seconds * 1000);
  await waitForDeliveries(pool, run, created, 120_000, log);
  return figures(pool, run, created, start);
}
