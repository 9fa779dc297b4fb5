import { IDLE_LAND_STEPS, isReminderRule, REMINDER_RULES, type CommittedDateKind, type IdleLandStep, type ReminderRule, type ScanBounds, type Stage } from '@zs/domain';
import type { SubjectRange } from './subject-ranges';

/**
 * The causes of reminders, in SQL: for each rule, the open causes (an open task, an unresolved blocker, a
 * committed date not met …) with their cause key and what the rule and the message read. One definition
 * serves the scan (with bounds, see `scanBounds` in @zs/domain), the check at delivery time and the
 * cancellation on resolution (filtered to one subject or one project), so "open" means the same everywhere.
 *
 * A cause key names the record AND the value its due time comes from (`task_due:<id>:<dueAt>`): moving a due
 * date or logging a visit makes a new cause; the old one is then closed, and its pending deliveries cancelled.
 */

/** What `query` needs: a TypeORM DataSource, EntityManager or QueryRunner. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

export interface CauseRow {
  cause_key: string;
  subject_type: string;
  subject_id: string;
  project_id: string | null;
  project_name: string | null;
  park_id: string;
  park_path: string;
  /** The level-0 recipient (responsible officer); null for an unassigned lead. */
  officer_id: string | null;
  leader_id: string | null;
  subject_title: string | null;
  lead_company_name: string | null;
  created_at: Date | null;
  due_at: Date | null;
  due_on: string | null;
  last_activity_at: Date | null;
  stage: Stage | null;
  committed_kind: CommittedDateKind | null;
  idle_land_step: IdleLandStep | null;
  milestone_key: string | null;
  blocker_category: string | null;
}

export interface ScannedCause extends CauseRow {
  /** The scan's sort value as text (full precision): with cause_key, the keyset to read the next round after. */
  scan_order: string | null;
  /** Levels already fired (rows of `reminders`). */
  fired: number[];
  officer_name: string | null;
  officer_active: boolean;
  leader_active: boolean;
}

export interface CauseFilter {
  bounds?: ScanBounds;
  subjectId?: string;
  projectId?: string;
}

/** Positional parameters for a query under construction. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const ts = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const EMPTY = {
  project_id: 'NULL::uuid', project_name: 'NULL::varchar', officer_id: 'NULL::uuid', leader_id: 'NULL::uuid',
  subject_title: 'NULL::text', lead_company_name: 'NULL::varchar', created_at: 'NULL::timestamptz', due_at: 'NULL::timestamptz',
  due_on: 'NULL::text', last_activity_at: 'NULL::timestamptz', stage: 'NULL::varchar', committed_kind: 'NULL::text', idle_land_step: 'NULL::text',
  milestone_key: 'NULL::varchar', blocker_category: 'NULL::varchar',
};

type Columns = Partial<Record<keyof typeof EMPTY, string>> & { cause_key: string; subject_type: string; subject_id: string; park_id: string; park_path: string };

function select(columns: Columns): string {
  const all = { ...EMPTY, ...columns };
  return Object.entries(all).map(([name, expr]) => `${expr} AS ${name}`).join(', ');
}

const LIVE_PROJECT = `p.deleted_at IS NULL AND p.stage <> 'dropped'`;

function projectColumns(officer: string): Pick<Columns, 'project_id' | 'project_name' | 'park_id' | 'park_path' | 'officer_id' | 'leader_id'> {
  return { project_id: 'p.id', project_name: 'p.name', park_id: 'p.park_id', park_path: 'pk.path', officer_id: officer, leader_id: 'p.leader_id' };
}

/**
 * The SQL of one rule's open causes (columns of {@link CauseRow}) and the column to order a scan by.
 * `identifies`: a cause is identified by that column and its subject (task rules: one cause per task and due
 * time), so a scan needs no cause key to break ties, and its order is the one of an index.
 */
