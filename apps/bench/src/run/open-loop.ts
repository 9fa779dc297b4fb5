import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type LatencySummary, round, summarize } from './stats';

export interface OpenLoopResult extends LatencySummary {
  /** Requests per second asked for, and the rate at which answers came back. */
  targetRate: number;
  achievedRate: number;
  errors: number;
  non2xx: number;
  /** Requests still unanswered `drainMs` after the last send: counted in the percentiles with their age then (a lower bound). */
  unanswered: number;
  /**
   * Set when the server fell so far behind (more than `maxBacklog` requests unanswered) that sending stopped
   * early: seconds after the start. The run is then a measured overload, and the backlog it stops at keeps
   * the next phases from inheriting minutes of queued work.
   */
  stoppedAtS?: number;
}

/**
 * A true open-loop load: request i is sent at start + i/rate whatever happened to the earlier ones (no
 * connection waits for its previous answer to send the next), and its latency is measured from that
 * scheduled send time, so that queueing anywhere (client sockets, server, database) counts and coordinated
 * omission does not hide it. (autocannon's `overallRate` throttles per connection, which is closed-loop:
 * a slow answer delays the next send and the delay is not measured.) The first `warmupMs` are not recorded.
 */
export async function openLoop(
  url: string, headers: Record<string, string>, rate: number, durationMs: number, warmupMs = 2000, drainMs = 5000, maxBacklog = rate * 2,
): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let total = Math.round(((durationMs + warmupMs) / 1000) * rate);
  let stoppedAtS: number | undefined;
  const interval = 1000 / rate;
  const start = performance.now() + 50;
  let sent = 0;
  let settled = 0;
  const outstanding = new Map<number, number>();
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));

  const send = (index: number) => {
    const scheduled = start + index * interval;
    const record = scheduled - start >= warmupMs;
    if (record) outstanding.set(index, scheduled);
    const settle = (ok: boolean, status = 0) => {
      if (record && !outstanding.delete(index)) return; // already counted as unanswered
      if (record) {
        if (!ok) errors++;
        else if (status < 200 || status >= 300) non2xx++;
        else latencies.push(performance.now() - scheduled);
      }
      if (++settled === total) done();
    };
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'GET', headers, agent },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => settle(true, res.statusCode ?? 0));
        res.on('error', () => settle(false));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => settle(false));
    req.end();
  };

  const tick = () => {
    const now = performance.now();
    if (sent - settled > maxBacklog) { // hopelessly behind: stop here, what is outstanding is counted with its age
      stoppedAtS = round((now - start) / 1000, 1);
      total = sent;
      return;
    }
    while (sent < total && start + sent * interval <= now) send(sent++);
    if (sent < total) setTimeout(tick, 1);
  };
  setTimeout(tick, 50);
  // an overloaded server is not waited for: what is still unanswered shortly after the last send counts with its age
  await Promise.race([finished, new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (sent >= total) {
        clearInterval(check);
        setTimeout(resolve, drainMs);
      }
    }, 100);
  })]);
  const unanswered = outstanding.size;
  const at = performance.now();
  for (const scheduled of outstanding.values()) latencies.push(at - scheduled);
  outstanding.clear();
  const elapsed = (performance.now() - start - warmupMs) / 1000;
  agent.destroy();
  return {
    ...summarize(latencies), targetRate: rate, achievedRate: round((latencies.length - unanswered) / elapsed, 1), errors, non2xx, unanswered,
    ...(stoppedAtS === undefined ? {} : { stoppedAtS }),
  };
}
