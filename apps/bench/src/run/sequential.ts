import { performance } from 'node:perf_hooks';
import { type LatencySummary, summarize } from './stats';

/**
 * Runs `fn` one call after another (after `warmup` unrecorded calls) until `count` samples or `budgetMs`
 * have passed (at least `minCount`), and summarizes the durations in ms.
 */
export async function sequential(fn: (i: number) => Promise<void>, options: { count: number; warmup?: number; budgetMs?: number; minCount?: number }): Promise<LatencySummary> {
  for (let i = 0; i < (options.warmup ?? 2); i++) await fn(-1 - i);
  const samples: number[] = [];
  const deadline = Date.now() + (options.budgetMs ?? 60_000);
  for (let i = 0; i < options.count; i++) {
    if (i >= (options.minCount ?? 5) && Date.now() > deadline) break;
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}
