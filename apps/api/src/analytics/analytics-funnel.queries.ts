import { bucketsToRead, locateQuantiles, PIPELINE_LEVELS, quantileValue, type BucketCount } from '@zs/domain';
import type { DataSource } from 'typeorm';
import { inPeriod, PERIOD_END, PERIOD_START, runAnalytics, type SqlCondition } from './analytics.queries';

/**
 * The funnel's median / p90 days and exits (the `median_days`, `p90_days`, `dropped`, `on_hold` of funnelStagesSql)
 * from the stays rollup of migration 1795597000001-AnalyticsFunnelRollup, for a park subtree (managers and admins,
 * no filter but parkId and ownerId) and a period of whole months: the same numbers, without reading every stay
 * of the period.
 * - Exits: the single exits summed from the rollup, plus the distinct projects among the repeated ones.
 * - Days: the histogram of the single stays (rollup) and the per-project sums of the repeated ones give each
 *   quantile's bucket; only those buckets' single stays are read from the spans (IDX_project_stage_spans_days_bucket),
 *   then the quantiles are taken as percentile_cont takes them (@zs/domain bucket-quantiles).
 */

/** The funnel figures this path replaces, per pipeline level. */
export interface FunnelDurations {
  median_days: number | null;
  p90_days: number | null;
  dropped: number;
  on_hold: number;
}

/** What to read: the park condition on alias `r`, the projects' condition on alias `p`, one owner or all. */
export interface FunnelRollupQuery {
  scope: SqlCondition;
  projects: SqlCondition;
  ownerId: string | null;
  /** The scope's, the projects' and the period's parameters (`periodFrom`, `periodTo`, `tz`, rollupParams). */
  params: Record<string, unknown>;
}

/** A stay's days, as funnelStagesSql sums them per project (seconds / 86400 as float8). */
const DAYS = (seconds: string) => `(${seconds} / 86400)::float8`;
const SPAN_DAYS = DAYS('extract(epoch FROM p.ended_at - p.started_at)');

interface HistogramRow {
  part: 'single' | 'repeat' | 'exits';
  level: number;
  days_bucket: number | null;
  stays: number;
  dropped: number;
  on_hold: number;
  days: number | null;
}

/** The histogram of the single stays and their exits, the repeated stays' per-project days, the repeated exits. */
function histogramSql(query: FunnelRollupQuery): string {
  const dim = query.ownerId ? `r.dim = 4 AND r.key = :rollupOwnerKey` : `r.dim = 0 AND r.key IS NULL`;
  const owner = query.ownerId ? ` AND r.owner_id = (:rollupOwnerKey)::uuid` : '';
  const periodBuckets = `((r.grain = 'y' AND r.bucket = ANY((:rYears)::date[])) OR (r.grain = 'm' AND r.bucket = ANY((:rMonths)::date[])))`;
  return `
SELECT 'single' AS part, r.level, r.days_bucket, sum(r.stays)::int AS stays, sum(r.dropped)::int AS dropped, sum(r.on_hold)::int AS on_hold, NULL::float8 AS days
  FROM analytics_funnel_rollup r
 WHERE ${dim} AND ${periodBuckets} AND ${query.scope.sql}
 GROUP BY r.level, r.days_bucket
UNION ALL
SELECT 'repeat', x.level, analytics_days_bucket(x.days), 1, 0, 0, x.days
  FROM (SELECT r.level, ${DAYS('sum(r.seconds)')} AS days
          FROM analytics_funnel_repeats r
         WHERE r.kind = 1 AND r.at >= ${PERIOD_START} AND r.at < ${PERIOD_END} AND ${query.scope.sql}${owner}
         GROUP BY r.level, r.project_id) x
UNION ALL
SELECT 'exits', r.level, NULL, 0,
       count(DISTINCT r.project_id) FILTER (WHERE r.kind = 2)::int, count(DISTINCT r.project_id) FILTER (WHERE r.kind = 3)::int, NULL
  FROM analytics_funnel_repeats r
 WHERE r.kind IN (2, 3) AND r.at >= ${PERIOD_START} AND r.at < ${PERIOD_END} AND ${query.scope.sql}${owner}
 GROUP BY r.level`;
}

