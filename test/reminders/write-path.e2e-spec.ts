import { jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import { Clock } from '@zs/config';
import { escalationPlan, type RuleSettings, scanBounds } from '@zs/domain';
import { QueueName } from '@zs/queue';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { recordLevels, type PlannedLevel } from '../../libs/db/src/reminders/record-levels';
import { scanCauses } from '../../libs/db/src/reminders/causes';
import { subjectRanges } from '../../libs/db/src/reminders/subject-ranges';
import { upcomingTaskDueSlots } from '../../libs/db/src/reminders/in-app-delivery';
import { RemindersProcessor } from '../../apps/worker/src/reminders/reminders.processor';
import { makePark, makeProject, makeUser, type TestUser } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { backends, local, ReminderScanner, type ReminderWorld, startReminderWorld } from './reminder-world';

/**
 * The engine's write path at scale, on a real database: a chunk of levels is written in one set-based
 * statement that records nothing twice, a burst sharing one due time is read round by round without
 * skipping or repeating a cause, and a steady stream gets a precise timer in every slot of the horizon.
 */
describe('the reminder write path', () => {
  let t: TestApp;
  let officer: TestUser;
  let colleague: TestUser;
  let projectId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const park = await makePark(t);
    officer = await makeUser(t, 'officer', { parkId: park.id });
    colleague = await makeUser(t, 'officer', { parkId: park.id });
    projectId = (await makeProject(t, officer)).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  /** `count` levels of made-up task causes, each to the officer (in-app and email) and the colleague (in-app). */
  function levels(count: number): PlannedLevel[] {
    const dueAt = new Date('2026-09-29T02:00:00Z');
    return Array.from({ length: count }, () => {
      const subjectId = randomUUID();
      return {
        causeKey: `task_due:${subjectId}:${dueAt.toISOString()}`, rule: 'task_due', level: 0, subjectType: 'task', subjectId, projectId,
        dueAt, title: '跟进事项已到期：测试', body: '测试', link: null,
        deliveries: [
          { recipientId: officer.id, channel: 'in_app', notBefore: dueAt },
          { recipientId: officer.id, channel: 'email', notBefore: new Date('2026-09-29T09:00:00+08:00') },
          { recipientId: colleague.id, channel: 'in_app', notBefore: dueAt },
        ],
      };
    });
  }

  /** `count` open tasks of the project all due at `dueAt`, and the task_due rule's settings and scan bounds one second later. */
  async function burstDueAt(dueAt: string, count: number, title: string) {
    await t.db.query(
      `INSERT INTO tasks (project_id, title, due_at, assignee_id, created_by_id)
       SELECT $1, $4 || '-' || i, $2, $3, $3 FROM generate_series(1, $5::int) AS i`,
      [projectId, dueAt, officer.id, title, count],
    );
    const [settings]: RuleSettings[] = await t.db.query(
      `SELECT enabled, threshold, stage_thresholds AS "stageThresholds", escalation, channels FROM reminder_rules WHERE rule = 'task_due'`,
    );
    const bounds = scanBounds('task_due', settings, new Date(new Date(dueAt).getTime() + 1000), 'Asia/Shanghai')!;
    return { settings, bounds };
  }

  async function written(chunk: PlannedLevel[]): Promise<{ reminders: number; deliveries: number }> {
    const keys = chunk.map((l) => l.causeKey);
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM reminders WHERE cause_key = ANY($1)) AS reminders, (SELECT count(*)::int FROM deliveries WHERE cause_key = ANY($1)) AS deliveries`,
      [keys],
    );
    return row;
  }

  it('records a chunk once with its deliveries, and nothing when the same chunk is written again', async () => {
    const chunk = levels(300);
    const first = await recordLevels(t.db, chunk);
    expect(first.fired).toBe(300);
    expect(first.deliveries).toHaveLength(900);
    expect(new Set(first.deliveries.map((d) => d.id)).size).toBe(900);
    expect(first.deliveries.filter((d) => d.channel === 'in_app')).toHaveLength(600);

    const again = await recordLevels(t.db, chunk);
    expect(again).toEqual({ fired: 0, deliveries: [] });
    expect(await written(chunk)).toEqual({ reminders: 300, deliveries: 900 });
    const [row] = await t.db.query(
      `SELECT count(*) FILTER (WHERE d.reminder_id = r.id AND d.enqueued_at IS NOT NULL AND d.status = 'pending')::int AS linked
         FROM deliveries d JOIN reminders r ON r.cause_key = d.cause_key AND r.level = d.level WHERE d.cause_key = ANY($1)`,
      [chunk.map((l) => l.causeKey)],
    );
    expect(row.linked).toBe(900);
  });

  it('records a chunk written by two replicas at the same time once: one of them writes each level and its deliveries', async () => {
    const chunk = levels(500);
    // overlapping chunks, as two replicas' scans would produce them
    const results = await Promise.all([recordLevels(t.db, chunk), recordLevels(t.db, chunk.slice(100)), recordLevels(t.db, chunk)]);
    expect(results.reduce((n, r) => n + r.fired, 0)).toBe(500);
    const ids = results.flatMap((r) => r.deliveries.map((d) => d.id));
    expect(ids).toHaveLength(1500);
    expect(new Set(ids).size).toBe(1500);
    expect(await written(chunk)).toEqual({ reminders: 500, deliveries: 1500 });
  });

  it('reads a burst falling due at one instant round by round, each cause exactly once', async () => {
    const dueAt = '2026-10-20T09:00:00+08:00';
    const { settings, bounds } = await burstDueAt(dueAt, 57, 'burst');
    const seen: string[] = [];
    let after: { order: string; subjectId: string; causeKey: string } | undefined;
    for (let round = 0; round < 10; round++) {
      const causes = await scanCauses(t.db, 'task_due', bounds, escalationPlan(settings).map((p) => p.level), 10, { dueAfter: new Date('2026-10-20T08:59:59+08:00'), after });
      seen.push(...causes.map((c) => c.cause_key));
      if (causes.length < 10) break;
      const last = causes[causes.length - 1];
      after = { order: last.scan_order!, subjectId: last.subject_id, causeKey: last.cause_key };
    }
    expect(seen).toHaveLength(57);
    expect(new Set(seen).size).toBe(57);
  });

  it('reads a round of a burst in the open-tasks index\'s order and stops, instead of sorting every cause of the instant', async () => {
    const dueAt = '2026-10-22T09:00:00+08:00';
    const { settings, bounds } = await burstDueAt(dueAt, 300, 'ordered');
    const plans: { 'Node Type': string; 'Parent Relationship'?: string; Plans?: any[] }[] = [];
    const explain = { query: async (sql: string, params?: unknown[]) => { plans.push((await t.db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params))[0]['QUERY PLAN'][0].Plan); return []; } };
    const window = { dueAfter: new Date('2026-10-22T08:59:59+08:00') };
    await scanCauses(explain, 'task_due', bounds, escalationPlan(settings).map((p) => p.level), 10, window);
    await scanCauses(explain, 'task_due', bounds, escalationPlan(settings).map((p) => p.level), 10, { ...window, after: { order: dueAt, subjectId: randomUUID(), causeKey: '' } });
    // the sorts of the levels already fired (ARRAY subqueries) are not the scan's
    const sorts = (node: (typeof plans)[number]): string[] =>
      node['Parent Relationship'] === 'SubPlan' ? [] : [...(/Sort/.test(node['Node Type']) ? [node['Node Type']] : []), ...(node.Plans ?? []).flatMap(sorts)];
    expect(plans).toHaveLength(2);
    expect(plans.flatMap(sorts)).toEqual([]);
  });

  it('splits subject ids into ranges that hold every id exactly once, in PostgreSQL\'s uuid order', async () => {
    const ranges = subjectRanges(3);
    expect(ranges).toHaveLength(3);
    expect(ranges[0].from).toBeUndefined();
    expect(ranges[2].to).toBeUndefined();
    expect(subjectRanges(1)).toEqual([{}]);
    const ids = [...Array.from({ length: 500 }, () => randomUUID()), '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', ranges[1].from!, ranges[1].to!];
    const [row] = await t.db.query(
      `SELECT ${ranges.map((r, i) => `count(*) FILTER (WHERE ${r.from ? `id >= '${r.from}'::uuid` : 'TRUE'} AND ${r.to ? `id < '${r.to}'::uuid` : 'TRUE'})::int AS r${i}`).join(', ')}
         FROM unnest($1::uuid[]) AS id`,
      [ids],
    );
    expect(row.r0 + row.r1 + row.r2).toBe(ids.length);
    // the same split in JavaScript (lower-case hex text compares as PostgreSQL compares uuids)
    const inRange = (id: string) => ranges.filter((r) => (!r.from || id >= r.from) && (!r.to || id < r.to)).length;
    expect(ids.every((id) => inRange(id) === 1)).toBe(true);
  });

  it('reads a burst with three readers over subject ranges, round by round: each cause by exactly one reader, once', async () => {
    const dueAt = '2026-10-21T09:00:00+08:00';
    const { settings, bounds } = await burstDueAt(dueAt, 83, 'burst3');
    const levelList = escalationPlan(settings).map((p) => p.level);
    const readAll = async (subjects: { from?: string; to?: string }) => {
      const seen: string[] = [];
      let after: { order: string; subjectId: string; causeKey: string } | undefined;
      for (let round = 0; round < 20; round++) {
        const causes = await scanCauses(t.db, 'task_due', bounds, levelList, 7, { dueAfter: new Date('2026-10-21T08:59:59+08:00'), after, subjects });
        seen.push(...causes.map((c) => c.cause_key));
        if (causes.length < 7) break;
        const last = causes[causes.length - 1];
        after = { order: last.scan_order!, subjectId: last.subject_id, causeKey: last.cause_key };
      }
      return seen;
    };
    const perReader = await Promise.all(subjectRanges(3).map(readAll));
    const seen = perReader.flat();
    expect(perReader.every((keys) => keys.length > 0)).toBe(true);
    expect(seen).toHaveLength(83);
    expect(new Set(seen).size).toBe(83);
  });

  it('finds every timer slot of a steady stream within the horizon, however many tasks fall due in it', async () => {
    // 200 tasks a second for 20 s, each with its own due time: 80 slots of 250 ms
    const start = new Date('2026-11-02T10:00:00+08:00');
    await t.db.query(
      `INSERT INTO tasks (project_id, title, due_at, assignee_id, created_by_id)
       SELECT $1, 'steady-' || g, $2::timestamptz + make_interval(secs => (g + 1) / 200.0), $3, $3 FROM generate_series(0, 3999) AS g`,
      [projectId, start, officer.id],
    );
    const slots = (await upcomingTaskDueSlots(t.db, [0], start, new Date(start.getTime() + 20_000), 250)).map((s) => s.slot);
    expect(slots).toHaveLength(80);
    expect(slots[0]).toBe(start.getTime() + 250);
    expect(slots[79]).toBe(start.getTime() + 20_000);
  });
});

describe.each(backends())('precise timers on $name', (backend) => {
  let w: ReminderWorld;

  beforeAll(async () => {
    w = await startReminderWorld(backend);
  });

  afterAll(async () => {
    await w?.close();
  });

  it('are set for a slot that passed while the reconciliation was scanning (at once), instead of leaving it to the next run', async () => {
    const project = await makeProject(w.t, w.officer, { leaderId: w.leader.id });
    w.at('2026-09-29T10:00:00');
    const start = local('2026-09-29T10:00:00');
    // one task falls due 0.4 s after the run starts, one 10 s after
    await w.t.db.query(
      `INSERT INTO tasks (project_id, title, due_at, assignee_id, created_by_id) VALUES ($1, 'soon', $2, $3, $3), ($1, 'later', $4, $3, $3)`,
      [project.id, new Date(start.getTime() + 400), w.officer.id, new Date(start.getTime() + 10_000)],
    );
    const bullWorker = w.worker.get(RemindersProcessor).worker;
    const queue = w.worker.get<Queue>(getQueueToken(QueueName.Reminders));
    // the run starts at 10:00:00.000; by the time it sets its timers the clock reads 10:00:01 (the scans took a while)
    const clock = w.worker.get(Clock);
    let calls = 0;
    const spy = jest.spyOn(clock, 'now').mockImplementation(() => new Date(start.getTime() + (calls++ === 0 ? 0 : 1000)));
    await bullWorker.pause();
    try {
      await w.worker.get(ReminderScanner).reconcile();
      const soon = await queue.getJob(`reminders-timer-task_due-${start.getTime() + 500}`);
      const later = await queue.getJob(`reminders-timer-task_due-${start.getTime() + 10_000}`);
      expect(soon?.data).toMatchObject({ rules: ['task_due'], dueBefore: new Date(start.getTime() + 500).toISOString() });
      expect(soon?.opts.delay ?? 0).toBe(0);
      expect(later?.opts.delay).toBe(9000);
      await soon?.remove();
      await later?.remove();
    } finally {
      spy.mockRestore();
      bullWorker.resume();
    }
  });

  it('mark a slot holding more causes than one round as a burst, and a reconciliation leaves the rule to the timer reading it', async () => {
    const project = await makeProject(w.t, w.officer, { leaderId: w.leader.id });
    const start = new Date(Math.ceil(Date.now() / 1000) * 1000 + 60_000);
    await w.t.db.query(
      `INSERT INTO tasks (project_id, title, due_at, assignee_id, created_by_id) SELECT $1, 'burst-' || g, $2, $3, $3 FROM generate_series(1, 5001) AS g`,
      [project.id, new Date(start.getTime() + 5_000), w.officer.id],
    );
    const queue = w.worker.get<Queue>(getQueueToken(QueueName.Reminders));
    const bullWorker = w.worker.get(RemindersProcessor).worker;
    const clock = w.worker.get(Clock);
    const spy = jest.spyOn(clock, 'now').mockImplementation(() => new Date(start));
    await bullWorker.pause();
    try {
      await w.worker.get(ReminderScanner).reconcile();
      const timer = await queue.getJob(`reminders-timer-task_due-${start.getTime() + 5_000}`);
      expect(timer?.data).toMatchObject({ rules: ['task_due'], burst: true });
      await timer?.remove();

      // a timer reading that burst holds the lock (shared); the reconciliation after the instant leaves task_due to it
      const key = 0; // task_due's index in the scanner's TIMED_RULES
      const holder = w.t.db.createQueryRunner();
      await holder.connect();
      await holder.query(`SELECT pg_advisory_lock_shared($1, $2)`, [0x5a53_4254, key]);
      spy.mockImplementation(() => new Date(start.getTime() + 6_000));
      try {
        expect((await w.worker.get(ReminderScanner).reconcile()).fired).toBe(0);
      } finally {
        await holder.query(`SELECT pg_advisory_unlock_shared($1, $2)`, [0x5a53_4254, key]);
        await holder.release();
      }
      // once the timer is done, the next reconciliation scans the rule again (here: records what no timer did)
      expect((await w.worker.get(ReminderScanner).reconcile()).fired).toBe(5001);
    } finally {
      spy.mockRestore();
      bullWorker.resume();
    }
  });

  it('hold the rule for a burst timer that started while a reconciliation scanned it, from the moment that reconciliation lets go', async () => {
    const project = await makeProject(w.t, w.officer, { leaderId: w.leader.id });
    const instant = new Date(Math.ceil(Date.now() / 1000) * 1000 + 180_000);
    await w.t.db.query(
      `INSERT INTO tasks (project_id, title, due_at, assignee_id, created_by_id) SELECT $1, 'held-' || g, $2, $3, $3 FROM generate_series(1, 3) AS g`,
      [project.id, instant, w.officer.id],
    );
    const [lockKey, taskDue] = [0x5a53_4254, 0];
    const holders = [w.t.db.createQueryRunner(), w.t.db.createQueryRunner(), w.t.db.createQueryRunner()];
    const [reconciliation, writes, probe] = holders;
    for (const h of holders) await h.connect();
    const spy = jest.spyOn(w.worker.get(Clock), 'now').mockImplementation(() => new Date(instant.getTime() + 50));
    try {
      // a reconciliation is scanning task_due (it holds the lock exclusively); the timer's writes wait on a table lock
      await reconciliation.query(`SELECT pg_advisory_lock($1, $2)`, [lockKey, taskDue]);
      await writes.query(`BEGIN`);
      await writes.query(`LOCK TABLE reminders IN SHARE MODE`);
      const timer = w.worker.get(ReminderScanner).reconcile({ rules: ['task_due'], dueAfter: new Date(instant.getTime() - 350), dueBefore: instant, burst: true });
      const sharedHolders = async () =>
        (await probe.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND mode = 'ShareLock' AND granted`, [lockKey, taskDue]))[0].n;
      expect(await sharedHolders()).toBe(0);
      await reconciliation.query(`SELECT pg_advisory_unlock($1, $2)`, [lockKey, taskDue]);
      while ((await sharedHolders()) === 0) await new Promise((r) => setTimeout(r, 20));
      // the next reconciliation cannot take it: it would leave the burst to the timer
      const [{ locked }] = await probe.query(`SELECT pg_try_advisory_lock($1, $2) AS locked`, [lockKey, taskDue]);
      expect(locked).toBe(false);
      await writes.query(`COMMIT`);
      expect((await timer).fired).toBe(3);
      expect(await sharedHolders()).toBe(0);
    } finally {
      spy.mockRestore();
      await writes.query(`ROLLBACK`).catch(() => undefined);
      for (const h of holders) await h.release();
    }
  });

  it('read a burst slot with parallel readers that record and deliver each cause exactly once, even when two timers run it at once', async () => {
    const project = await makeProject(w.t, w.officer, { leaderId: w.leader.id });
    const instant = new Date(Math.ceil(Date.now() / 1000) * 1000 + 120_000);
    const count = 5003;
    await w.t.db.query(
      `INSERT INTO tasks (project_id, title, due_at, assignee_id, created_by_id) SELECT $1, 'readers-' || g, $2, $3, $3 FROM generate_series(1, $4::int) AS g`,
      [project.id, instant, w.officer.id, count],
    );
    const spy = jest.spyOn(w.worker.get(Clock), 'now').mockImplementation(() => new Date(instant.getTime() + 50));
    try {
      const timer = { rules: ['task_due'], dueAfter: new Date(instant.getTime() - 350), dueBefore: instant, burst: true };
      // two replicas' runs of the same burst timer at once: three readers each, the same causes
      const runs = await Promise.all([w.worker.get(ReminderScanner).reconcile(timer), w.worker.get(ReminderScanner).reconcile(timer)]);
      expect(runs[0].fired + runs[1].fired).toBe(count);
      await w.settle();
    } finally {
      spy.mockRestore();
    }
    const [row] = await w.t.db.query(
      `SELECT (SELECT count(*)::int FROM reminders r JOIN tasks t ON t.id = r.subject_id WHERE t.project_id = $1 AND r.rule = 'task_due') AS reminders,
              (SELECT count(DISTINCT r.cause_key)::int FROM reminders r JOIN tasks t ON t.id = r.subject_id WHERE t.project_id = $1 AND r.rule = 'task_due') AS causes,
              (SELECT count(*)::int FROM notifications n JOIN tasks t ON t.id = n.subject_id WHERE t.project_id = $1 AND n.rule = 'task_due') AS notifications,
              (SELECT count(DISTINCT n.subject_id)::int FROM notifications n JOIN tasks t ON t.id = n.subject_id WHERE t.project_id = $1 AND n.rule = 'task_due') AS notified`,
      [project.id],
    );
    expect(row).toEqual({ reminders: count, causes: count, notifications: count, notified: count });
  });
});
