import {
  ENTERED_KEYS, enteredLevel, LANDED_LEVEL, OVER_100M_WAN, OVER_50M_WAN, PIPELINE_LEVELS, RATE_RULES,
  type RateKey, type RollupPlan,
} from '@zs/domain';
import { reachedAt, type SqlCondition } from './analytics.queries';

/**
 * The KPIs and the funnel's `entered` / snapshot for a park subtree (managers and admins, no filter but parkId)
 * from the rollup of migration 1795595000001-AnalyticsRollup, returning the very rows kpiSql / funnelStagesSql /
 * snapshotSql return (same columns, same texts, same order): whole years and months of the period from the
 * rollup, the days at its edges from the per-project tables (RollupPlan), standing at the end of the period as
 * what stands now minus what happened since.
 *
 * `scope` is the park condition on alias `r` (the rollup's park_id); `projects` the usual condition on alias `p`
 * for the per-project parts. Parameters: `:tz` and those of `rollupParams(plan)`.
 */

const WENT_ON = Object.keys(RATE_RULES) as RateKey[];
const RATE_NUMBER: Record<RateKey, number> = { startRate: 1, productionRate: 2 };

/** The measures the KPI query sums per (dimension, key), counts then amounts. */
const COUNTS = [
  ...ENTERED_KEYS.map((k) => `entered_${k}`), 'existing', 'active', 'over100m', 'over50m', 'in_contact', 'landed', 'funds',
  ...WENT_ON.map((r) => `went_on_${r}`),
];
const AMOUNTS = [...ENTERED_KEYS.map((k) => `entered_investment_${k}`), 'active_investment', 'in_contact_investment', 'landed_investment', 'funds_amount'];

function measures(values: Record<string, string>): string {
  return [...COUNTS.map((m) => `(${values[m] ?? '0'})::bigint AS ${m}`), ...AMOUNTS.map((m) => `(${values[m] ?? '0'})::numeric AS ${m}`)].join(', ');
}

const STANDING = ['existing', 'active', 'active_investment', 'over100m', 'over50m', 'in_contact', 'in_contact_investment', 'landed', 'landed_investment'];

/** The standing vector of one stay (alias p on project_stage_spans), times `sign`. */
function spanStanding(sign: string): Record<string, string> {
  const active = (cond: string, value: string) => `CASE WHEN p.stage <> 'dropped' AND ${cond} THEN ${value} ELSE 0 END`;
  return {
    existing: sign,
    active: active('TRUE', sign),
    active_investment: active('TRUE', `${sign} * p.total_investment`),
    over100m: active(`p.total_investment >= ${OVER_100M_WAN}`, sign),
    over50m: active(`p.total_investment >= ${OVER_50M_WAN}`, sign),
    in_contact: active(`p.standing_level < ${LANDED_LEVEL}`, sign),
    in_contact_investment: active(`p.standing_level < ${LANDED_LEVEL}`, `${sign} * p.total_investment`),
    landed: active(`p.standing_level >= ${LANDED_LEVEL}`, sign),
    landed_investment: active(`p.standing_level >= ${LANDED_LEVEL}`, `${sign} * p.total_investment`),
  };
}

const instant = (param: string) => `((:${param})::date::timestamp AT TIME ZONE :tz)`;
const DIMS = `(VALUES (1::smallint, e.industry::text), (2::smallint, e.channel::text), (3::smallint, e.origin_region::text), (4::smallint, e.owner_id::text)) d(dim, key)`;
const PROJECT_DIMS = 'p.industry, p.channel, p.origin_region, p.owner_id';

/** Named parameters of a plan (dates as text, cast in the SQL). */
export function rollupParams(plan: RollupPlan): Record<string, unknown> {
  const params: Record<string, unknown> = {
    rYears: plan.years, rMonths: plan.months, rEnd: plan.end,
    rLaterMonthsFrom: plan.later.monthsFrom, rLaterYearsFrom: plan.later.yearsFrom,
    rBucketedFrom: plan.bucketed?.from ?? null, rBucketedTo: plan.bucketed?.to ?? null,
    rLaterEdgeFrom: plan.later.edge?.from ?? null, rLaterEdgeTo: plan.later.edge?.to ?? null,
  };
  plan.edges.forEach((edge, i) => Object.assign(params, { [`rEdge${i}From`]: edge.from, [`rEdge${i}To`]: edge.to }));
  return params;
}

