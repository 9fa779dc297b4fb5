/**
 * A half-open range of subject ids, `from <= id < to` (an unset bound does not apply). PostgreSQL orders
 * uuids byte by byte, i.e. as their lower-case hex text, so a range of text bounds is a range of uuids.
 */
export interface SubjectRange {
  from?: string;
  to?: string;
}

/**
 * `n` ranges that split the uuid space into equal parts by the first 32 bits (ids made by gen_random_uuid,
 * version 4, are spread evenly over them): together they hold every id exactly once. One range (unbounded)
 * for n ≤ 1.
 */
export function subjectRanges(n: number): SubjectRange[] {
  const count = Math.max(1, Math.floor(n));
  const bounds = Array.from({ length: count - 1 }, (_, i) => {
    const prefix = Math.floor(((i + 1) * 0x1_0000_0000) / count).toString(16).padStart(8, '0');
    return `${prefix}-0000-0000-0000-000000000000`;
  });
  return Array.from({ length: count }, (_, i) => ({
    ...(i > 0 ? { from: bounds[i - 1] } : {}),
    ...(i < count - 1 ? { to: bounds[i] } : {}),
  }));
}
