import { isReminderRule, type ReminderRule } from '@zs/domain';
import { affectedRows, CANCELLED_NOTE, causeQuery, Params, RESOLVING_ROW, type SqlRunner } from './causes';

export interface InAppBatchResult {
  sent: number;
  cancelled: number;
  /** Already settled (by another job or replica) or not an in-app delivery: left alone. */
  skipped: number;
}

/**
 * Delivers a batch of in-app deliveries exactly once, set-based, inside the caller's transaction — the
 * batch form of the one-by-one in-app delivery, with the same guarantees:
 * 1. the rows whose change would resolve each cause are locked FOR SHARE (a resolution committing now either
 *    is seen below or waits until the deliveries are recorded);
 * 2. the causes still open are read with the rule's own definition (`causeQuery`, restricted to the batch's
 *    subjects) and the rule must be enabled;
 * 3. the open ones are claimed (`UPDATE … WHERE status = 'pending'`) and their notifications inserted in the
 *    same statement; a delivery claimed elsewhere is not returned, so it gets no second notification;
 * 4. the pending ones whose cause is closed are cancelled.
 */
export async function deliverInAppBatch(tx: SqlRunner, ids: readonly string[], now: Date): Promise<InAppBatchResult> {
  if (!ids.length) return { sent: 0, cancelled: 0, skipped: 0 };
  // by primary key only: with `status = 'pending'` in the condition the planner walked the (status, created_at,
  // id) index over every pending row whenever its statistics did not yet count a burst's deliveries (1 row
  // expected; 61,000 read for 200: 4.2 s per batch at 1M projects), so status and channel are tested in
  // `PENDING_IN_APP` through an expression no index serves
  const rows: { id: string; rule: string; cause_key: string; subject_id: string | null; project_id: string | null }[] = await tx.query(
    `SELECT id, rule, cause_key, subject_id, project_id FROM deliveries WHERE id = ANY($1::uuid[]) AND ${PENDING_IN_APP}`,
    [ids],
  );
  const open = new Set<string>();
  const closed: string[] = [];
  const enabled = new Set<string>((await tx.query(`SELECT rule FROM reminder_rules WHERE enabled`)).map((r: { rule: string }) => r.rule));
  const byRule = new Map<string, typeof rows>();
  for (const row of rows) byRule.set(row.rule, [...(byRule.get(row.rule) ?? []), row]);
  for (const [rule, group] of byRule) {
    if (!isReminderRule(rule)) {
      group.forEach((r) => open.add(r.id)); // not the engine's (digests): always open, as isCauseOpen says
      continue;
    }
    const resolving = RESOLVING_ROW[rule];
    const lockIds = [...new Set(group.map((r) => (resolving.by === 'subject' ? r.subject_id : r.project_id)).filter((id): id is string => !!id))].sort();
    if (lockIds.length) await tx.query(`SELECT 1 FROM ${resolving.table} WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE`, [lockIds]);
    const openKeys = enabled.has(rule) ? await openCauseKeys(tx, rule, group.map((r) => r.subject_id).filter((id): id is string => !!id)) : new Set<string>();
    for (const r of group) (r.subject_id && openKeys.has(r.cause_key) ? open.add(r.id) : closed.push(r.id));
  }
  let sent = 0;
  if (open.size) {
    const inserted = await tx.query(
      `WITH claimed AS (
         UPDATE deliveries SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL, updated_at = now()
          WHERE id = ANY($1::uuid[]) AND ${PENDING}
          RETURNING id, recipient_id, rule, level, project_id, subject_type, subject_id, title, body, link)
       INSERT INTO notifications (recipient_id, delivery_id, rule, level, project_id, subject_type, subject_id, title, body, link, created_at)
       SELECT recipient_id, id, rule, level, project_id, subject_type, subject_id, title, body, link, $2 FROM claimed
       ON CONFLICT (delivery_id) DO NOTHING
       RETURNING delivery_id`,
      [[...open], now],
    );
    sent = inserted.length;
  }
  let cancelled = 0;
  if (closed.length) {
    const result = await tx.query(
      `UPDATE deliveries SET status = 'cancelled', last_error = $2, updated_at = now() WHERE id = ANY($1::uuid[]) AND ${PENDING}`,
      [closed, CANCELLED_NOTE],
    );
    cancelled = affectedRows(result);
  }
  return { sent, cancelled, skipped: ids.length - sent - cancelled };
}

/** `status = 'pending'` written so that no index on status serves it: a batch's rows are found by their ids (primary key). */
const PENDING = `(status || '') = 'pending'`;
const PENDING_IN_APP = `${PENDING} AND (channel || '') = 'in_app'`;

/** The cause keys of a rule's open causes about these subjects (one query, served by the subjects' keys). */
async function openCauseKeys(runner: SqlRunner, rule: ReminderRule, subjectIds: string[]): Promise<Set<string>> {
  if (!subjectIds.length) return new Set();
  const p = new Params();
  const { sql } = causeQuery(rule, {}, p);
  const rows: { cause_key: string }[] = await runner.query(`SELECT c.cause_key FROM (${sql}) c WHERE c.subject_id = ANY(${p.add(subjectIds)}::uuid[])`, p.values);
  return new Set(rows.map((r) => r.cause_key));
}

/**
 * The timer slots within (from, to] in which an open task reaches a level of a rule whose delays are in hours
 * (task_due at its due time): what the worker sets precise timers for, so that those reminders do not wait
 * for the next reconciliation. `offsetsMs`: the levels' delays; a slot is the end (epoch ms, a multiple of
 * `slotMs`) of the `slotMs` interval its instants fall in, with the number of levels falling due in it. Grouped in SQL, so that a steady stream of tasks
 * (one due time each) gets every slot of the horizon, however many tasks fall due in it. Served by the
 * open-tasks-by-due index.
 */
export async function upcomingTaskDueSlots(
  runner: SqlRunner, offsetsMs: readonly number[], from: Date, to: Date, slotMs: number,
): Promise<{ slot: number; causes: number }[]> {
  if (!offsetsMs.length) return [];
  const rows: { slot: string; causes: number }[] = await runner.query(
    `SELECT (ceil((extract(epoch FROM t.due_at) * 1000 + o.ms) / $4::float8) * $4::float8)::bigint AS slot, count(*)::int AS causes
       FROM unnest($1::float8[]) AS o(ms)
       JOIN tasks t ON t.done_at IS NULL AND t.deleted_at IS NULL
        AND t.due_at > $2::timestamptz - make_interval(secs => o.ms / 1000.0) AND t.due_at <= $3::timestamptz - make_interval(secs => o.ms / 1000.0)
      GROUP BY 1 ORDER BY 1`,
    [offsetsMs, from, to, slotMs],
  );
  return rows.map((r) => ({ slot: Number(r.slot), causes: r.causes }));
}
