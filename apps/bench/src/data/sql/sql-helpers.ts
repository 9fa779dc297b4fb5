/** Small builders of SQL text from the vocabulary (constants of ours, quoted; never user input). */

export function lit(value: string | null): string {
  return value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`;
}

export function arr(values: (string | null)[]): string {
  return `ARRAY[${values.map(lit).join(', ')}]::text[]`;
}

/** One of `values`, uniformly, for `u` in [0, 1). */
export function pickUniform(values: (string | null)[], u: string): string {
  return `(${arr(values)})[1 + floor((${u}) * ${values.length})::int]`;
}

/** One of `values` with the given weights, for `u` in [0, 1) (`u` is repeated: keep it cheap). */
export function pickWeighted(values: string[], weights: number[], u: string): string {
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  const branches = values.slice(0, -1).map((value, i) => {
    cumulative += weights[i];
    return `WHEN (${u}) < ${(cumulative / total).toFixed(6)} THEN ${value}`;
  });
  return `(CASE ${branches.join(' ')} ELSE ${values[values.length - 1]} END)`;
}

/** The same for integers 1..n. */
export function pickWeightedIndex(weights: number[], u: string): string {
  return pickWeighted(weights.map((_, i) => String(i + 1)), weights, u);
}

/** The session's generation parameters (set by generate.ts with set_config). */
export const N_PROJECTS = `current_setting('bench.projects')::int`;
export const NOW = `current_setting('bench.now')::timestamptz`;

/** The park's calendar day of a timestamp (Asia/Shanghai, the default TZ_PARK). */
export const localDate = (ts: string) => `((${ts}) AT TIME ZONE 'Asia/Shanghai')::date`;