/** The days of the single stays of the given (level, days bucket) pairs that ended in the period, in scope. */
function bucketValuesSql(query: FunnelRollupQuery, wanted: { level: number; bucket: number }[]): string {
  const stageOf = new Map(PIPELINE_LEVELS.map(({ level, stage }) => [level, stage]));
  const values = wanted.map(({ level, bucket }) => `(${level}::smallint, '${stageOf.get(level)}'::varchar, ${bucket}::smallint)`).join(', ');
  return `
SELECT w.level, w.bucket, v.days
  FROM (VALUES ${values}) w(level, stage, bucket)
 CROSS JOIN LATERAL (
   SELECT ${SPAN_DAYS} AS days
     FROM project_stage_spans p
    WHERE p.stage = w.stage AND analytics_days_bucket(${SPAN_DAYS}) = w.bucket AND ${inPeriod('p.ended_at')}
      AND p.deleted_at IS NULL AND p.level IS NOT NULL AND p.ended_at IS NOT NULL AND ${query.projects.sql}
      AND NOT EXISTS (SELECT 1 FROM analytics_funnel_repeats x WHERE x.project_id = p.project_id AND x.kind = 1 AND x.level = p.level)
 ) v`;
}

/** The funnel's days and exits per pipeline level from the stays rollup (two queries). */
export async function funnelDurationsFromRollup(db: DataSource, query: FunnelRollupQuery): Promise<Map<number, FunnelDurations>> {
  const params = { ...query.params, ...query.scope.params, ...query.projects.params, rollupOwnerKey: query.ownerId };
  const rows = await runAnalytics<HistogramRow>(db, histogramSql(query), params, { parallel: false });
  const figures = new Map<number, FunnelDurations>(PIPELINE_LEVELS.map(({ level }) => [level, { median_days: null, p90_days: null, dropped: 0, on_hold: 0 }]));
  const histograms = new Map<number, Map<number, number>>();
  const repeatDays = new Map<string, number[]>();
  for (const row of rows) {
    const level = figures.get(row.level);
    if (!level) continue;
    level.dropped += row.dropped;
    level.on_hold += row.on_hold;
    if (row.days_bucket === null || row.stays === 0) continue;
    const histogram = histograms.get(row.level) ?? new Map<number, number>();
    histogram.set(row.days_bucket, (histogram.get(row.days_bucket) ?? 0) + row.stays);
    histograms.set(row.level, histogram);
    if (row.part === 'repeat') repeatDays.set(`${row.level}:${row.days_bucket}`, [...(repeatDays.get(`${row.level}:${row.days_bucket}`) ?? []), row.days!]);
  }
  const located = [...histograms].map(([level, histogram]) => {
    const counts: BucketCount[] = [...histogram].map(([bucket, count]) => ({ bucket, count }));
    return { level, ranks: locateQuantiles(counts, [0.5, 0.9]) };
  });
  const wanted = located.flatMap(({ level, ranks }) => (ranks ? bucketsToRead(ranks).map((bucket) => ({ level, bucket })) : []));
  if (wanted.length === 0) return figures;
  const values = new Map<number, Map<number, number[]>>();
  const add = (level: number, bucket: number, days: number[]) => {
    const byBucket = values.get(level) ?? new Map<number, number[]>();
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), ...days]);
    values.set(level, byBucket);
  };
  for (const { level, bucket } of wanted) add(level, bucket, repeatDays.get(`${level}:${bucket}`) ?? []);
  const singles = await runAnalytics<{ level: number; days: number; bucket: number }>(db, bucketValuesSql(query, wanted), params, { parallel: false });
  for (const row of singles) add(row.level, row.bucket, [row.days]);
  for (const { level, ranks } of located) {
    if (!ranks) continue;
    const byBucket = values.get(level)!;
    figures.get(level)!.median_days = quantileValue(ranks[0], byBucket);
    figures.get(level)!.p90_days = quantileValue(ranks[1], byBucket);
  }
  return figures;
}