export function causeQuery(rule: ReminderRule, filter: CauseFilter, params: Params): { sql: string; orderBy: string; identifies?: boolean } {
  const b = filter.bounds ?? {};
  const where: string[] = [];
  switch (rule) {
    case 'task_due':
    case 'task_overdue': {
      if (b.before) where.push(`t.due_at <= ${params.add(b.before)}`);
      if (filter.subjectId) where.push(`t.id = ${params.add(filter.subjectId)}`);
      if (filter.projectId) where.push(`t.project_id = ${params.add(filter.projectId)}`);
      const sql = `SELECT ${select({
        cause_key: `'${rule}:' || t.id || ':' || ${ts('t.due_at')}`, subject_type: `'task'`, subject_id: 't.id',
        ...projectColumns('t.assignee_id'), subject_title: 't.title::text', due_at: 't.due_at',
      })}
        FROM tasks t JOIN projects p ON p.id = t.project_id AND ${LIVE_PROJECT} JOIN parks pk ON pk.id = p.park_id
       WHERE t.done_at IS NULL AND t.deleted_at IS NULL${and(where)}`;
      return { sql, orderBy: 'due_at', identifies: true };
    }
    case 'lead_unassigned':
    case 'lead_unscreened': {
      if (filter.projectId) return { sql: nothing(), orderBy: 'created_at' };
      if (filter.subjectId) where.push(`l.id = ${params.add(filter.subjectId)}`);
      const unassigned = rule === 'lead_unassigned';
      if (b.dateBefore) where.push(`${unassigned ? 'l.received_on' : 'l.screening_due_on'} < ${params.add(b.dateBefore)}::date`);
      const sql = `SELECT ${select({
        // a new assignee is a new cause (with a new screening due date)
        cause_key: unassigned ? `'lead_unassigned:' || l.id` : `'lead_unscreened:' || l.id || ':' || ${day('l.screening_due_on')} || ':' || l.assignee_id`,
        subject_type: `'lead'`, subject_id: 'l.id', park_id: 'l.park_id', park_path: 'pk.path',
        officer_id: unassigned ? 'NULL::uuid' : 'l.assignee_id', subject_title: 'l.title::text', lead_company_name: 'l.company_name',
        created_at: 'l.created_at', due_on: day(unassigned ? 'l.received_on' : 'l.screening_due_on'),
      })}
        FROM leads l JOIN parks pk ON pk.id = l.park_id
       WHERE l.deleted_at IS NULL AND ${unassigned ? `l.status = 'new' AND l.assignee_id IS NULL` : `l.status = 'assigned' AND l.screening_due_on IS NOT NULL AND l.assignee_id IS NOT NULL`}${and(where)}`;
      return { sql, orderBy: 'due_on' };
    }
    case 'stale_project': {
      let from = 'projects p';
      if (b.stages) {
        const stages = params.add(b.stages.map((s) => s.stage));
        const before = params.add(b.stages.map((s) => s.before));
        const after = params.add(b.stages.map((s) => s.after));
        from = `unnest(${stages}::varchar[], ${before}::timestamptz[], ${after}::timestamptz[]) AS w(stage, before, after)
          JOIN projects p ON p.stage = w.stage AND p.last_activity_at <= w.before AND p.last_activity_at > w.after`;
      }
      if (filter.subjectId) where.push(`p.id = ${params.add(filter.subjectId)}`);
      if (filter.projectId) where.push(`p.id = ${params.add(filter.projectId)}`);
      const sql = `SELECT ${select({
        cause_key: `'stale_project:' || p.id || ':' || ${ts('p.last_activity_at')}`, subject_type: `'project'`, subject_id: 'p.id',
        ...projectColumns('p.owner_id'), last_activity_at: 'p.last_activity_at', stage: 'p.stage',
      })}
        FROM ${from} JOIN parks pk ON pk.id = p.park_id
       WHERE ${LIVE_PROJECT}${and(where)}`;
      return { sql, orderBy: 'last_activity_at' };
    }
    case 'committed_date_approaching':
    case 'committed_date_overdue': {
      const branches = COMMITTED_COLUMNS.map(({ kind, column }) => {
        const conds = [`a.deleted_at IS NULL`, `a.${column} IS NOT NULL`];
        if (b.dateFrom) conds.push(`a.${column} >= ${params.add(b.dateFrom)}::date`);
        if (b.dateTo) conds.push(`a.${column} <= ${params.add(b.dateTo)}::date`);
        if (b.dateBefore) conds.push(`a.${column} < ${params.add(b.dateBefore)}::date`);
        if (filter.subjectId) conds.push(`a.id = ${params.add(filter.subjectId)}`);
        if (filter.projectId) conds.push(`a.project_id = ${params.add(filter.projectId)}`);
        return `SELECT a.id, a.project_id, a.signed_on, a.created_at, '${kind}'::text AS kind, a.${column} AS due_on FROM agreements a WHERE ${conds.join(' AND ')}`;
      });
      const sql = `SELECT ${select({
        cause_key: `'${rule}:' || k.id || ':' || k.kind || ':' || ${day('k.due_on')}`, subject_type: `'agreement'`, subject_id: 'k.id',
        ...projectColumns('p.owner_id'), due_on: day('k.due_on'), committed_kind: 'k.kind', stage: 'p.stage',
      })}
        FROM (${branches.join(' UNION ALL ')}) k
        JOIN projects p ON p.id = k.project_id AND ${LIVE_PROJECT} JOIN parks pk ON pk.id = p.park_id
       WHERE NOT (${COMMITTED_MET})
         AND ${LATEST_AGREEMENT_SETTING(`(CASE k.kind ${COMMITTED_COLUMNS.map(({ kind, column }) => `WHEN '${kind}' THEN a2.${column} IS NOT NULL`).join(' ')} END)`)}`;
      return { sql, orderBy: 'due_on' };
    }
    case 'idle_land_deadline': {
      // each deadline is the committed start plus whole years: the scan bounds on it become bounds on the start
      const branches = IDLE_LAND_STEPS.map(({ step, years }) => {
        const conds = [`a.deleted_at IS NULL`, `a.committed_start_on IS NOT NULL`];
        if (b.dateFrom) conds.push(`a.committed_start_on >= (${params.add(b.dateFrom)}::date - interval '${years} years')::date`);
        if (b.dateTo) conds.push(`a.committed_start_on <= (${params.add(b.dateTo)}::date - interval '${years} years')::date`);
        if (filter.subjectId) conds.push(`a.id = ${params.add(filter.subjectId)}`);
        if (filter.projectId) conds.push(`a.project_id = ${params.add(filter.projectId)}`);
        return `SELECT a.id, a.project_id, a.signed_on, a.created_at, '${step}'::text AS step,
                       (a.committed_start_on + interval '${years} years')::date AS due_on
                  FROM agreements a WHERE ${conds.join(' AND ')}`;
      });
      const sql = `SELECT ${select({
        cause_key: `'idle_land_deadline:' || k.id || ':' || k.step || ':' || ${day('k.due_on')}`, subject_type: `'agreement'`, subject_id: 'k.id',
        ...projectColumns('p.owner_id'), due_on: day('k.due_on'), committed_kind: `'start'::text`, idle_land_step: 'k.step', stage: 'p.stage',
      })}
        FROM (${branches.join(' UNION ALL ')}) k
        JOIN projects p ON p.id = k.project_id AND ${LIVE_PROJECT} JOIN parks pk ON pk.id = p.park_id
       WHERE (p.land_delivered_on IS NOT NULL OR p.stage = 'land_delivered')
         AND NOT (${COMMITTED_COLUMNS.find((c) => c.kind === 'start')!.met})
         AND ${LATEST_AGREEMENT_SETTING('a2.committed_start_on IS NOT NULL')}`;
      return { sql, orderBy: 'due_on' };
    }
    case 'milestone_overdue': {
      if (b.dateBefore) where.push(`m.due_on < ${params.add(b.dateBefore)}::date`);
      if (filter.subjectId) where.push(`m.id = ${params.add(filter.subjectId)}`);
      if (filter.projectId) where.push(`m.project_id = ${params.add(filter.projectId)}`);
      const sql = `SELECT ${select({
        cause_key: `'milestone_overdue:' || m.id || ':' || ${day('m.due_on')}`, subject_type: `'milestone'`, subject_id: 'm.id',
        ...projectColumns('COALESCE(m.owner_id, p.owner_id)'), due_on: day('m.due_on'), milestone_key: 'm.key',
      })}
        FROM milestones m JOIN projects p ON p.id = m.project_id AND ${LIVE_PROJECT} JOIN parks pk ON pk.id = p.park_id
       WHERE m.status IN ('pending', 'in_progress') AND m.due_on IS NOT NULL${and(where)}`;
      return { sql, orderBy: 'due_on' };
    }
    case 'blocker_overdue': {
      if (b.dateBefore) where.push(`bl.due_on < ${params.add(b.dateBefore)}::date`);
      if (filter.subjectId) where.push(`bl.id = ${params.add(filter.subjectId)}`);
      if (filter.projectId) where.push(`bl.project_id = ${params.add(filter.projectId)}`);
      const sql = `SELECT ${select({
        cause_key: `'blocker_overdue:' || bl.id || ':' || ${day('bl.due_on')}`, subject_type: `'blocker'`, subject_id: 'bl.id',
        ...projectColumns('bl.owner_id'), due_on: day('bl.due_on'), subject_title: 'bl.description', blocker_category: 'bl.category',
      })}
        FROM blockers bl JOIN projects p ON p.id = bl.project_id AND ${LIVE_PROJECT} JOIN parks pk ON pk.id = p.park_id
       WHERE bl.resolved_at IS NULL AND bl.deleted_at IS NULL${and(where)}`;
      return { sql, orderBy: 'due_on' };
    }
  }
}

