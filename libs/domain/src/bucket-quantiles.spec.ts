import { bucketsToRead, locateQuantiles, quantileValue } from './bucket-quantiles';

/** percentile_cont over a plain list, as PostgreSQL defines it: the oracle. */
function percentileCont(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const lower = Math.floor(position);
  return sorted[lower] + (position - lower) * (sorted[Math.ceil(position)] - sorted[lower]);
}

/** Buckets of width 10: the histogram and the values per bucket of a list. */
function bucketed(values: number[]) {
  const byBucket = new Map<number, number[]>();
  for (const v of values) byBucket.set(Math.floor(v / 10), [...(byBucket.get(Math.floor(v / 10)) ?? []), v]);
  return { histogram: [...byBucket].map(([bucket, vs]) => ({ bucket, count: vs.length })), byBucket };
}

describe('bucket quantiles', () => {
  it('gives no ranks for an empty histogram', () => {
    expect(locateQuantiles([], [0.5])).toBeNull();
    expect(locateQuantiles([{ bucket: 3, count: 0 }], [0.5])).toBeNull();
  });

  it('locates the median of an even count across two buckets and interpolates like percentile_cont', () => {
    const { histogram, byBucket } = bucketed([1, 2, 15, 30]);
    const [median] = locateQuantiles(histogram, [0.5])!;
    expect(median).toEqual({ lower: { bucket: 0, offset: 1 }, upper: { bucket: 1, offset: 0 }, fraction: 0.5 });
    expect(bucketsToRead([median])).toEqual([0, 1]);
    expect(quantileValue(median, byBucket)).toBe(8.5);
  });

  it('needs only the buckets holding the ranks', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i * 37) % 500 + 0.25);
    const { histogram } = bucketed(values);
    const ranks = locateQuantiles(histogram, [0.5, 0.9])!;
    expect(bucketsToRead(ranks).length).toBeLessThanOrEqual(4);
  });

  it('equals percentile_cont for many lists, buckets given in any order', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 1; n <= 60; n++) {
      const values = Array.from({ length: n }, () => Math.round(random() * 4000) / 7);
      const { histogram, byBucket } = bucketed(values);
      const ranks = locateQuantiles(histogram.reverse(), [0.5, 0.9])!;
      expect(quantileValue(ranks[0], byBucket)).toBe(percentileCont(values, 0.5));
      expect(quantileValue(ranks[1], byBucket)).toBe(percentileCont(values, 0.9));
    }
  });

  it('says so when a bucket read holds fewer values than its count', () => {
    const ranks = locateQuantiles([{ bucket: 0, count: 3 }], [0.9])!;
    expect(() => quantileValue(ranks[0], new Map([[0, [1, 2]]]))).toThrow(RangeError);
  });
});
