import {
  BLOCKER_CATEGORY_LABELS,
  type BlockerCategory,
  daysBetween,
  MILESTONE_LABELS,
  type MilestoneKey,
  type Stage,
  toZonedDate,
} from '@zs/domain';

/**
 * The weekly dispatch list (每周调度): every live, not dropped project with something overdue — an open
 * follow-up task past its due time, a permit-chain milestone or an unresolved blocker past its due date, or a
 * date committed in an agreement (land delivery, construction start, production) passed unmet — grouped by
 * the project's leading official (包抓领导), with what is overdue and since when.
 *
 * One definition for the worker's Monday dispatch list (每周调度 sent to managers) and the API's
 * `GET /api/analytics/dispatch`: a plain function over a DataSource or EntityManager; the caller scopes it
 * (`parkIds`: the parks to include, null = all) and checks who may read it.
 *
 * Rules: a task is overdue once its `dueAt` instant is past `asOf`; a dated item (milestone, blocker,
 * committed date) once its date is before today in `timeZone`. For each kind of committed date the latest
 * agreement that sets it counts (a supplementary agreement revises the earlier one); it is met once the
 * project's matching date (`landDeliveredOn`, `constructionStartedOn`, `productionStartedOn`) is set.
 */

export type DispatchItemKind = 'task' | 'milestone' | 'blocker' | 'committed_date';
export type CommittedDateKey = 'land' | 'start' | 'production';

export const COMMITTED_DATE_LABELS: Record<CommittedDateKey, string> = {
  land: '约定供地日期',
  start: '约定开工日期',
  production: '约定投产日期',
};

export const DISPATCH_ITEM_KIND_LABELS: Record<DispatchItemKind, string> = {
  task: '跟进事项',
  milestone: '前期手续',
  blocker: '问题',
  committed_date: '约定日期',
};

export interface DispatchPerson {
  id: string;
  displayName: string;
}

export interface DispatchItem {
  kind: DispatchItemKind;
  /** The task, milestone, blocker or (for a committed date) agreement id. */
  id: string;
  /** Milestone key, blocker category or committed-date key (`land` | `start` | `production`); null for a task. */
  key: string | null;
  /** What is overdue, in Chinese (task title, milestone name, blocker category and description, committed date). */
  title: string;
  /** The day it fell due (`YYYY-MM-DD`, in the park's time zone): overdue since the end of that day. */
  dueOn: string;
  /** A task's due instant (ISO), else null. */
  dueAt: string | null;
  /** Calendar days from `dueOn` to today (0: due earlier today). */
  daysOverdue: number;
  /** Who is responsible for the item (task assignee, milestone or blocker owner); null if none. */
  ownerId: string | null;
}

export interface DispatchProject {
  id: string;
  code: string;
  name: string;
  parkId: string;
  stage: Stage;
  confidential: boolean;
  owner: DispatchPerson | null;
  /** The earliest `dueOn` among its items. */
  overdueSince: string;
  daysOverdue: number;
  items: DispatchItem[];
}

export interface DispatchLeaderGroup {
  /** The leading official (包抓领导); null for projects without one (listed last). */
  leader: DispatchPerson | null;
  projects: DispatchProject[];
}

export interface DispatchList {
  asOf: string;
  /** Today in `timeZone`. */
  today: string;
  timeZone: string;
  projectCount: number;
  itemCount: number;
  groups: DispatchLeaderGroup[];
}

export interface DispatchListOptions {
  /** The parks to include (a caller's park subtree); null or undefined: every park. */
  parkIds?: readonly string[] | null;
  asOf: Date;
  /** The park's time zone (Env.TZ_PARK), default Asia/Shanghai. */
  timeZone?: string;
  /** Only the projects of these leaders (包抓领导); undefined: all. */
  leaderIds?: readonly string[];
}