const COMMITTED_COLUMNS: { kind: CommittedDateKind; column: string; met: string }[] = [
  { kind: 'land', column: 'committed_land_on', met: `p.land_delivered_on IS NOT NULL OR p.stage IN ('land_delivered', 'construction', 'production')` },
  { kind: 'start', column: 'committed_start_on', met: `p.construction_started_on IS NOT NULL OR p.stage IN ('construction', 'production')` },
  { kind: 'production', column: 'committed_production_on', met: `p.production_started_on IS NOT NULL OR p.stage = 'production'` },
];

/**
 * The agreement `k` is the latest that sets the date `setsDate` tests on `a2` (a supplementary agreement
 * revises an earlier one): only its committed date counts.
 */
const LATEST_AGREEMENT_SETTING = (setsDate: string) => `NOT EXISTS (
           SELECT 1 FROM agreements a2
            WHERE a2.project_id = k.project_id AND a2.deleted_at IS NULL AND a2.id <> k.id
              AND ${setsDate}
              AND (a2.signed_on, a2.created_at) > (k.signed_on, k.created_at))`;

/** A committed date is met once the project's matching date is set or the project reached that stage. */
const COMMITTED_MET = `CASE k.kind ${COMMITTED_COLUMNS.map(({ kind, met }) => `WHEN '${kind}' THEN (${met})`).join(' ')} END`;

