import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { Queue, createPostgresBackend } from 'bullmq';
import { isReachable, startEmbeddedPostgres } from '../../libs/db/src/embedded-postgres';
import { openDatabase } from '../../libs/db/src/prepare-database';
import { BULLMQ_PG_SCHEMA } from '../../libs/queue/src/queue-backend';
import { databaseUrl, runFile, TestRun } from './test-env';

declare global {
  // eslint-disable-next-line no-var
  var __ZS_EMBEDDED_PG__: { stop(): Promise<void> } | undefined;
}

/**
 * Starts what the suite needs, the way `npm start` does: the PostgreSQL of TEST_DATABASE_URL / DATABASE_URL,
 * else the one on 127.0.0.1:5432, else an embedded one; Redis from REDIS_URL or 127.0.0.1:6379 when it answers.
 * Then migrates a fresh template database for this run; each test file clones its own from it.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  process.env.ZS_TEST_RUN_KEY = runId;
  let serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (serverUrl) serverUrl = databaseUrl(serverUrl, 'postgres');
  else if (await isReachable('127.0.0.1', 5432)) serverUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
  else {
    const embedded = await startEmbeddedPostgres({ dataDir: `.data/test-postgres-${runId}`, persistent: false });
    globalThis.__ZS_EMBEDDED_PG__ = embedded;
    serverUrl = embedded.url;
    console.log(`[test] no PostgreSQL found: started an embedded one (${serverUrl})`);
  }
  const templateDb = `zs_test_${runId}_tpl`;
  const dataSource = await openDatabase(databaseUrl(serverUrl, templateDb), { migrate: true });
  await dataSource.destroy();
  // BullMQ's own schema, so that each cloned database has it ready
  const queue = new Queue('setup', { connection: { connectionString: databaseUrl(serverUrl, templateDb), schema: BULLMQ_PG_SCHEMA, migrate: true } as never }, createPostgresBackend as never);
  await queue.waitUntilReady();
  await queue.close();

  const redis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisUrl = (await isReachable(new URL(redis).hostname, Number(new URL(redis).port || 6379))) ? redis : null;
  if (!redisUrl) console.warn('[test] no Redis answers: queue tests run on the PostgreSQL backend only');

  const run: TestRun = { runId, serverUrl, templateDb, redisUrl };
  writeFileSync(runFile(), JSON.stringify(run));
}

export async function dropRunDatabases(serverUrl: string, runId: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`zs_test_${runId}_%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