/** What `query` the function needs: a TypeORM DataSource, EntityManager or QueryRunner. */
export interface DispatchListDb {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

interface Row {
  kind: DispatchItemKind;
  item_id: string;
  key: string | null;
  title: string | null;
  due_on: string;
  due_at: Date | null;
  item_owner_id: string | null;
  project_id: string;
  code: string;
  name: string;
  park_id: string;
  stage: Stage;
  confidential: boolean;
  owner_id: string | null;
  owner_name: string | null;
  leader_id: string | null;
  leader_name: string | null;
}

const SQL = `
WITH items AS (
  SELECT t.project_id, 'task' AS kind, t.id AS item_id, NULL::text AS key, t.title::text AS title,
         to_char(t.due_at AT TIME ZONE $3, 'YYYY-MM-DD') AS due_on, t.due_at, t.assignee_id AS item_owner_id
    FROM tasks t
   WHERE t.done_at IS NULL AND t.deleted_at IS NULL AND t.due_at < $1
  UNION ALL
  SELECT m.project_id, 'milestone', m.id, m.key::text, NULL, to_char(m.due_on, 'YYYY-MM-DD'), NULL, m.owner_id
    FROM milestones m
   WHERE m.status IN ('pending', 'in_progress') AND m.due_on < $2::date
  UNION ALL
  SELECT b.project_id, 'blocker', b.id, b.category::text, b.description, to_char(b.due_on, 'YYYY-MM-DD'), NULL, b.owner_id
    FROM blockers b
   WHERE b.resolved_at IS NULL AND b.deleted_at IS NULL AND b.due_on < $2::date
  UNION ALL
  SELECT c.project_id, 'committed_date', c.agreement_id, c.key, NULL, to_char(c.due_on, 'YYYY-MM-DD'), NULL, NULL
    FROM (
      SELECT DISTINCT ON (a.project_id, k.key) a.project_id, a.id AS agreement_id, k.key, k.due_on
        FROM agreements a
        CROSS JOIN LATERAL (VALUES ('land', a.committed_land_on), ('start', a.committed_start_on),
                                   ('production', a.committed_production_on)) AS k(key, due_on)
       WHERE a.deleted_at IS NULL AND k.due_on IS NOT NULL
       ORDER BY a.project_id, k.key, a.signed_on DESC, a.created_at DESC
    ) c
    JOIN projects cp ON cp.id = c.project_id
   WHERE c.due_on < $2::date
     AND (CASE c.key WHEN 'land' THEN cp.land_delivered_on
                     WHEN 'start' THEN cp.construction_started_on
                     ELSE cp.production_started_on END) IS NULL
)
SELECT i.kind, i.item_id, i.key, i.title, i.due_on, i.due_at, i.item_owner_id,
       p.id AS project_id, p.code, p.name, p.park_id, p.stage, p.confidential,
       p.owner_id, ow.display_name AS owner_name, p.leader_id, ld.display_name AS leader_name
  FROM items i
  JOIN projects p ON p.id = i.project_id AND p.deleted_at IS NULL AND p.stage <> 'dropped'
  LEFT JOIN users ow ON ow.id = p.owner_id
  LEFT JOIN users ld ON ld.id = p.leader_id
 WHERE ($4::uuid[] IS NULL OR p.park_id = ANY($4::uuid[]))
   AND ($5::uuid[] IS NULL OR p.leader_id = ANY($5::uuid[]))
 ORDER BY i.due_on, p.code, i.kind, i.item_id`;

export async function buildDispatchList(db: DispatchListDb, options: DispatchListOptions): Promise<DispatchList> {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const today = toZonedDate(options.asOf, timeZone);
  const rows = (await db.query(SQL, [
    options.asOf,
    today,
    timeZone,
    options.parkIds ?? null,
    options.leaderIds ?? null,
  ])) as Row[];

  const projects = new Map<string, DispatchProject & { leader: DispatchPerson | null }>();
  for (const row of rows) {
    let project = projects.get(row.project_id);
    if (!project) {
      project = {
        id: row.project_id,
        code: row.code,
        name: row.name,
        parkId: row.park_id,
        stage: row.stage,
        confidential: row.confidential,
        owner: row.owner_id ? { id: row.owner_id, displayName: row.owner_name ?? '' } : null,
        overdueSince: row.due_on,
        daysOverdue: 0,
        items: [],
        leader: row.leader_id ? { id: row.leader_id, displayName: row.leader_name ?? '' } : null,
      };
      projects.set(row.project_id, project);
    }
    const daysOverdue = Math.max(0, daysBetween(row.due_on, today));
    project.items.push({
      kind: row.kind,
      id: row.item_id,
      key: row.key,
      title: itemTitle(row),
      dueOn: row.due_on,
      dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
      daysOverdue,
      ownerId: row.item_owner_id,
    });
    if (row.due_on < project.overdueSince) project.overdueSince = row.due_on;
    project.daysOverdue = Math.max(project.daysOverdue, daysOverdue);
  }

  const groups = new Map<string, DispatchLeaderGroup>();
  for (const { leader, ...project } of projects.values()) {
    const key = leader?.id ?? '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { leader, projects: [] }));
    group.projects.push(project);
  }
  const collator = new Intl.Collator('zh-CN');
  const ordered = [...groups.values()].sort((a, b) => {
    if (!a.leader || !b.leader) return a.leader ? -1 : b.leader ? 1 : 0;
    return collator.compare(a.leader.displayName, b.leader.displayName) || a.leader.id.localeCompare(b.leader.id);
  });
  for (const group of ordered) {
    group.projects.sort((a, b) => a.overdueSince.localeCompare(b.overdueSince) || a.code.localeCompare(b.code));
  }
  return {
    asOf: options.asOf.toISOString(),
    today,
    timeZone,
    projectCount: projects.size,
    itemCount: rows.length,
    groups: ordered,
  };
}

function itemTitle(row: Row): string {
  switch (row.kind) {
    case 'task':
      return row.title ?? '';
    case 'milestone':
      return MILESTONE_LABELS[row.key as MilestoneKey]?.zh ?? row.key ?? '';
    case 'blocker': {
      const category = BLOCKER_CATEGORY_LABELS[row.key as BlockerCategory]?.zh ?? row.key ?? '';
      return `${category}：${row.title ?? ''}`;
    }
    case 'committed_date':
      return COMMITTED_DATE_LABELS[row.key as CommittedDateKey] ?? row.key ?? '';
  }
}