function and(conditions: string[]): string {
  return conditions.length ? ` AND ${conditions.join(' AND ')}` : '';
}

function nothing(): string {
  return `SELECT ${select({ cause_key: 'NULL::text', subject_type: 'NULL::text', subject_id: 'NULL::uuid', park_id: 'NULL::uuid', park_path: 'NULL::text' })} WHERE FALSE`;
}

/** Where a scan reads: a due window (timers), the keyset to read on after, and a range of subject ids (parallel readers). */
export interface ScanWindow {
  dueAfter?: Date;
  dueBefore?: Date;
  after?: { order: string; subjectId: string; causeKey: string };
  subjects?: SubjectRange;
}

/**
 * One batch of a rule's open causes within the scan bounds that still have a level of `levels` to fire,
 * oldest first, with the levels already fired and the people to tell.
 */
export async function scanCauses(
  runner: SqlRunner, rule: ReminderRule, bounds: ScanBounds, levels: number[], limit: number, window: ScanWindow = {},
): Promise<ScannedCause[]> {
  const params = new Params();
  const { sql, orderBy, identifies } = causeQuery(rule, { bounds }, params);
  // a precise timer's scan (task rules) looks only at the causes that fell due just now: served by the due index
  let recent = window.dueAfter ? `AND c.due_at > ${params.add(window.dueAfter)}` : '';
  if (window.dueBefore) recent += ` AND c.due_at <= ${params.add(window.dueBefore)}`;
  // one reader's share of a burst read by several at once (a condition on the open-tasks index's second column)
  if (window.subjects?.from) recent += ` AND c.subject_id >= ${params.add(window.subjects.from)}::uuid`;
  if (window.subjects?.to) recent += ` AND c.subject_id < ${params.add(window.subjects.to)}::uuid`;
  // the next round of one reconciliation reads on from the last cause of the previous one (keyset), instead of
  // reading again every cause it has just fired (a burst of 100,000 due at once is read once, not 20 times).
  // Sorted by the subject's id before the cause key (which breaks the ties of other rules). Task rules are
  // ordered by (due_at, subject_id) only: that is the open-tasks index's order, so the planner walks it and
  // stops after `limit` causes. With the cause key as a third sort key it sorted instead whenever it expected
  // few rows (statistics not yet counting a burst just inserted: 1 row expected for 100,000), reading, joining
  // and sorting (on disk) every cause of the burst left, in every round.
  const keys = identifies ? [`c.${orderBy}`, 'c.subject_id'] : [`c.${orderBy}`, 'c.subject_id', 'c.cause_key'];
  if (window.after) {
    const values = [params.add(window.after.order), `${params.add(window.after.subjectId)}::uuid`];
    if (!identifies) values.push(params.add(window.after.causeKey));
    recent += ` AND (${keys.join(', ')}) > (${values.join(', ')})`;
  }
  const fired = `ARRAY(SELECT r.level::int FROM reminders r WHERE r.cause_key = c.cause_key ORDER BY 1)`;
  const rows: ScannedCause[] = await runner.query(
    `WITH c AS (${sql})
     SELECT c.*, ${fired} AS fired, c.${orderBy}::text AS scan_order,
            o.display_name AS officer_name, (o.id IS NOT NULL AND o.disabled_at IS NULL) AS officer_active,
            (ld.id IS NOT NULL AND ld.disabled_at IS NULL) AS leader_active
       FROM c LEFT JOIN users o ON o.id = c.officer_id LEFT JOIN users ld ON ld.id = c.leader_id
      WHERE NOT (${fired} @> ${params.add(levels)}::int[]) ${recent}
      ORDER BY ${keys.join(', ')}
      LIMIT ${params.add(limit)}`,
    params.values,
  );
  return rows;
}