/** The per-project events of the edges (facts, spans and funds on alias p), with the project's dimensions. */
function edgeEvents(projects: SqlCondition, plan: RollupPlan, wentOnReached: boolean): string[] {
  const parts: string[] = [];
  plan.edges.forEach((_, i) => {
    const from = instant(`rEdge${i}From`);
    const to = instant(`rEdge${i}To`);
    for (const key of ENTERED_KEYS) {
      const at = reachedAt(enteredLevel(key));
      parts.push(`SELECT ${PROJECT_DIMS}, ${measures({ [`entered_${key}`]: '1', [`entered_investment_${key}`]: 'p.total_investment' })}
    FROM project_stage_facts p WHERE ${projects.sql} AND ${at} >= ${from} AND ${at} < ${to}`);
    }
    parts.push(`SELECT ${PROJECT_DIMS}, ${measures({ funds: '1', funds_amount: 'fu.amount' })}
    FROM funds fu JOIN project_stage_facts p ON p.project_id = fu.project_id
   WHERE ${projects.sql} AND fu.deleted_at IS NULL AND fu.received_on >= (:rEdge${i}From)::date AND fu.received_on < (:rEdge${i}To)::date`);
    for (const rate of WENT_ON) {
      const of = reachedAt(enteredLevel(RATE_RULES[rate].of));
      const reached = reachedAt(enteredLevel(RATE_RULES[rate].reached));
      parts.push(`SELECT ${PROJECT_DIMS}, ${measures({ [`went_on_${rate}`]: '1' })}
    FROM project_stage_facts p WHERE ${projects.sql} AND ${of} >= ${from} AND ${of} < ${to} AND ${reached} < ${instant('rEnd')}`);
    }
  });
  // reached `of` in the whole months or years, and `reached` in the days after them
  const trailing = plan.edges.find((edge) => plan.bucketed && edge.from === plan.bucketed.to);
  if (trailing && wentOnReached) {
    for (const rate of WENT_ON) {
      const of = reachedAt(enteredLevel(RATE_RULES[rate].of));
      const reached = reachedAt(enteredLevel(RATE_RULES[rate].reached));
      parts.push(`SELECT ${PROJECT_DIMS}, ${measures({ [`went_on_${rate}`]: '1' })}
    FROM project_stage_facts p
   WHERE ${projects.sql} AND ${reached} >= ${instant('rBucketedTo')} AND ${reached} < ${instant('rEnd')}
     AND ${of} >= ${instant('rBucketedFrom')} AND ${of} < ${instant('rBucketedTo')}`);
    }
  }
  if (plan.later.edge) {
    // what happened between the end of the period and the next month: taken away from what stands now
    parts.push(`SELECT ${PROJECT_DIMS}, ${measures(spanStanding('-1'))}
    FROM project_stage_spans p WHERE ${projects.sql} AND p.started_at >= ${instant('rLaterEdgeFrom')} AND p.started_at < ${instant('rLaterEdgeTo')}`);
    parts.push(`SELECT ${PROJECT_DIMS}, ${measures(spanStanding('1'))}
    FROM project_stage_spans p WHERE ${projects.sql} AND p.ended_at >= ${instant('rLaterEdgeFrom')} AND p.ended_at < ${instant('rLaterEdgeTo')}`);
  }
  return parts;
}

/** The rollup rows (alias r) of the period's whole years and months (rollupParams' `rYears`, `rMonths`). */
export const PERIOD_BUCKETS = `((r.grain = 'y' AND r.bucket = ANY((:rYears)::date[])) OR (r.grain = 'm' AND r.bucket = ANY((:rMonths)::date[])))`;

