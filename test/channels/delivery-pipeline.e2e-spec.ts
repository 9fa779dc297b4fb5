import { jest } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@zs/config';
import { DeliveryRelay } from '../../apps/worker/src/reminders/delivery-relay.service';
import { ReminderScanner } from '../../apps/worker/src/reminders/reminder-scanner.service';
import { createWorkerApp } from '../../apps/worker/src/worker.factory';
import { makePark, makeProject, makeUser, type TestUser } from '../support/factories';
import { startSmtpServer, startWebhookReceiver, waitUntil, type LocalSmtp, type WebhookReceiver } from '../support/receivers';
import { createTestApp, type TestApp } from '../support/test-app';
import { readTestRun } from '../support/test-env';

/**
 * Reminders through the whole pipeline — the engine's scan writes the outbox, the relay queues Deliver jobs,
 * BullMQ runs them, the dispatcher sends — to a local SMTP server and webhook receiver, on both BullMQ backends:
 * office hours hold email and robots (not in-app), failed sends are retried with backoff, and a send that keeps
 * failing is recorded as failed.
 */
const run = readTestRun();
const backends: { name: 'postgres' | 'redis'; redisUrl?: string }[] = [
  { name: 'postgres' },
  ...(run.redisUrl ? [{ name: 'redis' as const, redisUrl: run.redisUrl }] : []),
];
const shanghai = (text: string) => new Date(`${text}+08:00`);

