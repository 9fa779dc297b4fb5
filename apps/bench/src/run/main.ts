/**
 * `npm run bench`: boots the production build (API and worker, as child processes) against the data set in
 * BENCH_DATABASE_URL (default zs_bench, filled by `npm run bench:data`), measures every figure of issue 7
 * side by side with its floor (the same SQL through `pg` behind a bare Fastify server, same load, same
 * machine), and writes bench/results.json and bench/RESULTS.md.
 */
import 'reflect-metadata';
import { maskedUrl } from '@zs/config';
import { freePort } from '@zs/db';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { ApiClient, listCursor } from './api-client';
import { BENCH_USERNAME, ensureBenchUser, profileData } from './bench-data';
import { readOptions } from './bench-options';
import { BenchChild, sleep } from './child-process';
import { measureExport } from './export-scenario';
import { captureRoutes, loadCases, measureHello, measureLoad, measureSequential, sequentialCases } from './http-scenarios';
import { describeMachine } from './machine';
import { quiesce } from './quiesce';
import { isolateTaskDueRule, reminderBurst, reminderSteady, removeBenchReminders } from './reminder-scenario';
import { type BenchResults, writeResults } from './report';

const DIST = resolve(__dirname, '../../../..');
const QUEUE_PREFIX = 'zsbench';
const log = (message: string) => console.log(`[bench] ${message}`);
const failures: string[] = [];

