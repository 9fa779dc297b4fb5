import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import type { Pool } from 'pg';

export interface Machine {
  cores: number;
  cpu: string;
  ramGb: number;
  node: string;
  postgres: string;
  redis: string;
  os: string;
  /** 1-minute load average when the bench started (other work on the machine shows here). */
  loadAverage: number;
  /** The PostgreSQL settings that shape the figures most (memory, parallelism). */
  postgresSettings: Record<string, string>;
}

const POSTGRES_SETTINGS = ['shared_buffers', 'effective_cache_size', 'work_mem', 'max_parallel_workers_per_gather', 'random_page_cost'];

export async function describeMachine(pool: Pool, redisVersion: string): Promise<Machine> {
  let os: string = process.platform;
  try {
    os = execFileSync('uname', ['-sr']).toString().trim();
  } catch {
    /* keep the platform */
  }
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    ramGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: String((await pool.query('SHOW server_version')).rows[0].server_version),
    redis: redisVersion,
    os,
    loadAverage: Math.round(loadavg()[0] * 10) / 10,
    postgresSettings: Object.fromEntries(
      (await pool.query<{ name: string; setting: string }>(
        `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1) ORDER BY name`, [POSTGRES_SETTINGS],
      )).rows.map((row) => [row.name, row.setting]),
    ),
  };
}