/** The open causes of a rule about one subject (or all of one project's subjects). */
export async function openCauses(runner: SqlRunner, rule: ReminderRule, filter: { subjectId?: string; projectId?: string }): Promise<CauseRow[]> {
  const params = new Params();
  const { sql } = causeQuery(rule, filter, params);
  return runner.query(sql, params.values);
}

/** The table whose row a cause's resolution changes: locked (FOR SHARE) before a delivery is claimed. */
export const RESOLVING_ROW: Record<ReminderRule, { table: string; by: 'subject' | 'project' }> = {
  lead_unassigned: { table: 'leads', by: 'subject' },
  lead_unscreened: { table: 'leads', by: 'subject' },
  task_due: { table: 'tasks', by: 'subject' },
  task_overdue: { table: 'tasks', by: 'subject' },
  stale_project: { table: 'projects', by: 'subject' },
  committed_date_approaching: { table: 'projects', by: 'project' },
  committed_date_overdue: { table: 'projects', by: 'project' },
  idle_land_deadline: { table: 'projects', by: 'project' },
  milestone_overdue: { table: 'milestones', by: 'subject' },
  blocker_overdue: { table: 'blockers', by: 'subject' },
};

export interface CauseRef {
  rule: string;
  causeKey: string;
  subjectId: string | null;
  projectId: string | null;
}

