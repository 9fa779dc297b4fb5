import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { QueueName } from '@zs/queue';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createWorkerApp } from '../../apps/worker/src/worker.factory';
import { ReminderScanner } from '../../apps/worker/src/reminders/reminder-scanner.service';
import { RemindersBoot } from '../../apps/worker/src/reminders/reminders-boot.service';
import { makePark, makeProject, makeUser, type TestUser } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { readTestRun } from '../support/test-env';
import { backends } from './reminder-world';

/**
 * Exactly once, whatever happens to the processes and to Redis: a worker killed with SIGKILL in the middle of
 * a batch, Redis flushed, two replicas at once. The killed worker is the BUILT worker (`node …/main.js`) in a
 * child process, built once for this file; the replicas run in-process. Real time: the data is already due.
 */
const run = readTestRun();
const ROOT = process.cwd(); // jest runs from the repository root
const BUILD = join(ROOT, '.data', `test-build-${run.runId}-${process.pid}`);
/** The flush test's own Redis database, so that it can be flushed without touching anything else (FLUSHDB, not FLUSHALL). */
const FLUSHED_DB = 5;
const TASKS = 800;

let built = false;
function buildWorkerOnce(): string {
  const main = join(BUILD, 'apps/worker/src/main.js');
  if (!built) {
    // type errors elsewhere in the tree do not stop tsc emitting; the worker must exist afterwards
    spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD, '--tsBuildInfoFile', join(BUILD, '.tsbuildinfo')], { cwd: ROOT, stdio: 'ignore' });
    spawnSync(process.execPath, [join(ROOT, 'node_modules/tsc-alias/dist/bin/index.js'), '-p', 'tsconfig.build.json', '--outDir', BUILD], { cwd: ROOT, stdio: 'ignore' });
    if (!existsSync(main)) throw new Error(`the worker build failed: ${main} is missing`);
    built = true;
  }
  return main;
}