/** Runs one measurement; a failure is reported in the results and the bench goes on with the next one. */
async function attempt(what: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[bench] ${what} failed: ${message}`);
    failures.push(`${what} (${message.slice(0, 200)})`);
  }
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env);
  const startedAt = new Date();
  const outDir = resolve(options.outDir);
  const workDir = join(outDir, '.run');
  mkdirSync(workDir, { recursive: true });
  const pool = new Pool({ connectionString: options.databaseUrl, max: 4, application_name: 'zs-bench' });
  const projects = await pool.query(`SELECT count(*)::int AS n FROM projects`).then((r) => r.rows[0].n as number, () => 0);
  if (!projects) {
    console.error(`[bench] ${maskedUrl(options.databaseUrl)} holds no projects: run \`npm run bench:data -- --projects 100000\` first (or set BENCH_DATABASE_URL)`);
    process.exit(1);
  }
  const meta = await pool.query(`SELECT value FROM bench_meta WHERE key = 'dataset'`).then((r) => r.rows[0]?.value as Record<string, unknown> | undefined, () => undefined);
  if (meta?.status === 'generating') {
    console.error(`[bench] ${maskedUrl(options.databaseUrl)} is being generated (bench_meta says status "generating"): wait for npm run bench:data to finish`);
    process.exit(1);
  }
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  await clearQueuePrefix(redis);

  const password = randomBytes(12).toString('hex');
  await ensureBenchUser(pool, password);
  await removeBenchReminders(pool);
  const rules = await isolateTaskDueRule(pool);
  log(`data set: ${projects} projects; task_due reminders of the ${rules.premarked} tasks already due recorded as fired; other rules off during the bench`);

  const children: BenchChild[] = [];
  const cleanup = async () => {
    for (const c of children.reverse()) await c.stop().catch(() => undefined);
    await rules.restore().catch(() => undefined);
    await removeBenchReminders(pool).catch(() => undefined);
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  const port = await freePort();
  const captureFile = join(workDir, 'sql-capture.json');
  const childEnv = (redisUrl: string | undefined): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    ...(redisUrl ? { REDIS_URL: redisUrl, QUEUE_PREFIX } : {}),
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_DATA: 'false',
    JWT_SECRET: randomBytes(24).toString('hex'),
    ADMIN_USERNAME: 'bench-admin',
    ADMIN_PASSWORD: password,
    LOG_LEVEL: options.logLevel,
    BENCH_SQL_CAPTURE: captureFile,
  });
  const env = childEnv(options.redisUrl);
  const results: BenchResults = {
    startedAt: startedAt.toISOString(), finishedAt: '', durationS: 0,
    machine: await describeMachine(pool, redisVersion),
    data: undefined as never,
    settings: { ...options, databaseUrl: maskedUrl(options.databaseUrl), logLevel: options.logLevel },
    load: [], sequential: [], reminders: {},
    notes: [],
  };
  try {
    log(`starting the API (port ${port}) and the worker (BullMQ on Redis, prefix ${QUEUE_PREFIX})…`);
    const api = new BenchChild('api', ['--require', join(__dirname, 'sql-capture.js'), join(DIST, 'apps/api/src/main.js')], env, join(workDir, 'api.log'));
    children.push(api);
    const base = `http://127.0.0.1:${port}`;
    await api.waitForHttp(`${base}/api/docs-json`, 900_000); // pending migrations run first (minutes at 1M projects)
    // --cpu-prof: the worker writes a V8 CPU profile (bench/.run/prof) when it stops, for chrome://inspect or speedscope
    const workerArgs = (script: string) => [...(options.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', join(workDir, 'prof')] : []), script];
    let worker = new BenchChild('worker', workerArgs(join(DIST, 'apps/worker/src/main.js')), env, join(workDir, 'worker.log'));
    children.push(worker);
    await worker.waitForReady(120_000);
    const client = new ApiClient(base);
    await client.login(BENCH_USERNAME, password);

    log('reading the data set…');
    results.data = await profileData(pool, listCursor);
    if (meta) results.dataSet = { generatedAt: meta.generatedAt, seconds: meta.seconds, databaseSize: meta.databaseSize, projects: meta.projects };
    log(`  ${JSON.stringify({ ...results.data, projectIds: results.data.projectIds.length })}`);

    if (!options.skip.includes('http')) await attempt('the HTTP measurements', async () => {
      const load = loadCases(results.data);
      const seq = sequentialCases(results.data);
      log('capturing the SQL of each measured request…');
      const routes = await captureRoutes(api, client, captureFile, load, seq);
      const routesFile = join(workDir, 'floor-routes.json');
      writeFileSync(routesFile, JSON.stringify(routes));
      const floorPort = await freePort();
      const floor = new BenchChild('floor', [join(__dirname, 'floor-server.js'), String(floorPort), routesFile], { PATH: process.env.PATH, DATABASE_URL: options.databaseUrl }, join(workDir, 'floor.log'));
      children.push(floor);
      await floor.waitForReady(30_000);
      const floorBase = `http://127.0.0.1:${floorPort}`;
      const settle = () => quiesce(pool, log);
      const loadOptions = { rate: options.rate, openLoopS: options.openLoopS, connections: options.connections, saturationS: options.saturationS, settle };
      log('floor: bare Fastify hello-world…');
      results.hello = await measureHello(floorBase, loadOptions);
      log(`  hello: ${results.hello.saturation.rps} req/s, p95 ${results.hello.openLoop.p95} ms at ${options.rate}/s`);
      for (const c of load) {
        log(`loaded: ${c.label}`);
        await attempt(c.key, async () => results.load.push(await measureLoad(c, base, floorBase, client.headers, routes[c.key].length, loadOptions, log)));
      }
      for (const c of seq) {
        log(`sequential: ${c.label}`);
        await attempt(c.key, async () => results.sequential.push(await measureSequential(c, client, floorBase, options.samples, settle, log)));
      }
      await floor.stop();
    });

    if (!options.skip.includes('export')) {
      log(`export: ${results.data.exportRows} rows (${results.data.exportQuery || 'no filter'})…`);
      await attempt('export', async () => (results.export = await measureExport(api, client, results.data.exportQuery, results.data.exportRows)));
      if (results.export) log(`  ${results.export.seconds} s, peak RSS ${results.export.peakRssMb} MB (${results.export.peakMeasuredBy}), ${results.export.bytes} bytes, status ${results.export.status}`);
    }

    if (!options.skip.includes('reminders')) {
      for (const backend of options.backends) {
        if (backend !== 'redis') {
          await worker.stop();
          worker = new BenchChild('worker', workerArgs(join(DIST, 'apps/worker/src/main.js')), childEnv(undefined), join(workDir, `worker-${backend}.log`));
          children.push(worker);
          await worker.waitForReady(120_000);
        }
        log(`reminders on the ${backend} backend: ${options.burst} due at once…`);
        await sleep(3000);
        const figures: BenchResults['reminders'][string] = {};
        results.reminders[backend] = figures;
        await attempt(`${backend} burst`, async () => (figures.burst = await reminderBurst(pool, `${backend}-burst`, options.burst, 300_000, log)));
        log(`  ${JSON.stringify(figures.burst)}`);
        log(`reminders on the ${backend} backend: steady ${options.steadyRate}/s for ${options.steadyS} s…`);
        await removeBenchReminders(pool);
        await attempt(`${backend} steady`, async () => (figures.steady = await reminderSteady(pool, `${backend}-steady`, options.steadyRate, options.steadyS, log)));
        log(`  ${JSON.stringify(figures.steady)}`);
        await removeBenchReminders(pool);
      }
    }
  } finally {
    await cleanup();
    await redis.quit().catch(() => undefined);
  }
  const finishedAt = new Date();
  results.finishedAt = finishedAt.toISOString();
  results.durationS = Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000);
  results.notes = [...methodNotes(results), ...failures.map((f) => `Not measured: ${f}.`)];
  writeResults(outDir, results);
  await pool.end();
  log(`wrote ${join(outDir, 'results.json')} and ${join(outDir, 'RESULTS.md')}`);
}

