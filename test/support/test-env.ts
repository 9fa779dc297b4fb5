import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** What global-setup prepared for this run, shared with every test file through a small JSON file. */
export interface TestRun {
  runId: string;
  /** postgres://… of the server's maintenance database. */
  serverUrl: string;
  /** The migrated template every test file clones its own database from. */
  templateDb: string;
  /** redis://… when a Redis answers; queue tests run on it as well as on PostgreSQL. */
  redisUrl: string | null;
  embeddedPid?: number;
}

export const runFile = () => join(tmpdir(), `zhaoshang-test-run-${process.env.ZS_TEST_RUN_KEY ?? 'default'}.json`);

export function readTestRun(): TestRun {
  return JSON.parse(readFileSync(runFile(), 'utf8')) as TestRun;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
