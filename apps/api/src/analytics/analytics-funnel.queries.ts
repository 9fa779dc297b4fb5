import { bucketsToRead, locateQuantiles, PIPELINE_LEVELS, quantileValue, type BucketCount, type RollupPlan } from '@zs/domain';
import type { DataSource } from 'typeorm';
import { PERIOD_BUCKETS } from './analytics-rollup.queries';
import { PERIOD_END, PERIOD_START, runAnalytics, type SqlCondition } from './analytics.queries';

/**
 * The funnel's median / p90 days and exits (the `median_days`, `p90_days`, `dropped`, `on_hold` of funnelStagesSql)
 * from the stays rollup of migration 1795597000001-AnalyticsFunnelRollup, for a park subtree (managers and admins,
 * no filter but parkId and ownerId) and a period of whole months and years (a RollupPlan without edges): the same
 * numbers, without reading every stay of the period.
 * - Exits: the single exits summed from the rollup, plus the distinct projects among the repeated ones.
 * - Days: each project's days per level and bucket are values in analytics_funnel_stays, counted per days bucket in
 *   the rollup. A period of several buckets sums a project's values across them (the `multi` ones: its merged value
 *   replaces its parts in the histogram). The histogram gives each quantile's days bucket; only those buckets'
 *   values are read, and the quantiles are taken as percentile_cont takes them (@zs/domain bucket-quantiles).
 */

/** The funnel figures this path replaces, per pipeline level. */
export interface FunnelDurations {
  median_days: number | null;
  p90_days: number | null;
  dropped: number;
  on_hold: number;
}

/** What to read: the park condition on alias `r`, one owner or all, the period's buckets. */
export interface FunnelRollupQuery {
  scope: SqlCondition;
  ownerId: string | null;
  plan: RollupPlan;
  /** The scope's and the period's parameters (`periodFrom`, `periodTo`, `tz`, rollupParams(plan)). */
  params: Record<string, unknown>;
}

interface HistogramRow {
  part: 'single' | 'merged' | 'exits';
  level: number;
  days_bucket: number | null;
  stays: number;
  dropped: number;
  on_hold: number;
  days: number | null;
  project_id: string | null;
  parts: number[] | null;
}

const owner = (query: FunnelRollupQuery) => (query.ownerId ? ` AND r.owner_id = (:rollupOwnerKey)::uuid` : '');

/** The histogram of the values and the single exits, the values to merge across buckets, the repeated exits. */
function histogramSql(query: FunnelRollupQuery): string {
  const dim = query.ownerId ? `r.dim = 4 AND r.key = :rollupOwnerKey` : `r.dim = 0 AND r.key IS NULL`;
  const buckets = query.plan.years.length + query.plan.months.length;
  const merged = buckets > 1 ? `
UNION ALL
SELECT 'merged', m.level, analytics_days_bucket(m.days), 1, 0, 0, m.days, m.project_id, m.parts
  FROM (SELECT r.level, r.project_id::text, (sum(r.seconds) / 86400)::float8 AS days, array_agg(r.days_bucket) AS parts
          FROM analytics_funnel_stays r
         WHERE r.multi AND ${PERIOD_BUCKETS} AND ${query.scope.sql}${owner(query)}
         GROUP BY r.level, r.project_id
        HAVING count(*) > 1) m` : '';
  return `
SELECT 'single' AS part, r.level, r.days_bucket, sum(r.stays)::int AS stays, sum(r.dropped)::int AS dropped, sum(r.on_hold)::int AS on_hold,
       NULL::float8 AS days, NULL::text AS project_id, NULL::smallint[] AS parts
  FROM analytics_funnel_rollup r
 WHERE ${dim} AND ${PERIOD_BUCKETS} AND ${query.scope.sql}
 GROUP BY r.level, r.days_bucket${merged}
UNION ALL
SELECT 'exits', r.level, NULL, 0,
       count(DISTINCT r.project_id) FILTER (WHERE r.kind = 2)::int, count(DISTINCT r.project_id) FILTER (WHERE r.kind = 3)::int, NULL, NULL, NULL
  FROM analytics_funnel_repeat_exits r
 WHERE r.at >= ${PERIOD_START} AND r.at < ${PERIOD_END} AND ${query.scope.sql}${owner(query)}
 GROUP BY r.level`;
}

