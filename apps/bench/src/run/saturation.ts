import autocannon from 'autocannon';
import { round } from './stats';

export interface SaturationResult {
  /** Mean requests per second answered 2xx over the run. */
  rps: number;
  connections: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Closed-loop saturation with autocannon: `connections` clients each sending as soon as its answer arrives. */
export async function saturation(url: string, headers: Record<string, string>, connections: number, durationS: number): Promise<SaturationResult> {
  // a short warm-up (JIT, pools, caches), not recorded
  await autocannon({ url, headers, connections, duration: 2 });
  const result = await autocannon({ url, headers, connections, duration: durationS });
  const ok = result.requests.total - result.non2xx;
  return {
    rps: round(ok / durationS, 1),
    connections,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