/**
 * Whether a delivery's cause is still open: its rule enabled and the cause among the rule's open causes.
 * With `lock` (inside the transaction that claims the delivery) the row whose change would resolve the cause
 * is locked FOR SHARE first, so that a resolution committing at the same moment is either seen here or waits
 * until the delivery is recorded. Rules other than the engine's (digests) are always open.
 */
export async function isCauseOpen(runner: SqlRunner, cause: CauseRef, options: { lock?: boolean } = {}): Promise<boolean> {
  if (!isReminderRule(cause.rule)) return true;
  if (!cause.subjectId) return false;
  const rule = cause.rule;
  if (options.lock) {
    const row = RESOLVING_ROW[rule];
    const id = row.by === 'subject' ? cause.subjectId : cause.projectId;
    if (id) await runner.query(`SELECT 1 FROM ${row.table} WHERE id = $1 FOR SHARE`, [id]);
  }
  const [settings] = await runner.query(`SELECT enabled FROM reminder_rules WHERE rule = $1`, [rule]);
  if (!settings?.enabled) return false;
  const open = await openCauses(runner, rule, { subjectId: cause.subjectId });
  return open.some((c) => c.cause_key === cause.causeKey);
}

/**
 * Cancels the pending deliveries whose cause is no longer open, among those of one project, one subject or
 * (neither given) all pending ones of the engine's rules (at most `limit` causes). Called in the transaction
 * that resolves a cause (task done, visit logged, milestone done, blocker resolved, lead assigned …) and by the
 * reconciliation. Returns the number of deliveries cancelled.
 */
export async function cancelResolvedDeliveries(
  runner: SqlRunner,
  scope: { projectId?: string; subjectId?: string; rule?: string },
  limit = 1000,
): Promise<number> {
  const conditions = [`status = 'pending'`, `rule = ANY($1)`];
  const values: unknown[] = [scope.rule ? [scope.rule] : [...REMINDER_RULES]];
  if (scope.projectId) conditions.push(`project_id = $${values.push(scope.projectId)}`);
  if (scope.subjectId) conditions.push(`subject_id = $${values.push(scope.subjectId)}`);
  const causes: { rule: string; cause_key: string; subject_id: string | null; project_id: string | null }[] = await runner.query(
    `SELECT DISTINCT rule, cause_key, subject_id, project_id FROM deliveries WHERE ${conditions.join(' AND ')} LIMIT ${Number(limit)}`,
    values,
  );
  let cancelled = 0;
  for (const cause of causes) {
    if (await isCauseOpen(runner, { rule: cause.rule, causeKey: cause.cause_key, subjectId: cause.subject_id, projectId: cause.project_id })) continue;
    const result = await runner.query(
      `UPDATE deliveries SET status = 'cancelled', last_error = COALESCE(last_error, $2), updated_at = now() WHERE cause_key = $1 AND status = 'pending'`,
      [cause.cause_key, CANCELLED_NOTE],
    );
    cancelled += affectedRows(result);
  }
  return cancelled;
}

export const CANCELLED_NOTE = '原因已消除，不再发送 (the cause was resolved)';

/** TypeORM's postgres driver answers an UPDATE with `[rows, affected]`. */
export function affectedRows(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
