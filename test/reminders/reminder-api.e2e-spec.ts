import { jest } from '@jest/globals';
import { Clock } from '@zs/config';
import { makePark, makeUser, type TestUser } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/** The HTTP side of reminders: notifications, the admins' rules and failed sends, and the working-day calendar. */
describe('the reminder API', () => {
  let t: TestApp;
  let admin: string;
  let officer: TestUser;
  let other: TestUser;
  let manager: TestUser;
  let now = new Date('2026-06-15T10:00:00+08:00');

  beforeAll(async () => {
    t = await createTestApp();
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now));
    admin = await t.adminToken();
    const park = await makePark(t);
    officer = await makeUser(t, 'officer', { parkId: park.id });
    other = await makeUser(t, 'officer', { parkId: park.id });
    manager = await makeUser(t, 'manager', { parkId: park.id });
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  /** A notification as the engine writes it (a sent in-app delivery and its notification). */
  async function notify(user: TestUser, title: string, createdAt: string): Promise<string> {
    const [delivery] = await t.db.query(
      `INSERT INTO deliveries (cause_key, rule, level, recipient_id, channel, title, body, due_at, not_before, status, sent_at)
       VALUES ($1, 'task_due', 0, $2, 'in_app', $3, '正文', $4, $4, 'sent', $4) RETURNING id`,
      [`test:${title}:${user.id}`, user.id, title, createdAt],
    );
    const [row] = await t.db.query(
      `INSERT INTO notifications (recipient_id, delivery_id, rule, level, title, body, created_at) VALUES ($1, $2, 'task_due', 0, $3, '正文', $4) RETURNING id`,
      [user.id, delivery.id, title, createdAt],
    );
    return row.id;
  }

  describe('/api/notifications', () => {
    let first: string;
    let second: string;
    let third: string;

    beforeAll(async () => {
      first = await notify(officer, '第一条', '2026-06-01T09:00:00+08:00');
      second = await notify(officer, '第二条', '2026-06-02T09:00:00+08:00');
      third = await notify(officer, '第三条', '2026-06-03T09:00:00+08:00');
      await notify(other, '别人的', '2026-06-03T10:00:00+08:00');
    });

    it('lists only the caller’s notifications, newest first, a page at a time', async () => {
      const page1 = await t.request('GET', '/api/notifications?limit=2', { token: officer.token });
      expect(page1.status).toBe(200);
      expect(page1.body.items.map((n: any) => n.id)).toEqual([third, second]);
      expect(page1.body.items[0]).toEqual({
        id: third, rule: 'task_due', level: 0, projectId: null, subjectType: null, subjectId: null, title: '第三条', body: '正文', link: null,
        createdAt: '2026-06-03T01:00:00.000Z', readAt: null,
      });
      const page2 = await t.request('GET', `/api/notifications?limit=2&cursor=${page1.body.nextCursor}`, { token: officer.token });
      expect(page2.body).toEqual({ items: [expect.objectContaining({ id: first })], nextCursor: null });
    });

    it('marks one read (200, the first read time kept), and counts and filters the unread ones', async () => {
      expect((await t.request('GET', '/api/notifications/unread-count', { token: officer.token })).body).toEqual({ count: 3 });
      now = new Date('2026-06-15T10:00:00+08:00');
      const read = await t.request('POST', `/api/notifications/${second}/read`, { token: officer.token });
      expect(read.status).toBe(200);
      expect(read.body).toEqual(expect.objectContaining({ id: second, readAt: '2026-06-15T02:00:00.000Z' }));
      now = new Date('2026-06-16T10:00:00+08:00');
      expect((await t.request('POST', `/api/notifications/${second}/read`, { token: officer.token })).body.readAt).toBe('2026-06-15T02:00:00.000Z');
      const unread = await t.request('GET', '/api/notifications?unread=true', { token: officer.token });
      expect(unread.body.items.map((n: any) => n.id)).toEqual([third, first]);
      expect((await t.request('GET', '/api/notifications/unread-count', { token: officer.token })).body).toEqual({ count: 2 });
    });

    it('answers 404 for another user’s notification and 400 for an id that is not a uuid', async () => {
      expect((await t.request('POST', `/api/notifications/${first}/read`, { token: other.token })).status).toBe(404);
      const bad = await t.request('POST', '/api/notifications/abc/read', { token: officer.token });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ field: 'id', message: expect.any(String) }]);
      expect((await t.request('GET', '/api/notifications')).status).toBe(401);
    });

    it('marks all of the caller’s notifications read, and nobody else’s', async () => {
      const all = await t.request('POST', '/api/notifications/read-all', { token: officer.token });
      expect(all.status).toBe(200);
      expect(all.body).toEqual({ updated: 2 });
      expect((await t.request('GET', '/api/notifications/unread-count', { token: officer.token })).body).toEqual({ count: 0 });
      expect((await t.request('GET', '/api/notifications/unread-count', { token: other.token })).body).toEqual({ count: 1 });
    });
  });

  describe('/api/reminder-rules', () => {
    it('lists the ten rules with the defaults of DOMAIN.md, to admins only', async () => {
      const res = await t.request('GET', '/api/reminder-rules', { token: admin });
      expect(res.status).toBe(200);
      expect(res.body.items.map((r: any) => r.rule)).toEqual([
        'lead_unassigned', 'lead_unscreened', 'task_due', 'task_overdue', 'stale_project',
        'committed_date_approaching', 'committed_date_overdue', 'idle_land_deadline', 'milestone_overdue', 'blocker_overdue',
      ]);
      const stale = res.body.items.find((r: any) => r.rule === 'stale_project');
      expect(stale.stageThresholds).toEqual({
        intention: null, negotiation: { value: 30, unit: 'working_days' }, agreement: { value: 20, unit: 'working_days' },
        contract: { value: 20, unit: 'working_days' }, land_delivered: { value: 15, unit: 'working_days' }, construction: null, production: null,
      });
      expect(res.body.items.find((r: any) => r.rule === 'task_overdue')).toEqual(expect.objectContaining({
        name: '跟进事项逾期', enabled: true, threshold: null,
        escalation: { officer: null, leader: { value: 2, unit: 'working_days' }, managers: { value: 5, unit: 'working_days' } },
        channels: ['email', 'wecom', 'dingtalk', 'feishu'], version: 1,
      }));
      expect(res.body.items.find((r: any) => r.rule === 'lead_unassigned').threshold).toEqual({ value: 1, unit: 'working_days' });
      expect(res.body.items.find((r: any) => r.rule === 'committed_date_approaching').threshold).toEqual({ value: 7, unit: 'days' });
      expect(res.body.items.find((r: any) => r.rule === 'idle_land_deadline')).toEqual(expect.objectContaining({
        name: '闲置土地期限临近', threshold: { value: 60, unit: 'days' },
        escalation: { officer: { value: 0, unit: 'hours' }, leader: { value: 5, unit: 'working_days' }, managers: { value: 10, unit: 'working_days' } },
      }));
      expect((await t.request('GET', '/api/reminder-rules', { token: manager.token })).status).toBe(403);
      expect((await t.request('GET', '/api/reminder-rules/no_such_rule', { token: admin })).status).toBe(404);
    });

    it('changes a rule’s delays and channels, with the version read (409 when stale)', async () => {
      const rule = (await t.request('GET', '/api/reminder-rules/task_overdue', { token: admin })).body;
      const res = await t.request('PATCH', '/api/reminder-rules/task_overdue', {
        token: admin, body: { version: rule.version, escalation: { leader: { value: 4, unit: 'hours' } }, channels: ['wecom'] },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({
        escalation: { officer: null, leader: { value: 4, unit: 'hours' }, managers: { value: 5, unit: 'working_days' } }, channels: ['wecom'], version: rule.version + 1,
      }));
      const stale = await t.request('PATCH', '/api/reminder-rules/task_overdue', { token: admin, body: { version: rule.version, enabled: false } });
      expect(stale.status).toBe(409);
    });

    it('refuses what a rule cannot take, naming the field', async () => {
      const rule = (await t.request('GET', '/api/reminder-rules/lead_unscreened', { token: admin })).body;
      const cases: [unknown, string][] = [
        [{ escalation: { leader: { value: 1, unit: 'working_days' } } }, 'escalation.leader'],
        [{ escalation: { managers: { value: 2, unit: 'days' } } }, 'escalation.managers.unit'],
        [{ threshold: { value: 1, unit: 'hours' } }, 'threshold'],
        [{ channels: ['sms'] }, 'channels'],
        [{ stageThresholds: { negotiation: { value: 5, unit: 'working_days' } } }, 'stageThresholds'],
        [{ priority: 'high' }, 'priority'],
      ];
      for (const [change, field] of cases) {
        const res = await t.request('PATCH', '/api/reminder-rules/lead_unscreened', { token: admin, body: { version: rule.version, ...(change as object) } });
        expect([res.status, res.body.details?.map((d: any) => d.field)]).toEqual([400, [expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}`))]]);
      }
      expect((await t.request('PATCH', '/api/reminder-rules/lead_unscreened', { token: officer.token, body: { version: rule.version } })).status).toBe(403);
    });

    it('switching a rule off cancels its pending deliveries at once', async () => {
      const [pending] = await t.db.query(
        `INSERT INTO deliveries (cause_key, rule, level, recipient_id, channel, subject_type, subject_id, title, body, due_at, not_before)
         VALUES ('blocker_overdue:x', 'blocker_overdue', 0, $1, 'email', 'blocker', gen_random_uuid(), '问题逾期', '正文', now(), now() + interval '1 day') RETURNING id`,
        [officer.id],
      );
      const rule = (await t.request('GET', '/api/reminder-rules/blocker_overdue', { token: admin })).body;
      expect((await t.request('PATCH', '/api/reminder-rules/blocker_overdue', { token: admin, body: { version: rule.version, enabled: false } })).status).toBe(200);
      const [row] = await t.db.query(`SELECT status FROM deliveries WHERE id = $1`, [pending.id]);
      expect(row.status).toBe('cancelled');
    });

    it('lists failed sends for the admins, and puts one back in the outbox', async () => {
      const [failed] = await t.db.query(
        `INSERT INTO deliveries (cause_key, rule, level, recipient_id, channel, title, body, due_at, not_before, status, attempts, last_error)
         VALUES ('task_due:failed', 'task_due', 0, $1, 'dingtalk', '跟进事项已到期', '正文', now(), now(), 'failed', 5, 'HTTP 502') RETURNING id`,
        [officer.id],
      );
      const res = await t.request('GET', '/api/reminders/deliveries?status=failed', { token: admin });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([expect.objectContaining({ id: failed.id, channel: 'dingtalk', status: 'failed', attempts: 5, lastError: 'HTTP 502' })]);
      expect((await t.request('GET', '/api/reminders/deliveries?status=lost', { token: admin })).status).toBe(400);
      const retry = await t.request('POST', `/api/reminders/deliveries/${failed.id}/retry`, { token: admin });
      expect(retry.status).toBe(200);
      expect(retry.body.status).toBe('pending');
      expect((await t.request('GET', '/api/reminders/deliveries?status=failed', { token: admin })).body.items).toEqual([]);
    });
  });

  describe('/api/calendar', () => {
    it('shows a year of the State Council calendar with its holidays and 调休 days', async () => {
      const res = await t.request('GET', '/api/calendar?year=2026', { token: officer.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ year: 2026, hasOfficialData: true, packageData: true, overrideCount: 0, warning: null }));
      expect(res.body.days).toEqual(expect.arrayContaining([
        { date: '2026-10-01', kind: 'holiday', name: '国庆节', source: 'official' },
        { date: '2026-10-10', kind: 'workday', name: '国庆节', source: 'official' },
      ]));
    });

    it('says when a year has no official data, in the calendar and in the rules from November', async () => {
      const year = await t.request('GET', '/api/calendar?year=2027', { token: officer.token });
      expect(year.body).toEqual(expect.objectContaining({ year: 2027, hasOfficialData: false, days: [], warning: expect.stringContaining('2027 年尚无国务院节假日安排数据') }));
      now = new Date('2026-06-15T10:00:00+08:00');
      expect((await t.request('GET', '/api/reminder-rules', { token: admin })).body.warnings).toEqual([]);
      now = new Date('2026-11-02T10:00:00+08:00');
      expect((await t.request('GET', '/api/reminder-rules', { token: admin })).body.warnings).toEqual([{ year: 2027, message: expect.stringContaining('2027') }]);
    });

    it('lets an admin enter the next year’s arrangement, which then counts for screening due dates', async () => {
      const body = {
        holidays: ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2027-10-${d}`, name: '国庆节' })),
        workdays: [{ date: '2027-09-26', name: '国庆节调休' }, { date: '2027-10-09', name: '国庆节调休' }],
      };
      expect((await t.request('PUT', '/api/calendar/2027', { token: manager.token, body })).status).toBe(403);
      const put = await t.request('PUT', '/api/calendar/2027', { token: admin, body });
      expect(put.status).toBe(200);
      expect(put.body).toEqual(expect.objectContaining({ year: 2027, hasOfficialData: true, packageData: false, overrideCount: 9, warning: null }));
      expect(put.body.days[0]).toEqual({ date: '2027-09-26', kind: 'workday', name: '国庆节调休', source: 'override' });
      expect((await t.request('GET', '/api/reminder-rules', { token: admin })).body.warnings).toEqual([]);

      // assigned on Thursday 30 September 2027: 3 working days are 8 (Fri), 9 (调休 Sat) and 11 October
      now = new Date('2027-09-30T10:00:00+08:00');
      const lead = await t.request('POST', '/api/leads', {
        token: officer.token, body: { title: '2027线索', companyName: '某公司', industry: 'textile', channel: 'online', summary: '网上招商', receivedOn: '2027-09-30' },
      });
      expect(lead.status).toBe(201);
      const assigned = await t.request('POST', `/api/leads/${lead.body.id}/assign`, { token: manager.token, body: { assigneeId: officer.id } });
      expect(assigned.body.screeningDueOn).toBe('2027-10-11');
    });

    it('replaces the year’s entries on every PUT, and rejects a date of another year or a date given twice', async () => {
      const wrongYear = await t.request('PUT', '/api/calendar/2027', { token: admin, body: { holidays: [{ date: '2026-10-01' }], workdays: [] } });
      expect([wrongYear.status, wrongYear.body.details]).toEqual([400, [{ field: 'holidays[0].date', message: expect.any(String) }]]);
      const twice = await t.request('PUT', '/api/calendar/2027', { token: admin, body: { holidays: [{ date: '2027-10-01' }], workdays: [{ date: '2027-10-01' }] } });
      expect([twice.status, twice.body.details?.[0]?.field]).toEqual([400, 'workdays[0].date']);
      const bad = await t.request('PUT', '/api/calendar/2027', { token: admin, body: { holidays: [{ date: '2027-02-30' }], workdays: [] } });
      expect(bad.status).toBe(400);
      const cleared = await t.request('PUT', '/api/calendar/2027', { token: admin, body: { holidays: [], workdays: [] } });
      expect(cleared.body).toEqual(expect.objectContaining({ hasOfficialData: false, overrideCount: 0 }));
    });
  });
});
