import {
  ENTERED_KEYS, enteredLevel, LANDED_LEVEL, OFF_PATH_STAGES, OVER_100M_WAN, OVER_50M_WAN, PIPELINE_LEVELS, RATE_RULES,
  type EnteredKey, type RateKey,
} from '@zs/domain';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The one analytics query module: every SQL fragment behind the funnel, the KPIs and the briefing, generated
 * from the definitions in @zs/domain (kpi-definitions.ts). The database aggregates (FILTER, window functions,
 * percentile_cont, GROUPING SETS); the service only reshapes the few rows that come back.
 *
 * Parameters are named (`:periodFrom`), as in TypeORM query builders, and bound by `runNamed`.
 * Every query takes the projects' condition on alias `p` (visibility + filters) and the period
 * (`:periodFrom`, `:periodTo` as dates, `:tz` the park's time zone).
 */

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** Runs SQL with `:named` parameters (TypeORM's own binding, so `::casts` are left alone). */
export async function runNamed<T>(db: DataSource | EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const connection = 'connection' in db ? db.connection : db;
  const [text, values] = connection.driver.escapeQueryWithParameters(sql, params);
  return (await db.query(text, values)) as T[];
}

/**
 * Runs one analytics query in a transaction of its own with the settings it needs: `work_mem` large enough
 * that the period's hash aggregates, the KPI pass's hash join and the quantile sorts stay in memory (at the
 * default 4 MB they spilled to disk at 1M projects), and no JIT (compiling the expressions cost ~200 ms per
 * query and saved nothing on these plans). `parallel: false` for the queries that read a few thousand index
 * entries (the funnel, one officer's KPIs): starting parallel workers cost more than the scans themselves.
 * `SET LOCAL` semantics: the pool's session keeps its defaults.
 */
export async function runAnalytics<T>(
  db: DataSource, sql: string, params: Record<string, unknown>, options: { parallel?: boolean } = {},
): Promise<T[]> {
  const serial = options.parallel === false ? `, set_config('max_parallel_workers_per_gather', '0', true)` : '';
  return db.transaction(async (manager) => {
    await manager.query(`SELECT set_config('work_mem', '${ANALYTICS_WORK_MEM}', true), set_config('jit', 'off', true)${serial}`);
    return runNamed<T>(manager, sql, params);
  });
}

/** The analytics transaction's `work_mem`. */
export const ANALYTICS_WORK_MEM = '64MB';

// ——— building blocks ———

/** Pipeline position of a stage expression (0 = intention … 6 = production); NULL for on_hold / dropped. */
export function levelOf(expr: string): string {
  return `(CASE ${expr} ${PIPELINE_LEVELS.map(({ stage, level }) => `WHEN '${stage}' THEN ${level}`).join(' ')} END)`;
}

const OFF_PATH_SQL = OFF_PATH_STAGES.map((s) => `'${s}'`).join(', ');

/** The first instant of the period: midnight of `periodFrom` in the park's time zone. */
export const PERIOD_START = `((:periodFrom)::date::timestamp AT TIME ZONE :tz)`;
/** The end of the period (exclusive): midnight after `periodTo` in the park's time zone. */
export const PERIOD_END = `(((:periodTo)::date + 1)::timestamp AT TIME ZONE :tz)`;

/** An instant within the period. */
export function inPeriod(expr: string): string {
  return `(${expr} >= ${PERIOD_START} AND ${expr} < ${PERIOD_END})`;
}

/*
 * The figures read the stage data derived from the history (libs/db project-stage-derived.entity.ts, kept by
 * triggers in the transaction of every history write):
 * - `project_stage_facts` (one row per project): `reached_<level>`, the first time the project reached that
 *   pipeline level or one beyond it (a forward skip reaches the skipped stages with the same move; reaching a
 *   stage again after a backward move or a reactivation is no first time); `standing_stage` / `standing_level`
 *   after its last move (`last_move_at`), on_hold / dropped standing where the stage they left belongs;
 * - `project_stage_spans` (one row per move): the stay it opened, `[started_at, ended_at)` up to the next move,
 *   and `reach_from` … `reach_to`, the levels it reached for the first time.
 * Both carry the project's scope and filter columns under the projects' names, so that the projects'
 * condition (alias `p`) applies to either table as it is.
 */

/** The column of the facts holding the first time a project reached `level` (or beyond). */
export function reachedAt(level: number, alias = 'p'): string {
  return `${alias}.reached_${level}`;
}

// ——— KPIs ———

export const BREAKDOWN_DIMENSIONS = ['industry', 'channel', 'originRegion', 'owner'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

const DIMENSION_COLUMNS: Record<BreakdownDimension, string> = {
  industry: 'x.industry',
  channel: 'x.channel',
  originRegion: 'x.origin_region',
  owner: 'x.owner_id',
};

export interface KpiRow {
  dimension: 'total' | BreakdownDimension;
  group_key: string | null;
  owner_name: string | null;
  active_count: number;
  active_investment: string;
  over100m: number;
  over50m: number;
  in_contact_count: number;
  in_contact_investment: string;
  landed_count: number;
  landed_investment: string;
  entered: Record<EnteredKey, number>;
  entered_investment: Record<EnteredKey, string>;
  went_on: Record<RateKey, number>;
  funds_in_place: string;
}

/**
 * The KPI figures of one period, for all the scoped projects (`dimension = 'total'`) and, with
 * `breakdowns`, per industry, channel, origin region and owner (one GROUPING SETS pass).
 * Stage figures are read at the end of the period: a project whose last move came before it stands where the
 * facts say; the others (moved since) stand where their stay spanning the end of the period says. `entered`
 * counts first reaches within the period; the rates' numerators count those that went on by its end.
 * `fewProjects` (an owner's or a leader's projects): the period's funds are read per project (index on
 * funds.project_id, received_on) instead of aggregating all the funds of the period.
 */
export function kpiSql(projects: SqlCondition, breakdowns: boolean, fewProjects = false): string {
  const enteredColumns = ENTERED_KEYS.map((key) =>
    `'${key}', count(*) FILTER (WHERE ${inPeriod(`x.${key}_at`)})`).join(', ');
  const enteredInvestment = ENTERED_KEYS.map((key) =>
    `'${key}', coalesce(sum(x.investment) FILTER (WHERE ${inPeriod(`x.${key}_at`)}), 0)::text`).join(', ');
  const wentOn = (Object.keys(RATE_RULES) as RateKey[]).map((rate) => {
    const { of, reached } = RATE_RULES[rate];
    return `'${rate}', count(*) FILTER (WHERE ${inPeriod(`x.${of}_at`)} AND x.${reached}_at < ${PERIOD_END})`;
  }).join(', ');
  const dims = BREAKDOWN_DIMENSIONS.map((d) => DIMENSION_COLUMNS[d]);
  const sets = breakdowns ? `(), ${dims.map((c) => `(${c})`).join(', ')}` : '()';
  // GROUPING(a, b, c, d) has a bit set for each column aggregated away: 15 = the total, 7 = by the first …
  const grouping = `GROUPING(${dims.join(', ')})`;
  const dimensionCase = breakdowns
    ? `CASE ${grouping} WHEN 15 THEN 'total' ${BREAKDOWN_DIMENSIONS.map((d, i) => `WHEN ${15 - (8 >> i)} THEN '${d}'`).join(' ')} END`
    : `'total'`;
  const keyCase = breakdowns
    ? `CASE ${grouping} ${BREAKDOWN_DIMENSIONS.map((d, i) => `WHEN ${15 - (8 >> i)} THEN ${DIMENSION_COLUMNS[d]}::text`).join(' ')} END`
    : 'NULL::text';
  return `
WITH moved_since AS MATERIALIZED (
  SELECT p.project_id, p.stage, p.standing_level
    FROM project_stage_spans p
   WHERE ${projects.sql} AND p.ended_at >= ${PERIOD_END} AND p.started_at < ${PERIOD_END}
),
funds_in AS (
  SELECT fu.project_id, sum(fu.amount) AS amount
    FROM funds fu
   WHERE fu.deleted_at IS NULL AND fu.received_on BETWEEN (:periodFrom)::date AND (:periodTo)::date
   GROUP BY fu.project_id
),
facts AS (
  -- moved last before the end of the period: standing as the facts say
  SELECT p.project_id, p.industry, p.channel, p.origin_region, p.owner_id, p.total_investment AS investment,
         p.standing_stage AS end_stage, p.standing_level AS end_level,
         ${ENTERED_KEYS.map((key) => `${reachedAt(enteredLevel(key))} AS ${key}_at`).join(', ')}
    FROM project_stage_facts p
   WHERE ${projects.sql} AND p.last_move_at < ${PERIOD_END}
  UNION ALL
  -- moved since (or never moved): standing as their stay straddling the end says, none if they had not begun
  SELECT p.project_id, p.industry, p.channel, p.origin_region, p.owner_id, p.total_investment AS investment,
         ms.stage AS end_stage, ms.standing_level AS end_level,
         ${ENTERED_KEYS.map((key) => `${reachedAt(enteredLevel(key))} AS ${key}_at`).join(', ')}
    FROM project_stage_facts p
    LEFT JOIN moved_since ms ON ms.project_id = p.project_id
   WHERE ${projects.sql} AND (p.last_move_at >= ${PERIOD_END} OR p.last_move_at IS NULL)
),
with_funds AS (
  SELECT x.*, coalesce(fi.amount, 0) AS funds
    FROM facts x
    ${fewProjects
      ? `LEFT JOIN LATERAL (SELECT sum(fu.amount) AS amount FROM funds fu
                          WHERE fu.project_id = x.project_id AND fu.deleted_at IS NULL
                            AND fu.received_on BETWEEN (:periodFrom)::date AND (:periodTo)::date) fi ON TRUE`
      : 'LEFT JOIN funds_in fi ON fi.project_id = x.project_id'}
),
figures AS (
  SELECT ${dimensionCase} AS dimension,
         ${keyCase} AS group_key,
         count(*) FILTER (WHERE x.end_stage <> 'dropped')::int AS active_count,
         coalesce(sum(x.investment) FILTER (WHERE x.end_stage <> 'dropped'), 0)::text AS active_investment,
         count(*) FILTER (WHERE x.end_stage <> 'dropped' AND x.investment >= ${OVER_100M_WAN})::int AS over100m,
         count(*) FILTER (WHERE x.end_stage <> 'dropped' AND x.investment >= ${OVER_50M_WAN})::int AS over50m,
         count(*) FILTER (WHERE x.end_stage <> 'dropped' AND x.end_level < ${LANDED_LEVEL})::int AS in_contact_count,
         coalesce(sum(x.investment) FILTER (WHERE x.end_stage <> 'dropped' AND x.end_level < ${LANDED_LEVEL}), 0)::text AS in_contact_investment,
         count(*) FILTER (WHERE x.end_stage <> 'dropped' AND x.end_level >= ${LANDED_LEVEL})::int AS landed_count,
         coalesce(sum(x.investment) FILTER (WHERE x.end_stage <> 'dropped' AND x.end_level >= ${LANDED_LEVEL}), 0)::text AS landed_investment,
         json_build_object(${enteredColumns}) AS entered,
         json_build_object(${enteredInvestment}) AS entered_investment,
         json_build_object(${wentOn}) AS went_on,
         coalesce(sum(x.funds), 0)::text AS funds_in_place,
         count(*) FILTER (WHERE x.end_stage IS NOT NULL) AS existing
    FROM with_funds x
   GROUP BY GROUPING SETS (${sets})
)
SELECT g.*, u.display_name AS owner_name
  FROM figures g
  LEFT JOIN users u ON g.dimension = 'owner' AND u.id::text = g.group_key
 WHERE g.dimension = 'total' OR g.existing > 0 OR g.funds_in_place::numeric > 0
 ORDER BY g.dimension, g.active_investment::numeric DESC, g.active_count DESC, g.group_key NULLS LAST`;
}

// ——— funnel ———

export interface FunnelStageRow {
  level: number;
  stage: string;
  entered: number;
  total_investment: string;
  entered_next: number | null;
  median_days: number | null;
  p90_days: number | null;
  dropped: number;
  on_hold: number;
}

/**
 * Per pipeline stage: projects that entered it in the period (and their investment), the next stage's entered
 * count (window `lead`), the median / 90th percentile of the days spent in it (stays from one move to the next,
 * summed per project, over the stays that ended in the period; on hold and dropped are stays of their own and
 * never count for a pipeline stage), and the moves from it to dropped / on_hold in the period.
 *
 * Each part is one range scan of its own index, reading only the rows of the period (migration
 * 1795591000002-AnalyticsCoveringIndexes; index-only for the scope of managers and admins):
 * - entered: the facts' first reach of each level within the period (`reached_<level>`, one per project: the
 *   move that first reached the level, or skipped past it, in the period, as the spans' `reach_from … reach_to`);
 * - stays: the spans of a pipeline stage (`level IS NOT NULL`) that ended in the period;
 * - exits: the spans of on_hold / dropped (`level IS NULL`) that started in the period.
 * `enteredFromRollup` replaces the `entered` part (rollupFunnelEnteredSql: the same rows from the rollup); without
 * `withStays`, the days and exits are left out (NULL and 0: funnelDurationsFromRollup gives them).
 */
export function funnelStagesSql(projects: SqlCondition, enteredFromRollup?: string, withStays = true): string {
  const levels = PIPELINE_LEVELS.map(({ stage, level }) => `(${level}, '${stage}')`).join(', ');
  const entered = enteredFromRollup ?? PIPELINE_LEVELS.map(({ level }) => `
  SELECT ${level} AS level, count(*)::int AS entered, sum(p.total_investment) AS investment
    FROM project_stage_facts p
   WHERE ${projects.sql} AND ${inPeriod(reachedAt(level))}`).join('\n  UNION ALL');
  const stays = `
stage_days AS (
  SELECT p.stage, p.project_id, (sum(extract(epoch FROM p.ended_at - p.started_at)) / 86400)::float8 AS days
    FROM project_stage_spans p
   WHERE ${projects.sql} AND p.level IS NOT NULL AND ${inPeriod('p.ended_at')}
   GROUP BY p.stage, p.project_id
),
durations AS (
  SELECT d.stage,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days) AS median_days,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY d.days) AS p90_days
    FROM stage_days d
   GROUP BY d.stage
),
exits AS (
  SELECT p.from_stage AS stage,
         count(DISTINCT p.project_id) FILTER (WHERE p.stage = 'dropped')::int AS dropped,
         count(DISTINCT p.project_id) FILTER (WHERE p.stage = 'on_hold')::int AS on_hold
    FROM project_stage_spans p
   WHERE ${projects.sql} AND p.level IS NULL AND p.stage IN (${OFF_PATH_SQL}) AND ${inPeriod('p.started_at')}
   GROUP BY p.from_stage
)`;
  return `
WITH levels AS (SELECT * FROM (VALUES ${levels}) AS v(level, stage)),
entered AS (${entered}
)${withStays ? `,${stays}` : ''}
SELECT l.level, l.stage,
       coalesce(e.entered, 0) AS entered,
       coalesce(e.investment, 0)::text AS total_investment,
       lead(coalesce(e.entered, 0)) OVER (ORDER BY l.level) AS entered_next,
       ${withStays ? `d.median_days, d.p90_days,
       coalesce(x.dropped, 0) AS dropped,
       coalesce(x.on_hold, 0) AS on_hold` : `NULL::float8 AS median_days, NULL::float8 AS p90_days, 0 AS dropped, 0 AS on_hold`}
  FROM levels l
  LEFT JOIN entered e ON e.level = l.level${withStays ? `
  LEFT JOIN durations d ON d.stage = l.stage
  LEFT JOIN exits x ON x.stage = l.stage` : ''}
 ORDER BY l.level`;
}

export interface SnapshotRow {
  stage: string;
  count: number;
  total_investment: string;
}

/** Where every open (not dropped) scoped project stands now (its last move), on hold apart. */
export function snapshotSql(projects: SqlCondition): string {
  return `
SELECT p.standing_stage AS stage, count(*)::int AS count, coalesce(sum(p.total_investment), 0)::text AS total_investment
  FROM project_stage_facts p
 WHERE ${projects.sql} AND p.standing_stage <> 'dropped'
 GROUP BY p.standing_stage`;
}

// ——— leads ———

export interface LeadFunnelRow {
  received: number;
  converted: number;
  rejected: number;
  median_days_to_screen: number | null;
}

/**
 * Leads received in the period (by `received_on`), with `leads` the visibility and filter condition on
 * alias `l`; converted / rejected by their status now; days to screen from `received_on` to the screening
 * day in the park's time zone.
 */
export function leadFunnelSql(leads: SqlCondition): string {
  return `
SELECT count(*)::int AS received,
       count(*) FILTER (WHERE l.status = 'converted')::int AS converted,
       count(*) FILTER (WHERE l.status = 'rejected')::int AS rejected,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ((l.screened_at AT TIME ZONE :tz)::date - l.received_on)::float8) AS median_days_to_screen
  FROM leads l
 WHERE l.deleted_at IS NULL
   AND l.received_on BETWEEN (:periodFrom)::date AND (:periodTo)::date
   AND ${leads.sql}`;
}
