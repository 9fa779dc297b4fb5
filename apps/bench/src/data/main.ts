/**
 * `npm run bench:data -- --projects 1000000 [--force]`: a realistic data set for the benchmark, generated
 * straight into PostgreSQL with set-based SQL (see generate.ts and sql/). Target: BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/zs_bench), created with a UTF-8 ctype and migrated with the
 * app's own migrations. A database that already holds a set of that size is reused; `--force` regenerates.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { openDatabase } from '@zs/db';
import { BENCH_ADMIN, BENCH_PASSWORD, BUREAU_MANAGER } from './bench-users';
import { readMeta, writeMeta, type DataSetMeta } from './bench-meta';
import { checkNameColumns } from './check-names';
import { generateDataSet } from './generate';
import { parseOptions } from './options';

const log = (line: string) => console.log(`[bench:data] ${line}`);

async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    log(`dropping database ${name}`);
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function prepare(url: string): Promise<Client> {
  const started = performance.now();
  const dataSource = await openDatabase(url, { migrate: true });
  await dataSource.destroy();
  log(`database created if missing and migrated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const client = new Client({ connectionString: url, application_name: 'bench-data' });
  await client.connect();
  return client;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const safeUrl = options.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  if (options.force) await dropDatabase(options.url);
  let client = await prepare(options.url);
  const meta = await readMeta(client);
  if (meta?.status === 'ready' && meta.projects === options.projects) {
    log(`${safeUrl} already holds a data set of ${options.projects} projects (generated ${meta.generatedAt}, ${meta.databaseSize}); --force regenerates it`);
    await client.end();
    return;
  }
  const [{ count }] = (await client.query(`SELECT count(*)::int AS count FROM projects`)).rows;
  if (meta || count > 0) {
    if (!meta) throw new Error(`${safeUrl} holds ${count} projects that bench:data did not generate; use --force to drop it`);
    log(`the database holds ${meta.status === 'ready' ? `a set of ${meta.projects} projects` : 'an unfinished set'}: regenerating`);
    await client.end();
    await dropDatabase(options.url);
    client = await prepare(options.url);
    await readMeta(client);
  }

  const generatedAt = new Date();
  await writeMeta(client, { projects: options.projects, status: 'generating', generatedAt: generatedAt.toISOString() });
  log(`generating ${options.projects} projects into ${safeUrl}`);
  const started = performance.now();
  const timings = await generateDataSet(client, { projects: options.projects, now: generatedAt, dropIndexes: true, log });
  const problems = await checkNameColumns(client);
  if (problems.length) throw new Error(`name columns disagree with @zs/domain:\n${problems.slice(0, 20).join('\n')}`);
  // The load's later UPDATEs (next_follow_up_at from the tasks, the search columns) left the projects' newest rows
  // scattered over the heap; an installation that grew over years holds them roughly in creation order, which is
  // what the newest-first list walks read. CLUSTER restores that order (minutes at 1M, before the VACUUM).
  const clusterStarted = performance.now();
  await client.query(`CLUSTER projects USING "IDX_projects_created_at_id"`);
  const cluster = (performance.now() - clusterStarted) / 1000;
  timings.push({ step: 'CLUSTER projects', rows: 0, seconds: cluster });
  log(`${'CLUSTER projects (creation order)'.padEnd(40)} ${''.padStart(16)} ${cluster.toFixed(1).padStart(8)} s`);
  const vacuumStarted = performance.now();
  await client.query(`VACUUM (ANALYZE)`);
  const vacuum = (performance.now() - vacuumStarted) / 1000;
  timings.push({ step: 'VACUUM ANALYZE', rows: 0, seconds: vacuum });
  log(`${'VACUUM ANALYZE'.padEnd(40)} ${''.padStart(16)} ${vacuum.toFixed(1).padStart(8)} s`);
  const seconds = (performance.now() - started) / 1000;
  const [{ size }] = (await client.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`)).rows;
  const result: DataSetMeta = {
    projects: options.projects, status: 'ready', generatedAt: generatedAt.toISOString(), seconds: Math.round(seconds), timings, databaseSize: size,
    users: {
      password: BENCH_PASSWORD, officers: 'officer001 … officer200', leaders: 'leader01 … leader20',
      managers: `${BUREAU_MANAGER} (bureau), manager01 … manager10 (one park each)`, admin: `${BENCH_ADMIN} (if the database had none)`,
    },
  };
  await writeMeta(client, result);
  await client.end();
  log(`done: ${options.projects} projects in ${seconds.toFixed(0)} s; database size ${size}`);
  log(`accounts: officer001…officer200, leader01…leader20, manager, manager01…manager10, admin — password "${BENCH_PASSWORD}"`);
}

main().catch((error) => {
  console.error(`[bench:data] ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
