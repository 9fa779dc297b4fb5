import { jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@zs/config';
import { buildDispatchList } from '@zs/db';
import { QueueName } from '@zs/queue';
import type { Queue } from 'bullmq';
import { DigestsService } from '../../apps/worker/src/digests/digests.service';
import { DeliveryRelay } from '../../apps/worker/src/reminders/delivery-relay.service';
import { createWorkerApp } from '../../apps/worker/src/worker.factory';
import { makePark, makeProject, makeUser, type TestUser } from '../support/factories';
import { startSmtpServer, startWebhookReceiver, waitUntil, type LocalSmtp, type WebhookReceiver } from '../support/receivers';
import { createTestApp, type TestApp } from '../support/test-app';
import { readTestRun } from '../support/test-env';

/**
 * The morning digest (每日待办) and the weekly dispatch list (每周调度), decided once per recipient and period
 * in PostgreSQL and sent through the deliveries outbox, on both BullMQ backends. April 2026: Qingming is
 * Saturday 4 – Monday 6 April, so Tuesday 7 April is the week's first working day.
 */
const run = readTestRun();
const backends: { name: 'postgres' | 'redis'; redisUrl?: string }[] = [
  { name: 'postgres' },
  ...(run.redisUrl ? [{ name: 'redis' as const, redisUrl: run.redisUrl }] : []),
];
const shanghai = (text: string) => new Date(`${text}+08:00`);

describe.each(backends)('digests on the $name backend', ({ name, redisUrl }) => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let digests: DigestsService;
  let smtp: LocalSmtp;
  let hooks: WebhookReceiver;
  let now = shanghai('2026-04-01T09:00:00');
  let park: { id: string };
  let officer: TestUser;
  let idle: TestUser;
  let leader: TestUser;
  let manager: TestUser;
  let otherManager: TestUser;
  let lithium: { id: string; code: string; name: string };
  let textile: { id: string; code: string; name: string };
  const email = (who: string) => `${who}.${name}@example.gov.cn`;

  async function post(path: string, token: string, body: Record<string, unknown>): Promise<any> {
    const res = await t.request('POST', path, { token, body });
    if (res.status !== 201 && res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const deliveriesOf = (causeKey: string): Promise<{ channel: string; status: string }[]> =>
    t.db.query(`SELECT channel, status FROM deliveries WHERE cause_key = $1 ORDER BY channel`, [causeKey]);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    hooks = await startWebhookReceiver();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://crm.example.gov.cn', ...(redisUrl ? { REDIS_URL: redisUrl } : {}) });
    worker = await createWorkerApp({ logger: false, queuePrefix: redisUrl ? `zs_dg_${run.runId}_${process.pid}` : undefined });
    for (const app of [t.app as unknown as INestApplicationContext, worker]) {
      jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
    }
    worker.get(DeliveryRelay).jobOptions = { ...worker.get(DeliveryRelay).jobOptions, backoff: { type: 'fixed', delay: 100 } };
    digests = worker.get(DigestsService);

    park = await makePark(t);
    const otherPark = await makePark(t);
    officer = await makeUser(t, 'officer', { parkId: park.id, displayName: '张伟' });
    idle = await makeUser(t, 'officer', { parkId: park.id, displayName: '闲人' });
    leader = await makeUser(t, 'leader', { parkId: park.id, displayName: '李强' });
    manager = await makeUser(t, 'manager', { parkId: park.id, displayName: '赵局长' });
    otherManager = await makeUser(t, 'manager', { parkId: otherPark.id, displayName: '孙局长' });
    for (const [user, who] of [[officer, 'zhangwei'], [manager, 'zhao'], [otherManager, 'sun'], [idle, 'idle']] as const) {
      await t.db.query(`UPDATE users SET email = $2 WHERE id = $1`, [user.id, email(who)]);
    }
    await t.db.query(`INSERT INTO robot_webhooks (kind, url, user_id) VALUES ('wecom', $1, $2)`, [`${hooks.baseUrl}/own-${name}`, officer.id]);
    await t.db.query(`INSERT INTO robot_webhooks (kind, url, park_id) VALUES ('wecom', $1, $2)`, [`${hooks.baseUrl}/team-${name}`, park.id]);

    // 天齐锂业 (leader 李强): a task overdue since Friday, a task due today 16:00, the EIA overdue since 1 April,
    // a task done and a task deleted (neither counts)
    lithium = await makeProject(t, officer, { name: `天齐锂业氯化锂项目${name}`, leaderId: leader.id });
    await post('/api/tasks', officer.token, { projectId: lithium.id, title: '回访投资方', dueAt: shanghai('2026-04-03T15:00:00').toISOString(), assigneeId: officer.id });
    await post('/api/tasks', officer.token, { projectId: lithium.id, title: '约谈董事长', dueAt: shanghai('2026-04-07T16:00:00').toISOString(), assigneeId: officer.id });
    const done = await post('/api/tasks', officer.token, { projectId: lithium.id, title: '已完成事项', dueAt: shanghai('2026-04-02T10:00:00').toISOString(), assigneeId: officer.id });
    await post(`/api/tasks/${done.id}/done`, officer.token, {});
    const gone = await post('/api/tasks', officer.token, { projectId: lithium.id, title: '已删除事项', dueAt: shanghai('2026-04-02T10:00:00').toISOString(), assigneeId: officer.id });
    expect((await t.request('DELETE', `/api/tasks/${gone.id}`, { token: officer.token })).status).toBe(204);
    await t.db.query(`UPDATE milestones SET due_on = '2026-04-01', status = 'in_progress' WHERE project_id = $1 AND key = 'eia'`, [lithium.id]);
    await t.db.query(`UPDATE milestones SET due_on = '2026-03-01', status = 'done' WHERE project_id = $1 AND key = 'energy_assessment'`, [lithium.id]);

    // 纺织 (no leader): a blocker due today; construction committed for 1 March (revised from 1 February) and not started
    textile = await makeProject(t, officer, { name: `纺织项目${name}` });
    await post(`/api/projects/${textile.id}/blockers`, officer.token, { category: 'power', description: '电力配套不到位', ownerId: officer.id, dueOn: '2026-04-07' });
    await post(`/api/projects/${textile.id}/agreements`, officer.token, { kind: 'investment', signedOn: '2026-01-05', amount: 5000, committedStartOn: '2026-02-01' });
    await post(`/api/projects/${textile.id}/agreements`, officer.token, { kind: 'supplementary', signedOn: '2026-01-20', amount: 0, committedStartOn: '2026-03-01', committedLandOn: '2026-01-31' });
    await t.db.query(`UPDATE projects SET land_delivered_on = '2026-02-10' WHERE id = $1`, [textile.id]);

    // a dropped project's overdue task is nobody's business
    const dropped = await makeProject(t, officer, { name: `终止项目${name}` });
    await post('/api/tasks', officer.token, { projectId: dropped.id, title: '不再跟进', dueAt: shanghai('2026-04-02T10:00:00').toISOString(), assigneeId: officer.id });
    await post(`/api/projects/${dropped.id}/transitions`, officer.token, { to: 'dropped', note: '投资方撤资' });
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await worker?.close();
    await t?.close();
    await smtp?.close();
    await hooks?.close();
    delete process.env.REDIS_URL;
  }, 60_000);

  it('schedules both at the start of office hours, in the park’s time zone', async () => {
    const queue = worker.get<Queue>(getQueueToken(QueueName.Digests), { strict: false });
    for (const key of ['daily-digests', 'weekly-dispatch']) {
      expect(await queue.getJobScheduler(key)).toEqual(expect.objectContaining({ key, pattern: '0 9 * * *', tz: 'Asia/Shanghai' }));
    }
  });

  it('builds the weekly dispatch list: overdue items by leading official, oldest first, with what and since when', async () => {
    const list = await buildDispatchList(t.db, { parkIds: [park.id], asOf: shanghai('2026-04-07T10:00:00'), timeZone: 'Asia/Shanghai' });
    expect(list).toEqual({
      asOf: shanghai('2026-04-07T10:00:00').toISOString(),
      today: '2026-04-07',
      timeZone: 'Asia/Shanghai',
      projectCount: 2,
      itemCount: 3,
      groups: [
        {
          leader: { id: leader.id, displayName: '李强' },
          projects: [expect.objectContaining({
            id: lithium.id, code: lithium.code, name: lithium.name, parkId: park.id, stage: 'intention', confidential: false,
            owner: { id: officer.id, displayName: '张伟' }, overdueSince: '2026-04-01', daysOverdue: 6,
            items: [
              expect.objectContaining({ kind: 'milestone', key: 'eia', title: '环评', dueOn: '2026-04-01', dueAt: null, daysOverdue: 6 }),
              expect.objectContaining({ kind: 'task', key: null, title: '回访投资方', dueOn: '2026-04-03', dueAt: shanghai('2026-04-03T15:00:00').toISOString(), daysOverdue: 4, ownerId: officer.id }),
            ],
          })],
        },
        {
          leader: null,
          projects: [expect.objectContaining({
            id: textile.id, overdueSince: '2026-03-01', daysOverdue: 37,
            items: [expect.objectContaining({ kind: 'committed_date', key: 'start', title: '约定开工日期', dueOn: '2026-03-01', daysOverdue: 37, ownerId: null })],
          })],
        },
      ],
    });
    // another park sees none of it
    const elsewhere = await buildDispatchList(t.db, { parkIds: [otherManager.parkId], asOf: shanghai('2026-04-07T10:00:00') });
    expect(elsewhere).toEqual(expect.objectContaining({ projectCount: 0, itemCount: 0, groups: [] }));
  });

  it('sends no digest on a day off (Qingming Monday) nor before office hours', async () => {
    now = shanghai('2026-04-06T09:30:00');
    expect(await digests.runDaily()).toEqual({ skipped: '2026-04-06 is not a working day', period: '2026-04-06', decided: 0, sent: 0 });
    expect(await digests.runWeekly()).toEqual(expect.objectContaining({ skipped: '2026-04-06 is not a working day', decided: 0 }));
    now = shanghai('2026-04-07T08:59:00');
    expect(await digests.runDaily()).toEqual(expect.objectContaining({ skipped: 'before office hours', decided: 0 }));
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM digests`);
    expect(count).toBe(0);
  });

  it('sends each officer one morning digest per working day, grouped by project, over email, their own robot and in-app', async () => {
    now = shanghai('2026-04-07T09:00:00');
    const [first, second] = await Promise.all([digests.runDaily(), digests.runDaily()]);
    expect(first.sent + second.sent).toBe(1); // only the officer has something due; two concurrent runs send once
    const causeKey = `digest:${officer.id}:2026-04-07`;
    await waitUntil(async () => ((await deliveriesOf(causeKey)).every((d) => d.status === 'sent') ? true : null), 20_000, 'the digest sent');
    expect(await deliveriesOf(causeKey)).toEqual([
      { channel: 'email', status: 'sent' }, { channel: 'in_app', status: 'sent' }, { channel: 'wecom', status: 'sent' },
    ]);

    const mail = smtp.mails.find((m) => m.to.includes(email('zhangwei')) && m.subject.includes('每日待办'))!;
    expect(mail.subject).toBe('【招商CRM】每日待办 2026-04-07：逾期 2 项，今日到期 2 项');
    expect(mail.text).toContain('您今天有 4 项待办（逾期 2 项，今日到期 2 项），按项目列出：');
    expect(mail.text).toContain(`【${lithium.name}】${lithium.code}\n· 前期手续「环评」已逾期 6 天\n· 跟进事项「回访投资方」已逾期 4 天\n· 跟进事项「约谈董事长」今日 16:00 到期`);
    expect(mail.text).toContain(`【${textile.name}】${textile.code}\n· 问题「电力配套：电力配套不到位」今日到期`);
    expect(mail.text).not.toContain('已完成事项');
    expect(mail.text).not.toContain('不再跟进');
    expect(mail.text).toContain('https://crm.example.gov.cn/');

    const notes = await t.request('GET', '/api/notifications?limit=200', { token: officer.token });
    expect(notes.body.items.filter((n: any) => n.rule === 'digest')).toEqual([
      expect.objectContaining({ title: '每日待办 2026-04-07：逾期 2 项，今日到期 2 项', level: 0 }),
    ]);
    expect(hooks.on(`/own-${name}`).filter((r) => r.body.markdown.content.includes('每日待办'))).toHaveLength(1);
    expect(hooks.on(`/team-${name}`).filter((r) => r.body.markdown.content.includes('每日待办'))).toEqual([]);

    // nothing due: decided, nothing sent
    const [idleDigest] = await t.db.query(`SELECT item_count FROM digests WHERE recipient_id = $1 AND period = '2026-04-07'`, [idle.id]);
    expect(idleDigest).toEqual({ item_count: 0 });
    expect(smtp.mails.filter((m) => m.to.includes(email('idle')))).toEqual([]);
  });

  it('sends nothing more the same day, and the next digest the next working day', async () => {
    now = shanghai('2026-04-07T15:00:00');
    expect(await digests.runDaily()).toEqual({ skipped: null, period: '2026-04-07', decided: 0, sent: 0 });
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM deliveries WHERE rule = 'digest' AND recipient_id = $1`, [officer.id]);
    expect(count).toBe(3);

    now = shanghai('2026-04-08T09:05:00');
    expect(await digests.runDaily()).toEqual(expect.objectContaining({ period: '2026-04-08', sent: 1 }));
    await waitUntil(async () => (smtp.mails.some((m) => m.subject.includes('每日待办 2026-04-08')) ? true : null), 20_000, 'the next digest');
  });

  it('sends managers the weekly dispatch list on the week’s first working day (Tuesday after Qingming), once', async () => {
    now = shanghai('2026-04-07T09:00:00');
    const result = await digests.runWeekly();
    expect(result).toEqual({ skipped: null, period: '2026-04-06', decided: 2, sent: 1 });
    const causeKey = `weekly_dispatch:${manager.id}:2026-04-06`;
    await waitUntil(async () => ((await deliveriesOf(causeKey)).every((d) => d.status === 'sent') ? true : null), 20_000, 'the dispatch list sent');
    expect((await deliveriesOf(causeKey)).map((d) => d.channel)).toEqual(['email', 'in_app']);
    const mail = smtp.mails.find((m) => m.to.includes(email('zhao')))!;
    expect(mail.subject).toBe('【招商CRM】每周调度 2026-04-07：2 个项目有逾期事项');
    expect(mail.text).toContain('截至 2026-04-07，共 2 个项目、3 项事项逾期，按包抓领导列出：');
    expect(mail.text).toContain(
      `▍包抓领导：李强（1 个项目）\n【${lithium.name}】${lithium.code}（责任人 张伟，最早逾期自 2026-04-01）\n` +
        '· 前期手续「环评」已逾期 6 天（2026-04-01）\n· 跟进事项「回访投资方」已逾期 4 天（2026-04-03）',
    );
    expect(mail.text).toContain(`▍包抓领导：未指定（1 个项目）\n【${textile.name}】${textile.code}（责任人 张伟，最早逾期自 2026-03-01）\n· 约定日期「约定开工日期」已逾期 37 天（2026-03-01）`);
    // the manager of another park has nothing overdue: decided, nothing sent
    expect(smtp.mails.filter((m) => m.to.includes(email('sun')))).toEqual([]);

    expect(await digests.runWeekly()).toEqual({ skipped: null, period: '2026-04-06', decided: 0, sent: 0 });
    now = shanghai('2026-04-08T09:00:00');
    expect(await digests.runWeekly()).toEqual(expect.objectContaining({ skipped: 'not the first working day of the week', decided: 0 }));
  });
});