function methodNotes(r: BenchResults): string[] {
  const s = r.settings;
  return [
    `The API (\`dist/apps/api/src/main.js\`) and the worker (\`dist/apps/worker/src/main.js\`) run as child processes of the bench with NODE_ENV=production, DEMO_DATA=false, LOG_LEVEL=${s.logLevel} (request logging off unless LOG_LEVEL=info: \`--log-level info\`), BullMQ on Redis under the key prefix \`${QUEUE_PREFIX}\`.`,
    `Floor: for each measured request, the SQL the API really sent was captured in the API process (a \`--require\`d hook on \`pg\`'s \`Client.query\`, switched on for one request by SIGWINCH, a signal Nest does not treat as shutdown: text and parameter values), then replayed statement by statement through \`pg\` (a pool of 20, as the API's) behind a bare Fastify route, under the same load. The floor therefore includes the API's own auth/scope queries; the ratio is the cost of Nest, TypeORM, validation and serialisation.`,
    `Open loop: requests still unanswered 5 s after the last send are counted in the percentiles with their age at that moment (a lower bound; an API that cannot keep up shows it), not waited for. A server more than 2 s of requests behind stops the sending early (marked "overloaded").`,
    `Phases are isolated: before every measured run the bench waits until PostgreSQL runs none of the API's or the floor's queries (pg_stat_activity), so that no run inherits the backlog of the one before.`,
    `Open loop: a bench-made scheduler sends request i at start + i/${s.rate} s over keep-alive sockets whatever the earlier answers did, and measures each latency from that scheduled time (no coordinated omission; autocannon's \`overallRate\` is per-connection closed-loop, so it is not used for these figures). ${s.openLoopS} s recorded after 2 s of warm-up.`,
    `Saturation: autocannon, ${s.connections} connections, ${s.saturationS} s after a 2 s warm-up; figure = 2xx answers per second.`,
    `Page views, funnel, KPIs, dispatch: one after another (a project page = the project, then its 7 lists together, as the web UI loads them), ${s.samples} samples after 2 warm-ups (fewer when a figure takes long), floor the same way.`,
    `Reminders: only the task_due rule is on during the bench (the other rules' backlog in a generated data set would flood the worker); the data set's tasks already due have their task_due reminder recorded as fired beforehand, as in a running installation. ${s.burst} open tasks are created ahead in one INSERT, all due at the same instant 45 s after the insert starts (as a day's follow-ups are set in advance: within the worker's timer horizon once committed), and the real worker finds and delivers them; figures from the database: tasks.due_at → notifications.created_at. Steady state: ${s.steadyRate} tasks/s falling due for ${s.steadyS} s (created ahead). The bench's tasks, reminders, deliveries and notifications are deleted afterwards.`,
    `Export: the API process's peak RSS is its VmHWM (/proc/<pid>/status) after resetting it (clear_refs 5) just before the download; the file is read to its end by the bench.`,
  ];
}

async function clearQueuePrefix(redis: Redis): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}


main().catch((error) => {
  console.error('[bench] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
