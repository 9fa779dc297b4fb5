/**
 * Exact continuous quantiles (PostgreSQL's `percentile_cont`) of a multiset known first only as counts per
 * bucket: the buckets are ordered (every value of a bucket is below every value of the next one), so the
 * histogram tells which bucket holds each rank a quantile needs, and only those buckets' values are read.
 * Used by the funnel's median / p90 days from the stays rollup (migration 1795597000001-AnalyticsFunnelRollup).
 */

/** How many values fall in one bucket. */
export interface BucketCount {
  bucket: number;
  count: number;
}

/** A rank (0-based, in the whole multiset) located in its bucket: `offset` is its rank among that bucket's values. */
export interface LocatedRank {
  bucket: number;
  offset: number;
}

/** One quantile: its two neighbouring ranks and the weight of the upper one, as percentile_cont takes them. */
export interface QuantileRanks {
  lower: LocatedRank;
  upper: LocatedRank;
  fraction: number;
}

/** The ranks of each quantile in `fractions`, located in the histogram; null when it holds no value. */
export function locateQuantiles(histogram: readonly BucketCount[], fractions: readonly number[]): QuantileRanks[] | null {
  const buckets = [...histogram].filter((b) => b.count > 0).sort((a, b) => a.bucket - b.bucket);
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return null;
  const locate = (rank: number): LocatedRank => {
    let before = 0;
    for (const b of buckets) {
      if (rank < before + b.count) return { bucket: b.bucket, offset: rank - before };
      before += b.count;
    }
    throw new RangeError(`rank ${rank} is beyond the ${total} values of the histogram`);
  };
  return fractions.map((q) => {
    const position = q * (total - 1);
    const lower = Math.floor(position);
    return { lower: locate(lower), upper: locate(Math.ceil(position)), fraction: position - lower };
  });
}

/** The buckets whose values `locateQuantiles`' ranks need. */
export function bucketsToRead(ranks: readonly QuantileRanks[]): number[] {
  return [...new Set(ranks.flatMap((r) => [r.lower.bucket, r.upper.bucket]))].sort((a, b) => a - b);
}

/**
 * The quantile's value from the values of its buckets (all of each bucket's values, any order): the two ranks'
 * values interpolated as PostgreSQL's percentile_cont does (`lower + fraction × (upper − lower)`).
 */
export function quantileValue(ranks: QuantileRanks, values: ReadonlyMap<number, readonly number[]>): number {
  const at = ({ bucket, offset }: LocatedRank): number => {
    const sorted = [...(values.get(bucket) ?? [])].sort((a, b) => a - b);
    if (offset >= sorted.length) throw new RangeError(`bucket ${bucket} holds ${sorted.length} values, rank ${offset} was expected`);
    return sorted[offset];
  };
  const lower = at(ranks.lower);
  const upper = at(ranks.upper);
  return lower + ranks.fraction * (upper - lower);
}
