import { jest } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@zs/config';
import { createWorkerApp } from '../../apps/worker/src/worker.factory';
import { ChannelDispatcher } from '../../apps/worker/src/channels/channel-dispatcher';
import { DeliveryRelay } from '../../apps/worker/src/reminders/delivery-relay.service';
import { type ReconcileResult, ReminderScanner } from '../../apps/worker/src/reminders/reminder-scanner.service';
import { makePark, makeUser, type TestUser } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { readTestRun } from '../support/test-env';

/** The BullMQ backends the engine's tests run on: PostgreSQL always, Redis when one answers (global-setup). */
export function backends(): { name: 'postgres' | 'redis'; redisUrl?: string }[] {
  const run = readTestRun();
  return [{ name: 'postgres' }, ...(run.redisUrl ? [{ name: 'redis' as const, redisUrl: run.redisUrl }] : [])];
}

let prefixes = 0;

/**
 * The API and an in-process worker on one fresh database, with one clock for both that the test sets
 * (`at(…)`), and the people of a park: an officer, a leading official, the park's manager, a manager of the
 * bureau above it (whose subtree contains the park) and a manager of a sibling park (who must hear nothing).
 */
export interface ReminderWorld {
  t: TestApp;
  worker: INestApplicationContext;
  park: { id: string };
  officer: TestUser;
  leader: TestUser;
  manager: TestUser;
  bureauManager: TestUser;
  siblingManager: TestUser;
  /** Sets "now" for the API and the worker (`2026-09-29T10:00:00` is read in Asia/Shanghai). */
  at(local: string): Date;
  /** Runs the reconciliation now and waits until the in-app deliveries it wrote are delivered. */
  reconcile(): Promise<ReconcileResult>;
  /** Waits until no in-app delivery is pending. */
  settle(): Promise<void>;
  /** The user's notifications through the API, newest first. */
  notifications(user: TestUser): Promise<any[]>;
  close(): Promise<void>;
}

export const local = (text: string) => new Date(/[+Z]/.test(text.slice(10)) ? text : `${text}+08:00`);

export async function startReminderWorld(backend: { name: string; redisUrl?: string }): Promise<ReminderWorld> {
  const run = readTestRun();
  const t = await createTestApp(backend.redisUrl ? { REDIS_URL: backend.redisUrl } : {});
  const worker = await createWorkerApp({ logger: false, queuePrefix: backend.redisUrl ? `zs_rem_${run.runId}_${process.pid}_${++prefixes}` : undefined });
  let now = new Date('2026-09-01T09:00:00+08:00');
  for (const app of [t.app as unknown as INestApplicationContext, worker]) jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));

  const bureau = await makePark(t);
  const park = await makePark(t, undefined, bureau.id);
  const sibling = await makePark(t, undefined, bureau.id);
  const [officer, leader, manager, bureauManager, siblingManager] = [
    await makeUser(t, 'officer', { parkId: park.id, displayName: '王专员' }),
    await makeUser(t, 'leader', { parkId: park.id, displayName: '李领导' }),
    await makeUser(t, 'manager', { parkId: park.id, displayName: '赵局长' }),
    await makeUser(t, 'manager', { parkId: bureau.id, displayName: '钱主任' }),
    await makeUser(t, 'manager', { parkId: sibling.id, displayName: '孙局长' }),
  ];

  const settle = async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [{ pending }] = await t.db.query(`SELECT count(*)::int AS pending FROM deliveries WHERE status = 'pending' AND channel = 'in_app'`);
      if (pending === 0) return;
      if (Date.now() > deadline) throw new Error(`${pending} in-app deliveries still pending after 30 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  return {
    t, worker, park, officer, leader, manager, bureauManager, siblingManager,
    at: (text) => (now = local(text)),
    reconcile: async () => {
      const result = await worker.get(ReminderScanner).reconcile();
      await settle();
      return result;
    },
    settle,
    notifications: async (user) => {
      const res = await t.request('GET', '/api/notifications?limit=200', { token: user.token });
      if (res.status !== 200) throw new Error(`notifications: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.items;
    },
    close: async () => {
      jest.restoreAllMocks();
      await worker.close();
      await t.close();
    },
  };
}

export { ChannelDispatcher, DeliveryRelay, ReminderScanner };
