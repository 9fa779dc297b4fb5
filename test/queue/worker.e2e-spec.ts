import type { INestApplicationContext } from '@nestjs/common';
import { createPostgresBackend, Queue } from 'bullmq';
import { Client } from 'pg';
import { JobName, QUEUE_BACKEND_KIND, QueueName, redisConnectionOptions, SCHEDULES } from '@zs/queue';
import { createWorkerApp } from '../../apps/worker/src/worker.factory';
import type { HeartbeatResult } from '../../apps/worker/src/system/system.processor';
import { databaseUrl, readTestRun } from '../support/test-env';

/** The queue tests run on both BullMQ backends: PostgreSQL always, Redis when one answers (global-setup). */
const run = readTestRun();
const backends: { name: 'postgres' | 'redis'; redisUrl?: string }[] = [
  { name: 'postgres' },
  ...(run.redisUrl ? [{ name: 'redis' as const, redisUrl: run.redisUrl }] : []),
];

let counter = 0;

/** A database of this test's own, cloned from the run's migrated template (BullMQ's schema included). */
async function cloneDatabase(): Promise<string> {
  const name = `zs_test_${run.runId}_${process.pid}_worker_${++counter}`;
  const admin = new Client({ connectionString: run.serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${run.templateDb}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(run.serverUrl, name);
}

async function waitForResult(queue: Queue, id: string, timeoutMs = 20_000): Promise<{ state: string; value: unknown; reason?: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(id);
    const state = job ? await job.getState() : 'missing';
    if (job && (state === 'completed' || state === 'failed')) {
      // the job was read before its state: it may have finished in between, so read it again for its result
      const finished = await queue.getJob(id);
      return { state, value: finished?.returnvalue, reason: finished?.failedReason };
    }
    if (Date.now() > deadline) return { state, value: undefined };
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(backends)('the worker on the $name backend', ({ name, redisUrl }) => {
  const prefix = `zs_test_${run.runId}_${process.pid}`;
  let app: INestApplicationContext;
  let producer: Queue;

  beforeAll(async () => {
    const url = await cloneDatabase();
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: url,
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      JWT_SECRET: 'integration-test-secret-0123456789',
    });
    // QueueModule picks the backend from REDIS_URL when the worker module initialises
    if (redisUrl) process.env.REDIS_URL = redisUrl;
    else delete process.env.REDIS_URL;
    app = await createWorkerApp({ logger: false, queuePrefix: redisUrl ? prefix : undefined });
    producer = redisUrl
      ? new Queue(QueueName.System, { connection: redisConnectionOptions(redisUrl, 'producer'), prefix })
      : new Queue(QueueName.System, { connection: { connectionString: url, schema: 'bullmq' } } as never, createPostgresBackend as never);
    producer.on('error', () => undefined);
  });

  afterAll(async () => {
    await app?.close();
    if (name === 'redis') await producer?.obliterate({ force: true }).catch(() => undefined);
    await producer?.close();
    delete process.env.REDIS_URL;
  });

  it(`runs BullMQ on ${name}`, () => {
    expect(app.get(QUEUE_BACKEND_KIND)).toBe(name);
  });

  it('runs a heartbeat job added by a producer and completes it with the time and the worker pid', async () => {
    const job = await producer.add(JobName.Heartbeat, { scheduledBy: 'test' }, { jobId: `hb-${name}-${Date.now()}` });
    const result = await waitForResult(producer, job.id!);
    expect(result.state).toBe('completed');
    const value = result.value as HeartbeatResult;
    expect(value.pid).toBe(process.pid);
    expect(Math.abs(Date.parse(value.at) - Date.now())).toBeLessThan(60_000);
  });

  it('registers the recurring heartbeat under its stable scheduler key at boot', async () => {
    const scheduler = await producer.getJobScheduler('heartbeat');
    const wanted = SCHEDULES.find((s) => s.key === 'heartbeat')!;
    expect(scheduler).toEqual(expect.objectContaining({ key: 'heartbeat', name: JobName.Heartbeat, every: wanted.everyMs }));
  });

  it('upserts the schedulers again on a second boot without adding a duplicate', async () => {
    const second = await createWorkerApp({ logger: false, queuePrefix: redisUrl ? prefix : undefined });
    try {
      const keys = (await producer.getJobSchedulers()).map((s) => s.key);
      expect(keys).toEqual(['heartbeat']);
    } finally {
      await second.close();
    }
  });
});