/** The KPI rows of kpiSql(projects, breakdowns) for a park subtree, from the rollup. */
export function rollupKpiSql(scope: SqlCondition, projects: SqlCondition, plan: RollupPlan, breakdowns: boolean): string {
  const periodPart = `SELECT r.dim, r.key, ${measures({
    ...Object.fromEntries(ENTERED_KEYS.flatMap((k) => [[`entered_${k}`, `r.entered_${enteredLevel(k)}`], [`entered_investment_${k}`, `r.entered_investment_${enteredLevel(k)}`]])),
    funds: 'r.funds', funds_amount: 'r.funds_amount',
  })}
    FROM analytics_rollup r WHERE ${scope.sql} AND ${PERIOD_BUCKETS}`;
  const standingPart = `SELECT r.dim, r.key, ${measures(Object.fromEntries(STANDING.map((m) => [m, `(CASE WHEN r.grain = 'a' THEN 1 ELSE -1 END) * r.${m}`])))}
    FROM analytics_rollup r
   WHERE ${scope.sql} AND (r.grain = 'a' OR (r.grain = 'm' AND r.bucket >= (:rLaterMonthsFrom)::date AND r.bucket < (:rLaterYearsFrom)::date)
                           OR (r.grain = 'y' AND r.bucket >= (:rLaterYearsFrom)::date))`;
  const wentOnPart = plan.bucketed
    ? `SELECT r.dim, r.key, ${measures(Object.fromEntries(WENT_ON.map((rate) => [`went_on_${rate}`, `CASE r.rate WHEN ${RATE_NUMBER[rate]} THEN r.projects ELSE 0 END`])))}
    FROM analytics_rollup_went_on r
   WHERE ${scope.sql} AND r.grain = '${plan.wentOnGrain}' AND r.of_bucket >= (:rBucketedFrom)::date AND r.of_bucket < (:rBucketedTo)::date
     AND r.reached_bucket < (:rBucketedTo)::date`
    : null;
  const edges = edgeEvents(projects, plan, true);
  const parts = [periodPart, standingPart, ...(wentOnPart ? [wentOnPart] : [])];
  if (edges.length) {
    // summed per combination of the four dimensions first: tens of thousands of events become a few thousand rows
    parts.push(`SELECT d.dim, d.key, ${[...COUNTS, ...AMOUNTS].map((m) => `e.${m}`).join(', ')}
    FROM (SELECT ${PROJECT_DIMS.replaceAll('p.', 'x.')}, ${[...COUNTS, ...AMOUNTS].map((m) => `sum(x.${m}) AS ${m}`).join(', ')}
            FROM (${edges.join('\n  UNION ALL ')}) x
           GROUP BY 1, 2, 3, 4) e CROSS JOIN LATERAL ${DIMS}`);
  }
  const sum = (m: string) => `sum(x.${m})`;
  const amountText = (amount: string, count: string) => `(CASE WHEN ${sum(count)} = 0 THEN '0' ELSE ${sum(amount)}::text END)`;
  const dimensionNames = `CASE x.dim WHEN 1 THEN 'industry' WHEN 2 THEN 'channel' WHEN 3 THEN 'originRegion' WHEN 4 THEN 'owner' END`;
  return `
WITH parts AS (
  ${parts.join('\n  UNION ALL\n  ')}
),
keyed AS (
  ${breakdowns ? `SELECT * FROM parts UNION ALL ` : ''}SELECT 0::smallint AS dim, NULL::text AS key, ${[...COUNTS, ...AMOUNTS].map((m) => `p.${m}`).join(', ')} FROM parts p WHERE p.dim = 2
  UNION ALL
  SELECT 0::smallint, NULL::text, ${measures({})} -- the total row, also for a scope without projects
),
figures AS (
  SELECT CASE x.dim WHEN 0 THEN 'total' ELSE ${dimensionNames} END AS dimension,
         x.key AS group_key,
         ${sum('active')}::int AS active_count,
         ${amountText('active_investment', 'active')} AS active_investment,
         ${sum('over100m')}::int AS over100m,
         ${sum('over50m')}::int AS over50m,
         ${sum('in_contact')}::int AS in_contact_count,
         ${amountText('in_contact_investment', 'in_contact')} AS in_contact_investment,
         ${sum('landed')}::int AS landed_count,
         ${amountText('landed_investment', 'landed')} AS landed_investment,
         json_build_object(${ENTERED_KEYS.map((k) => `'${k}', ${sum(`entered_${k}`)}::bigint`).join(', ')}) AS entered,
         json_build_object(${ENTERED_KEYS.map((k) => `'${k}', ${amountText(`entered_investment_${k}`, `entered_${k}`)}`).join(', ')}) AS entered_investment,
         json_build_object(${WENT_ON.map((rate) => `'${rate}', ${sum(`went_on_${rate}`)}::bigint`).join(', ')}) AS went_on,
         ${amountText('funds_amount', 'funds')} AS funds_in_place,
         ${sum('existing')}::bigint AS existing
    FROM keyed x
   GROUP BY x.dim, x.key
)
SELECT g.*, u.display_name AS owner_name
  FROM figures g
  LEFT JOIN users u ON g.dimension = 'owner' AND u.id::text = g.group_key
 WHERE g.dimension = 'total' OR g.existing > 0 OR g.funds_in_place::numeric > 0
 ORDER BY g.dimension, g.active_investment::numeric DESC, g.active_count DESC, g.group_key NULLS LAST`;
}