/** The values of the given (level, days bucket) pairs in the period's buckets, in scope: one index range each. */
function bucketValuesSql(query: FunnelRollupQuery, wanted: { level: number; bucket: number }[]): string {
  const periodBuckets = [...query.plan.years.map((b) => ['y', b]), ...query.plan.months.map((b) => ['m', b])];
  const values = wanted.flatMap(({ level, bucket }) => periodBuckets.map(([grain, date]) =>
    `('${grain}'::"char", '${date}'::date, ${level}::smallint, ${bucket}::smallint)`)).join(', ');
  return `
SELECT w.level, w.days_bucket AS bucket, v.days, v.project_id, v.multi
  FROM (VALUES ${values}) w(grain, bucket, level, days_bucket)
 CROSS JOIN LATERAL (
   SELECT r.days, r.project_id::text, r.multi
     FROM analytics_funnel_stays r
    WHERE r.grain = w.grain AND r.bucket = w.bucket AND r.level = w.level AND r.days_bucket = w.days_bucket
      AND ${query.scope.sql}${owner(query)}
 ) v`;
}

/** Per level: counts per days bucket, and values known apart (merged ones) per days bucket. */
class LevelValues {
  readonly counts = new Map<number, number>();
  readonly known = new Map<number, number[]>();
  readonly merged = new Set<string>();

  count(bucket: number, delta: number): void {
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + delta);
  }

  add(bucket: number, days: number): void {
    this.known.set(bucket, [...(this.known.get(bucket) ?? []), days]);
  }
}

/** The funnel's days and exits per pipeline level from the stays rollup (two queries). */
export async function funnelDurationsFromRollup(db: DataSource, query: FunnelRollupQuery): Promise<Map<number, FunnelDurations>> {
  const params = { ...query.params, ...query.scope.params, rollupOwnerKey: query.ownerId };
  const rows = await runAnalytics<HistogramRow>(db, histogramSql(query), params, { parallel: false });
  const figures = new Map<number, FunnelDurations>(PIPELINE_LEVELS.map(({ level }) => [level, { median_days: null, p90_days: null, dropped: 0, on_hold: 0 }]));
  const levels = new Map<number, LevelValues>();
  for (const row of rows) {
    const figure = figures.get(row.level);
    if (!figure) continue;
    figure.dropped += row.dropped;
    figure.on_hold += row.on_hold;
    if (row.days_bucket === null || row.stays === 0) continue;
    const level = levels.get(row.level) ?? new LevelValues();
    levels.set(row.level, level);
    level.count(row.days_bucket, row.stays);
    if (row.part === 'merged') {
      // one value summed across the period's buckets, in place of its parts
      for (const part of row.parts!) level.count(part, -1);
      level.add(row.days_bucket, row.days!);
      level.merged.add(row.project_id!);
    }
  }
  const located = [...levels].map(([level, values]) => ({
    level, ranks: locateQuantiles([...values.counts].map(([bucket, count]): BucketCount => ({ bucket, count })), [0.5, 0.9]),
  }));
  const wanted = located.flatMap(({ level, ranks }) => (ranks ? bucketsToRead(ranks).map((bucket) => ({ level, bucket })) : []));
  if (wanted.length === 0) return figures;
  const read = await runAnalytics<{ level: number; bucket: number; days: number; project_id: string; multi: boolean }>(
    db, bucketValuesSql(query, wanted), params, { parallel: false },
  );
  const values = new Map<number, Map<number, number[]>>(wanted.map(({ level }) => [level, new Map()]));
  for (const { level, bucket } of wanted) values.get(level)!.set(bucket, [...(levels.get(level)!.known.get(bucket) ?? [])]);
  for (const row of read) {
    if (row.multi && levels.get(row.level)!.merged.has(row.project_id)) continue; // a part of a merged value
    values.get(row.level)!.get(row.bucket)!.push(row.days);
  }
  for (const { level, ranks } of located) {
    if (!ranks) continue;
    figures.get(level)!.median_days = quantileValue(ranks[0], values.get(level)!);
    figures.get(level)!.p90_days = quantileValue(ranks[1], values.get(level)!);
  }
  return figures;
}