describe.each(backends)('reminders over email and robots on the $name backend', ({ name, redisUrl }) => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let smtp: LocalSmtp;
  let hooks: WebhookReceiver;
  let park: { id: string };
  let now = shanghai('2026-04-01T09:00:00');

  async function officerWith(channels: { email?: string; webhook?: { kind: string; path: string; secret?: string } }): Promise<TestUser> {
    const user = await makeUser(t, 'officer', { parkId: park.id, displayName: '周敏' });
    if (channels.email) await t.db.query(`UPDATE users SET email = $2 WHERE id = $1`, [user.id, channels.email]);
    if (channels.webhook) {
      await t.db.query(`INSERT INTO robot_webhooks (kind, url, secret, user_id) VALUES ($1, $2, $3, $4)`, [
        channels.webhook.kind, `${hooks.baseUrl}${channels.webhook.path}`, channels.webhook.secret ?? null, user.id,
      ]);
    }
    return user;
  }

  async function taskDue(owner: TestUser, title: string, dueAt: Date): Promise<{ id: string; projectName: string }> {
    const project = await makeProject(t, owner, { name: `${title}项目${name}` });
    const res = await t.request('POST', '/api/tasks', { token: owner.token, body: { projectId: project.id, title, dueAt: dueAt.toISOString(), assigneeId: owner.id } });
    expect(res.status).toBe(201);
    return { id: res.body.id, projectName: project.name };
  }

  const reconcile = () => worker.get(ReminderScanner).reconcile();
  const delivery = async (subjectId: string, channel: string) =>
    ((await t.db.query(`SELECT * FROM deliveries WHERE subject_id = $1 AND channel = $2 AND rule = 'task_due'`, [subjectId, channel])) as any[])[0];
  const waitForStatus = (subjectId: string, channel: string, status: string) =>
    waitUntil(async () => {
      const row = await delivery(subjectId, channel);
      return row?.status === status ? row : null;
    }, 20_000, `the ${channel} delivery ${status}`);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    hooks = await startWebhookReceiver();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://crm.example.gov.cn', ...(redisUrl ? { REDIS_URL: redisUrl } : {}) });
    worker = await createWorkerApp({ logger: false, queuePrefix: redisUrl ? `zs_ch_${run.runId}_${process.pid}` : undefined });
    for (const app of [t.app as unknown as INestApplicationContext, worker]) {
      jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
    }
    const relay = worker.get(DeliveryRelay);
    relay.jobOptions = { ...relay.jobOptions, backoff: { type: 'fixed', delay: 100 } };
    relay.staleAfterMs = 0;
    park = await makePark(t);
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await worker?.close();
    await t?.close();
    await smtp?.close();
    await hooks?.close();
    delete process.env.REDIS_URL;
  }, 60_000);

  it('shows a reminder due at 22:00 on the Friday before Qingming in-app at once, and emails it on Tuesday at 09:00', async () => {
    now = shanghai('2026-04-03T15:00:00');
    const officer = await officerWith({ email: `zhoumin.${name}@example.gov.cn`, webhook: { kind: 'wecom', path: `/night-${name}` } });
    const task = await taskDue(officer, '夜间回访', shanghai('2026-04-03T22:00:00'));

    now = shanghai('2026-04-03T22:00:01');
    await reconcile();
    await waitForStatus(task.id, 'in_app', 'sent');
    const notes = await t.request('GET', '/api/notifications?limit=200', { token: officer.token });
    expect(notes.body.items.filter((n: any) => n.subjectId === task.id)).toHaveLength(1);
    // email and robot wait for office hours: Tuesday 7 April 09:00 (4–6 April are Qingming days off)
    for (const channel of ['email', 'wecom']) {
      const held = await waitUntil(async () => {
        const row = await delivery(task.id, channel);
        return row?.not_before?.getTime() === shanghai('2026-04-07T09:00:00').getTime() ? row : null;
      }, 20_000, `the ${channel} delivery held until Tuesday 09:00`);
      expect(held.status).toBe('pending');
    }
    now = shanghai('2026-04-06T17:00:00'); // Monday, still a day off
    await reconcile();
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.filter((m) => m.to.includes(`zhoumin.${name}@example.gov.cn`))).toEqual([]);
    expect(hooks.on(`/night-${name}`)).toEqual([]);

    now = shanghai('2026-04-07T09:00:01');
    await reconcile();
    const sent = await waitForStatus(task.id, 'email', 'sent');
    expect(sent.sent_at).toEqual(shanghai('2026-04-07T09:00:01'));
    const mail = smtp.mails.find((m) => m.to.includes(`zhoumin.${name}@example.gov.cn`))!;
    // the text is the one written when it fell due, on Friday
    expect(mail.subject).toBe(`【招商CRM】跟进事项已到期：${task.projectName}`);
    expect(mail.text).toContain('夜间回访');
    expect(mail.text).toContain('https://crm.example.gov.cn/projects/');
    await waitForStatus(task.id, 'wecom', 'sent');
    expect(hooks.on(`/night-${name}`)).toHaveLength(1);
    expect(hooks.on(`/night-${name}`)[0].body.markdown.content).toContain('夜间回访');
  });

  it('retries a robot answering 500 twice, then delivers it exactly once', async () => {
    now = shanghai('2026-04-08T09:00:00');
    const path = `/flaky-${name}`;
    hooks.respond = (request, n) => (request.path === path && n < 2 ? { status: 500, body: { errcode: -1 } } : { status: 200, body: { errcode: 0, errmsg: 'ok' } });
    const officer = await officerWith({ webhook: { kind: 'dingtalk', path, secret: 'SECflaky0123456789' } });
    const task = await taskDue(officer, '重试回访', shanghai('2026-04-08T10:00:00'));
    now = shanghai('2026-04-08T10:00:01');
    await reconcile();
    const row = await waitForStatus(task.id, 'dingtalk', 'sent');
    expect(hooks.on(path).map((r) => r.status)).toEqual([500, 500, 200]);
    expect(row.attempts).toBe(3);
    expect(row.last_error).toBeNull();
    await reconcile();
    await new Promise((r) => setTimeout(r, 300));
    expect(hooks.on(path).filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('records a send that keeps failing as failed after the last attempt, with its error', async () => {
    now = shanghai('2026-04-08T09:00:00');
    const path = `/down-${name}`;
    hooks.respond = (request) => (request.path === path ? { status: 500, body: 'down' } : { status: 200, body: { errcode: 0 } });
    const officer = await officerWith({ webhook: { kind: 'feishu', path } });
    const task = await taskDue(officer, '失败回访', shanghai('2026-04-08T11:00:00'));
    now = shanghai('2026-04-08T11:00:01');
    await reconcile();
    const row = await waitForStatus(task.id, 'feishu', 'failed');
    expect(row.attempts).toBe(5);
    expect(row.last_error).toMatch(/HTTP 500/);
    expect(hooks.on(path)).toHaveLength(5);
    // the in-app notification was not held back by the failing robot
    expect((await delivery(task.id, 'in_app')).status).toBe('sent');
  });
});
