import * as argon2 from 'argon2';
import type { Client } from 'pg';
import { BENCH_PASSWORD } from './bench-users';
import { createIndexes, dropSecondaryIndexes } from './bulk-indexes';
import { companiesSql } from './sql/companies.sql';
import { derivedSql, USER_TRIGGERS_SQL } from './sql/derived.sql';
import { functionsSql } from './sql/functions.sql';
import { leadsSql, notificationsSql } from './sql/leads.sql';
import { peopleSql } from './sql/people.sql';
import { planSql } from './sql/plan.sql';
import { projectsSql, stageChangesSql } from './sql/projects.sql';
import { agreementsSql, blockersSql, fundsSql, milestonesSql } from './sql/records.sql';
import { tasksSql, visitsSql } from './sql/activity.sql';

export interface GenerateOptions {
  projects: number;
  /** The instant the data set is "generated at": every date is relative to it. Default: now. */
  now?: Date;
  /** Drop the bulk tables' secondary indexes during the load and build them after (for big sets). */
  dropIndexes?: boolean;
  log?: (line: string) => void;
}

export interface StepTiming {
  step: string;
  rows: number;
  seconds: number;
}

/** The steps in the order their foreign keys need; each is a few set-based statements. */
const STEPS: [name: string, sql: () => string[]][] = [
  ['parks and users', peopleSql],
  ['plan (staging)', planSql],
  ['companies and contacts', companiesSql],
  ['projects', projectsSql],
  ['project_stage_changes', stageChangesSql],
  ['tasks', tasksSql],
  ['visits', visitsSql],
  ['agreements', agreementsSql],
  ['milestones', milestonesSql],
  ['funds', fundsSql],
  ['blockers', blockersSql],
  ['leads', leadsSql],
  ['reminders, deliveries, notifications', notificationsSql],
];

/**
 * Generates a data set of `projects` projects into the connected (migrated) database, in one transaction
 * and in this session (the helper functions live in its temporary schema). The caller runs VACUUM / ANALYZE after.
 */
export async function generateDataSet(client: Client, options: GenerateOptions): Promise<StepTiming[]> {
  const log = options.log ?? (() => undefined);
  const timings: StepTiming[] = [];
  const timed = async (step: string, work: () => Promise<number>) => {
    const started = performance.now();
    const rows = await work();
    const seconds = (performance.now() - started) / 1000;
    timings.push({ step, rows, seconds });
    log(`${step.padEnd(40)} ${String(rows).padStart(11)} rows ${seconds.toFixed(1).padStart(8)} s`);
  };
  const run = async (statements: string[]) => {
    let rows = 0;
    for (const statement of statements) {
      const result = await client.query(statement);
      if (result.command === 'INSERT') rows += result.rowCount ?? 0;
    }
    return rows;
  };

  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET work_mem = '256MB'`);
  await client.query(`SET maintenance_work_mem = '1GB'`);
  await client.query(`SET max_parallel_maintenance_workers = 2`);
  await client.query(`SET jit = off`);
  const passwordHash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });
  await client.query('BEGIN');
  try {
    // foreign keys are right by construction: skip their per-row checks where we may (superuser)
    await client.query(`SAVEPOINT replica`);
    const replica = await client.query(`SET LOCAL session_replication_role = replica`).then(
      () => client.query(`RELEASE SAVEPOINT replica`).then(() => true),
      () => client.query(`ROLLBACK TO SAVEPOINT replica`).then(() => false),
    );
    const [root] = (await client.query(`SELECT id FROM parks WHERE parent_id IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT 1`)).rows;
    for (const statement of functionsSql()) await client.query(statement);
    await client.query(
      `SELECT set_config('bench.projects', $1, true), set_config('bench.now', $2, true), set_config('bench.password_hash', $3, true),
              set_config('bench.root_park', coalesce($4, pg_temp.bid('park', 0)::text), true)`,
      [String(options.projects), (options.now ?? new Date()).toISOString(), passwordHash, root?.id ?? null],
    );
    const dropped = options.dropIndexes ? await dropSecondaryIndexes(client) : [];
    for (const [name, sql] of STEPS) await timed(name, () => run(sql()));
    await client.query(`DROP TABLE bench_plan, bench_officers`);
    if (replica) {
      // triggers were skipped with the foreign-key checks: build what they derive, once
      const triggered = (await client.query(USER_TRIGGERS_SQL)).rows.map((row) => row.table);
      if (triggered.length) log(`triggers skipped during the load on: ${triggered.join(', ')}`);
      await client.query(`SET LOCAL session_replication_role = DEFAULT`);
      await timed('derived tables (trigger-maintained)', () => run(derivedSql()));
    }
    if (dropped.length) {
      const started = performance.now();
      const perTable = await createIndexes(client, dropped);
      for (const [table, seconds] of perTable) log(`  indexes of ${table.padEnd(30)} ${seconds.toFixed(1).padStart(8)} s`);
      timings.push({ step: 'secondary indexes', rows: dropped.length, seconds: (performance.now() - started) / 1000 });
      log(`${'secondary indexes'.padEnd(40)} ${String(dropped.length).padStart(11)} idx  ${((performance.now() - started) / 1000).toFixed(1).padStart(8)} s`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return timings;
}