function redisUrlFor(redisUrl: string, db: number): string {
  const url = new URL(redisUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

afterAll(() => rmSync(BUILD, { recursive: true, force: true }));

describe.each(backends())('reminders exactly once on $name', (backend) => {
  let t: TestApp;
  let officer: TestUser;
  let leader: TestUser;
  let manager: TestUser;
  let projectId: string;
  const children: ChildProcess[] = [];
  const prefix = `zs_rs_${run.runId}_${process.pid}`;
  const flushedRedisUrl = backend.redisUrl ? redisUrlFor(backend.redisUrl, FLUSHED_DB) : undefined;

  beforeAll(async () => {
    buildWorkerOnce();
    t = await createTestApp();
    const park = await makePark(t);
    officer = await makeUser(t, 'officer', { parkId: park.id });
    leader = await makeUser(t, 'leader', { parkId: park.id });
    manager = await makeUser(t, 'manager', { parkId: park.id });
    projectId = (await makeProject(t, officer, { leaderId: leader.id })).id;
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const url of [backend.redisUrl, flushedRedisUrl]) {
      if (!url) continue;
      const redis = new Redis(url);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    await t?.close();
  });

  /** The built worker as `npm run start:worker` runs it, on this test's database and queue. */
  function startWorker(redisUrl = backend.redisUrl): ChildProcess {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: process.env.ZS_DEBUG ? 'info' : 'silent', DEMO_DATA: 'false', JWT_SECRET: 'integration-test-secret-0123456789',
      DATABASE_URL: t.databaseUrl, QUEUE_PREFIX: prefix, ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    };
    const child = spawn(process.execPath, [buildWorkerOnce()], { cwd: ROOT, env, stdio: ['ignore', process.env.ZS_DEBUG ? 'inherit' : 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk) => process.env.ZS_DEBUG && process.stderr.write(chunk));
    children.push(child);
    return child;
  }

  async function kill(child: ChildProcess): Promise<void> {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** `count` tasks of the officer that fell due an hour ago, each with one cause (task_due). */
  async function dueTasks(count: number, label: string, dueAgo = '1 hour'): Promise<void> {
    await t.db.query(
      `INSERT INTO tasks (project_id, title, due_at, assignee_id, created_by_id)
       SELECT $1, $2 || '-' || i, now() - $5::interval - make_interval(secs => i), $3, $3 FROM generate_series(1, $4) AS i`,
      [projectId, label, officer.id, count, dueAgo],
    );
  }

  async function notificationsOf(label: string): Promise<number> {
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM notifications n JOIN tasks tk ON tk.id = n.subject_id WHERE tk.title LIKE $1 || '-%'`,
      [label],
    );
    return count;
  }

  /** No (cause, recipient, level) was ever notified twice, and every delivery of these tasks is settled. */
  async function expectExactlyOnce(label: string, expected: number): Promise<void> {
    const [row] = await t.db.query(
      `SELECT count(*)::int AS notifications, count(DISTINCT (d.cause_key, d.recipient_id, d.level))::int AS causes,
              count(*) FILTER (WHERE d.status <> 'sent')::int AS unsettled
         FROM notifications n JOIN deliveries d ON d.id = n.delivery_id JOIN tasks tk ON tk.id = n.subject_id
        WHERE tk.title LIKE $1 || '-%'`,
      [label],
    );
    expect(row).toEqual({ notifications: expected, causes: expected, unsettled: 0 });
    const [pending] = await t.db.query(
      `SELECT count(*)::int AS count FROM deliveries d JOIN tasks tk ON tk.id = d.subject_id WHERE tk.title LIKE $1 || '-%' AND d.status = 'pending'`,
      [label],
    );
    expect(pending.count).toBe(0);
  }

  it('delivers every due notification exactly once when the worker is killed (SIGKILL) mid-batch and started again', async () => {
    const label = `kill-${backend.name}`;
    await dueTasks(TASKS, label);
    const first = startWorker();
    const atKill = await waitFor('the first notifications', async () => {
      const n = await notificationsOf(label);
      return n > 0 ? n : null;
    }, 60_000, 5);
    await kill(first);
    const afterKill = await notificationsOf(label);
    expect(afterKill).toBeLessThan(TASKS); // it really died in the middle of the batch
    expect(afterKill).toBeGreaterThanOrEqual(atKill);

    startWorker();
    await waitFor('every notification', async () => (await notificationsOf(label)) === TASKS, 90_000, 200);
    await new Promise((r) => setTimeout(r, 1000)); // a late duplicate would show up now
    await expectExactlyOnce(label, TASKS);
  }, 180_000);

  if (backend.name === 'redis') {
    it('delivers everything still due exactly once after Redis was flushed', async () => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) await kill(child);
      const label = 'flush-redis';
      await dueTasks(TASKS, label);
      const first = startWorker(flushedRedisUrl);
      await waitFor('the first notifications', async () => (await notificationsOf(label)) > 0, 60_000, 5);
      await kill(first);
      expect(await notificationsOf(label)).toBeLessThan(TASKS);

      // every job, lock and scheduler is gone (a FLUSHALL of this test's own Redis database)
      const redis = new Redis(flushedRedisUrl!);
      await redis.flushdb();
      expect(await redis.dbsize()).toBe(0);
      redis.disconnect();

      startWorker(flushedRedisUrl);
      await waitFor('every notification', async () => (await notificationsOf(label)) === TASKS, 90_000, 200);
      await new Promise((r) => setTimeout(r, 1000));
      await expectExactlyOnce(label, TASKS);
    }, 180_000);
  }

  it('writes and delivers every level exactly once with two worker replicas reconciling at the same time', async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) await kill(child);
    const label = `replicas-${backend.name}`;
    // ten days overdue: the officer (task_due), the leading official and the manager (task_overdue) are all due
    await dueTasks(200, label, '10 days');
    if (backend.redisUrl) process.env.REDIS_URL = backend.redisUrl;
    else delete process.env.REDIS_URL;
    const replicas: INestApplicationContext[] = [];
    try {
      for (let i = 0; i < 2; i++) replicas.push(await createWorkerApp({ logger: false, queuePrefix: backend.redisUrl ? `${prefix}_replicas` : undefined }));
      const scanners = replicas.map((r) => r.get(ReminderScanner));
      await Promise.all([...scanners, ...scanners].map((s) => s.reconcile()));
      await waitFor('every notification', async () => (await notificationsOf(label)) === 600, 60_000, 100);
      await Promise.all(scanners.map((s) => s.reconcile()));
      await new Promise((r) => setTimeout(r, 500));
      await expectExactlyOnce(label, 600);
      const perUser = await t.db.query(
        `SELECT n.recipient_id, n.rule, n.level, count(*)::int AS count FROM notifications n JOIN tasks tk ON tk.id = n.subject_id
          WHERE tk.title LIKE $1 || '-%' GROUP BY 1, 2, 3 ORDER BY 3`,
        [label],
      );
      expect(perUser).toEqual([
        { recipient_id: officer.id, rule: 'task_due', level: 0, count: 200 },
        { recipient_id: leader.id, rule: 'task_overdue', level: 1, count: 200 },
        { recipient_id: manager.id, rule: 'task_overdue', level: 2, count: 200 },
      ]);
      const [dupes] = await t.db.query(`SELECT count(*)::int - count(DISTINCT (cause_key, level))::int AS extra FROM reminders`);
      expect(dupes.extra).toBe(0);

      // a scheduler Redis lost while the workers kept running is put back by their guard
      const boot = replicas[0].get(RemindersBoot);
      const queue = replicas[0].get<Queue>(getQueueToken(QueueName.Reminders));
      await queue.removeJobScheduler('reminders-reconcile');
      expect(await boot.ensureScheduler()).toBe(true);
      expect(await queue.getJobScheduler('reminders-reconcile')).toEqual(expect.objectContaining({ key: 'reminders-reconcile', every: 15_000 }));
      expect(await boot.ensureScheduler()).toBe(false);
    } finally {
      for (const replica of replicas) await replica.close();
      delete process.env.REDIS_URL;
    }
  }, 120_000);
});
