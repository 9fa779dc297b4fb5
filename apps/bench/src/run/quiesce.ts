import type { Pool } from 'pg';
import { sleep } from './child-process';

/** application_name of the API's and worker's pool (libs/db data-source-options) and of the floor's. */
const SERVER_APPLICATIONS = ['zhaoshang-crm', 'zs-bench-floor'];

/**
 * Waits until PostgreSQL runs none of the API's or the floor's queries, so that a phase never starts on work an
 * earlier (overloaded) phase left queued: idle in three polls in a row. After `timeoutMs` what is still
 * running is cancelled (pg_cancel_backend) and the wait goes on briefly. Returns the seconds waited.
 */
export async function quiesce(pool: Pool, log: (message: string) => void, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  let cancelled = false;
  while (quiet < 3) {
    const { rows } = await pool.query<{ active: number }>(
      `SELECT count(*)::int AS active FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() AND application_name = ANY($1)`,
      [SERVER_APPLICATIONS],
    );
    quiet = rows[0].active === 0 ? quiet + 1 : 0;
    if (!cancelled && Date.now() - started > timeoutMs) {
      const { rowCount } = await pool.query(
        `SELECT pg_cancel_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() AND application_name = ANY($1)`,
        [SERVER_APPLICATIONS],
      );
      log(`  still busy after ${timeoutMs / 1000} s: cancelled ${rowCount} running queries`);
      cancelled = true;
    }
    if (cancelled && Date.now() - started > timeoutMs + 30_000) break;
    await sleep(100);
  }
  const waited = (Date.now() - started) / 1000;
  if (waited > 1) log(`  waited ${waited.toFixed(1)} s for PostgreSQL to finish the previous phase's queries`);
  return waited;
}