/**
 * The rollup rows whose sum is all the scope's projects (every live project is in exactly one channel), or one
 * owner's projects (the owner dimension): what the funnel reads with and without `ownerId`.
 */
export function rollupTotals(ownerId: string | null): SqlCondition {
  return ownerId ? { sql: 'r.dim = 4 AND r.key = :rollupOwnerKey', params: { rollupOwnerKey: ownerId } } : { sql: 'r.dim = 2', params: {} };
}

/** The funnel's `entered` (level, entered, investment: the `entered` part of funnelStagesSql) from the rollup. */
export function rollupFunnelEnteredSql(scope: SqlCondition, projects: SqlCondition, plan: RollupPlan, totals = rollupTotals(null)): string {
  const levels = PIPELINE_LEVELS.map(({ level }) => level);
  const parts = [`SELECT ${levels.map((l) => `r.entered_${l} AS n${l}, r.entered_investment_${l} AS v${l}`).join(', ')}
    FROM analytics_rollup r WHERE ${scope.sql} AND ${totals.sql} AND ${PERIOD_BUCKETS}`];
  plan.edges.forEach((_, i) => {
    for (const l of levels) {
      parts.push(`SELECT ${levels.map((k) => (k === l ? `1 AS n${k}, p.total_investment AS v${k}` : `0 AS n${k}, 0 AS v${k}`)).join(', ')}
    FROM project_stage_facts p WHERE ${projects.sql} AND ${reachedAt(l)} >= ${instant(`rEdge${i}From`)} AND ${reachedAt(l)} < ${instant(`rEdge${i}To`)}`);
    }
  });
  return `
  SELECT v.level, sum(v.n)::int AS entered, CASE WHEN sum(v.n) = 0 THEN NULL ELSE sum(v.v) END AS investment
    FROM (${parts.join('\n    UNION ALL ')}) x
   CROSS JOIN LATERAL (VALUES ${levels.map((l) => `(${l}, x.n${l}, x.v${l})`).join(', ')}) v(level, n, v)
   GROUP BY v.level`;
}

/** The funnel's snapshot (snapshotSql's rows) from what stands now in the rollup. */
export function rollupSnapshotSql(scope: SqlCondition, totals = rollupTotals(null)): string {
  const stages = [...PIPELINE_LEVELS.map(({ stage }) => stage), 'on_hold'];
  return `
SELECT s.stage, sum(s.n)::int AS count, coalesce(sum(s.v), 0)::text AS total_investment
  FROM analytics_rollup r
 CROSS JOIN LATERAL (VALUES ${stages.map((st) => `('${st}', r.now_${st}, r.now_${st}_investment)`).join(', ')}) s(stage, n, v)
 WHERE ${scope.sql} AND r.grain = 'a' AND ${totals.sql}
 GROUP BY s.stage
HAVING sum(s.n) > 0`;
}
