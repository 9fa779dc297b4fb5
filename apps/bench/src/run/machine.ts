import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { Pool } from 'pg';

export interface Machine {
  cores: number;
  cpu: string;
  ramGb: number;
  node: string;
  postgres: string;
  redis: string;
  os: string;
}

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
  };
}
