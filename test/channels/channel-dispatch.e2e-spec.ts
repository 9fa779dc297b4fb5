import { jest } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@zs/config';
import { createHmac, randomUUID } from 'node:crypto';
import { ChannelDispatcher, ChannelHeldError, ChannelPermanentError, type OutboundDelivery } from '../../apps/worker/src/channels/channel-dispatcher';
import { createWorkerApp } from '../../apps/worker/src/worker.factory';
import { makePark, makeProject, makeUser, type TestUser } from '../support/factories';
import { startSmtpServer, startWebhookReceiver, type LocalSmtp, type WebhookReceiver } from '../support/receivers';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The outbound channels against real local services: an SMTP server (smtp-server) and a robot webhook
 * receiver (node:http). The dispatcher is called directly here; the delivery pipeline (outbox → BullMQ →
 * dispatcher, retries) is tested with the engine's Deliver job.
 */
describe('the channel dispatcher', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let dispatcher: ChannelDispatcher;
  let smtp: LocalSmtp;
  let hooks: WebhookReceiver;
  let park: { id: string };
  let officer: TestUser;
  let colleague: TestUser;
  let project: { id: string; name: string; code: string };

  /** The worker's clock: a Wednesday morning in Shanghai (office hours) unless a test moves it. */
  let now = new Date('2026-04-08T10:00:00+08:00');
  const hook = (path: string) => `${hooks.baseUrl}${path}`;
  const delivery = (overrides: Partial<OutboundDelivery>): OutboundDelivery => ({
    id: randomUUID(),
    causeKey: `task_overdue:${randomUUID()}`,
    recipientId: officer.id,
    level: 0,
    channel: 'email',
    rule: 'task_overdue',
    title: '跟进事项已逾期：回访天齐锂业',
    body: '跟进事项「回访天齐锂业，确认二期用地」应于 2026-04-01 完成，已逾期 2 天。',
    link: `/projects/${project.id}`,
    projectId: project.id,
    ...overrides,
  });
  async function addWebhook(values: { kind: string; path: string; secret?: string; parkId?: string; userId?: string }): Promise<string> {
    const [row] = await t.db.query(
      `INSERT INTO robot_webhooks (kind, url, secret, park_id, user_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [values.kind, hook(values.path), values.secret ?? null, values.parkId ?? null, values.userId ?? null],
    );
    return row.id;
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    hooks = await startWebhookReceiver();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: '招商CRM <crm@example.gov.cn>', PUBLIC_URL: 'https://crm.example.gov.cn/' });
    worker = await createWorkerApp({ logger: false });
    dispatcher = worker.get(ChannelDispatcher);
    jest.spyOn(worker.get(Clock), 'now').mockImplementation(() => new Date(now));
    park = await makePark(t);
    officer = await makeUser(t, 'officer', { parkId: park.id, displayName: '张伟' });
    colleague = await makeUser(t, 'officer', { parkId: park.id, displayName: '李娜' });
    await t.db.query(`UPDATE users SET email = $2 WHERE id = $1`, [officer.id, 'zhangwei@example.gov.cn']);
    project = await makeProject(t, officer, { name: '天齐锂业高纯氯化锂项目' });
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
    await hooks?.close();
  }, 60_000);

  beforeEach(() => {
    now = new Date('2026-04-08T10:00:00+08:00');
    hooks.respond = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
  });

  describe('channelsFor', () => {
    it('gives email to a user with an address while SMTP is configured', async () => {
      expect(await dispatcher.channelsFor(officer.id)).toEqual(['email']);
      expect(await dispatcher.channelsFor(colleague.id)).toEqual([]);
    });

    it('adds the robots of the user and of their park, and drops email when the user switches it off', async () => {
      const own = await addWebhook({ kind: 'dingtalk', path: '/cf-own', userId: officer.id });
      const team = await addWebhook({ kind: 'wecom', path: '/cf-team', parkId: park.id });
      expect(await dispatcher.channelsFor(officer.id)).toEqual(['email', 'wecom', 'dingtalk']);
      expect(await dispatcher.channelsFor(colleague.id)).toEqual(['wecom']);
      expect(await dispatcher.channelsFor(officer.id, { personalOnly: true })).toEqual(['email', 'dingtalk']);
      await t.request('PUT', '/api/me/channels', { token: officer.token, body: { emailEnabled: false } });
      expect(await dispatcher.channelsFor(officer.id)).toEqual(['wecom', 'dingtalk']);
      await t.request('PUT', '/api/me/channels', { token: officer.token, body: { emailEnabled: true } });
      await t.db.query(`UPDATE robot_webhooks SET enabled = false WHERE id = ANY($1)`, [[own, team]]);
      expect(await dispatcher.channelsFor(officer.id)).toEqual(['email']);
    });

    it('gives nothing to a disabled user', async () => {
      const gone = await makeUser(t, 'officer', { parkId: park.id });
      await t.db.query(`UPDATE users SET email = 'gone@example.gov.cn', disabled_at = now() WHERE id = $1`, [gone.id]);
      expect(await dispatcher.channelsFor(gone.id)).toEqual([]);
    });
  });

  describe('email over SMTP', () => {
    it('delivers a Chinese subject and body with the project and its link to the user’s address', async () => {
      const before = smtp.mails.length;
      await dispatcher.dispatch(delivery({ channel: 'email' }));
      const [mail] = (await smtp.waitFor(before + 1)).slice(before);
      expect(mail.to).toEqual(['zhangwei@example.gov.cn']);
      expect(mail.from).toBe('crm@example.gov.cn');
      expect(mail.subject).toBe('【招商CRM】跟进事项已逾期：回访天齐锂业');
      expect(mail.text).toContain('张伟，您好');
      expect(mail.text).toContain('已逾期 2 天');
      expect(mail.text).toContain(`项目：天齐锂业高纯氯化锂项目（${project.code}）`);
      expect(mail.text).toContain(`https://crm.example.gov.cn/projects/${project.id}`);
      expect(mail.html).toContain(`<a href="https://crm.example.gov.cn/projects/${project.id}">查看详情</a>`);
    });

    it('fails for good (no retry) when the user has no address', async () => {
      await expect(dispatcher.dispatch(delivery({ channel: 'email', recipientId: colleague.id }))).rejects.toBeInstanceOf(ChannelPermanentError);
    });
  });

  describe('group robots', () => {
    it('posts WeCom markdown with the project, what is due and the link', async () => {
      await addWebhook({ kind: 'wecom', path: '/wecom-1', userId: colleague.id });
      await dispatcher.dispatch(delivery({ channel: 'wecom', recipientId: colleague.id }));
      const [request] = await hooks.waitFor('/wecom-1', 1);
      expect(request.body).toEqual({ msgtype: 'markdown', markdown: { content: expect.any(String) } });
      const content: string = request.body.markdown.content;
      expect(content).toContain('### 跟进事项已逾期：回访天齐锂业');
      expect(content).toContain('已逾期 2 天');
      expect(content).toContain('天齐锂业高纯氯化锂项目');
      expect(content).toContain(`[查看详情](https://crm.example.gov.cn/projects/${project.id})`);
    });

    it('signs DingTalk requests: timestamp and sign = Base64(HmacSHA256(secret, `${timestamp}\\n${secret}`)) in the query', async () => {
      const secret = 'SECdingtalk0123456789abcdef';
      await addWebhook({ kind: 'dingtalk', path: '/dingtalk-1', userId: colleague.id, secret });
      await dispatcher.dispatch(delivery({ channel: 'dingtalk', recipientId: colleague.id }));
      const [request] = await hooks.waitFor('/dingtalk-1', 1);
      const timestamp = request.query.get('timestamp')!;
      expect(Number(timestamp)).toBe(now.getTime());
      const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
      expect(request.query.get('sign')).toBe(expected);
      expect(request.body).toEqual({ msgtype: 'markdown', markdown: { title: '跟进事项已逾期：回访天齐锂业', text: expect.stringContaining('天齐锂业高纯氯化锂项目') } });
    });

    it('signs Feishu requests: timestamp (s) and sign = Base64(HmacSHA256(`${timestamp}\\n${secret}`, "")) in the body', async () => {
      const secret = 'feishu-secret-abc';
      await addWebhook({ kind: 'feishu', path: '/feishu-1', userId: colleague.id, secret });
      await dispatcher.dispatch(delivery({ channel: 'feishu', recipientId: colleague.id }));
      const [request] = await hooks.waitFor('/feishu-1', 1);
      const { timestamp, sign, msg_type, card } = request.body;
      expect(Number(timestamp)).toBe(now.getTime() / 1000);
      expect(sign).toBe(createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64'));
      expect(msg_type).toBe('interactive');
      expect(card.header.title.content).toBe('跟进事项已逾期：回访天齐锂业');
      expect(card.elements[0].text.content).toContain(`https://crm.example.gov.cn/projects/${project.id}`);
    });

    it('sends a park’s webhook one message per cause and level, however many of its users are recipients', async () => {
      const teamPark = await makePark(t);
      const a = await makeUser(t, 'manager', { parkId: teamPark.id });
      const b = await makeUser(t, 'manager', { parkId: teamPark.id });
      await addWebhook({ kind: 'wecom', path: '/team-1', parkId: teamPark.id });
      const causeKey = `blocker_overdue:${randomUUID()}`;
      await Promise.all([
        dispatcher.dispatch(delivery({ channel: 'wecom', recipientId: a.id, causeKey, level: 2 })),
        dispatcher.dispatch(delivery({ channel: 'wecom', recipientId: b.id, causeKey, level: 2 })),
      ]);
      await dispatcher.dispatch(delivery({ channel: 'wecom', recipientId: a.id, causeKey, level: 2 }));
      expect(hooks.on('/team-1')).toHaveLength(1);
      expect(hooks.on('/team-1')[0].body.markdown.content).toContain('提醒对象：招商局领导');
      // the same cause at another level is another message
      await dispatcher.dispatch(delivery({ channel: 'wecom', recipientId: a.id, causeKey, level: 1 }));
      expect(hooks.on('/team-1')).toHaveLength(2);
    });

    it('keeps digests off the park’s webhook (personal channels only)', async () => {
      const quietPark = await makePark(t);
      const user = await makeUser(t, 'officer', { parkId: quietPark.id });
      await addWebhook({ kind: 'wecom', path: '/team-digest', parkId: quietPark.id });
      await expect(dispatcher.dispatch(delivery({ channel: 'wecom', recipientId: user.id, rule: 'digest' }))).rejects.toBeInstanceOf(ChannelPermanentError);
      expect(hooks.on('/team-digest')).toHaveLength(0);
    });

    it('throws on an HTTP 500 and on a 200 whose body reports an error, then sends once when the robot recovers', async () => {
      const user = await makeUser(t, 'officer', { parkId: park.id });
      await addWebhook({ kind: 'dingtalk', path: '/flaky', userId: user.id });
      const flaky = delivery({ channel: 'dingtalk', recipientId: user.id });
      hooks.respond = (_, n) => (n === 0 ? { status: 500, body: 'oops' } : n === 1 ? { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } } : { status: 200, body: { errcode: 0 } });
      await expect(dispatcher.dispatch(flaky)).rejects.toThrow(/HTTP 500/);
      await expect(dispatcher.dispatch(flaky)).rejects.toThrow(/310000 sign not match/);
      await dispatcher.dispatch(flaky);
      await dispatcher.dispatch(flaky); // a redelivery of a job that already sent: nothing more
      expect(hooks.on('/flaky').map((r) => r.status)).toEqual([500, 200, 200]);
      const [row] = await t.db.query(`SELECT status, attempts, last_error FROM robot_sends WHERE cause_key = $1`, [flaky.causeKey]);
      expect(row).toEqual({ status: 'sent', attempts: 3, last_error: null });
    });

    it('fails for good when no webhook of that kind reaches the recipient', async () => {
      await expect(dispatcher.dispatch(delivery({ channel: 'feishu', recipientId: officer.id }))).rejects.toBeInstanceOf(ChannelPermanentError);
    });
    it('never calls a stored webhook whose host is not in ROBOT_WEBHOOK_HOSTS, and fails for good when none is left', async () => {
      const loner = await makeUser(t, 'officer', { parkId: park.id });
      const [row] = await t.db.query(
        `INSERT INTO robot_webhooks (kind, url, user_id) VALUES ('feishu', 'http://10.20.30.40/internal', $1) RETURNING id`,
        [loner.id],
      );
      await expect(dispatcher.dispatch(delivery({ channel: 'feishu', recipientId: loner.id }))).rejects.toThrow(/ROBOT_WEBHOOK_HOSTS/);
      await expect(dispatcher.dispatch(delivery({ channel: 'feishu', recipientId: loner.id }))).rejects.toBeInstanceOf(ChannelPermanentError);
      const [sends] = await t.db.query(`SELECT count(*)::int AS n FROM robot_sends WHERE webhook_id = $1`, [row.id]);
      expect(sends.n).toBe(0);
    });
  });

  describe('office hours', () => {
    it('sends nothing outside office hours: holds the delivery until the next working day’s start', async () => {
      now = new Date('2026-04-03T22:00:00+08:00'); // Friday night before Qingming (4–6 April)
      const user = await makeUser(t, 'officer', { parkId: park.id });
      await t.db.query(`UPDATE users SET email = 'night@example.gov.cn' WHERE id = $1`, [user.id]);
      const [row] = await t.db.query(
        `INSERT INTO deliveries (cause_key, rule, level, recipient_id, channel, project_id, title, body, link, due_at, not_before)
         VALUES ($1, 'task_due', 0, $2, 'email', $3, '跟进事项已到期', '…', NULL, $4, $4) RETURNING id`,
        [`task_due:${randomUUID()}`, user.id, project.id, now],
      );
      const before = smtp.mails.length;
      const held = dispatcher.dispatch(delivery({ id: row.id, channel: 'email', recipientId: user.id }));
      await expect(held).rejects.toBeInstanceOf(ChannelHeldError);
      await expect(held).rejects.toMatchObject({ until: new Date('2026-04-07T09:00:00+08:00') });
      const [after] = await t.db.query(`SELECT not_before, status FROM deliveries WHERE id = $1`, [row.id]);
      expect(after).toEqual({ not_before: new Date('2026-04-07T09:00:00+08:00'), status: 'pending' });
      expect(smtp.mails.length).toBe(before);
    });

    it('tells the engine when a delivery may go out: in-app at once, the others at the next office time', async () => {
      const { WorkCalendar } = await import('@zs/domain');
      const friday = new Date('2026-04-03T22:00:00+08:00');
      expect(dispatcher.notBefore('in_app', friday, new WorkCalendar())).toEqual(friday);
      for (const channel of ['email', 'wecom', 'dingtalk', 'feishu']) {
        expect(dispatcher.notBefore(channel, friday, new WorkCalendar())).toEqual(new Date('2026-04-07T09:00:00+08:00'));
      }
    });
  });
});
