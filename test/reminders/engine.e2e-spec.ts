import { jest } from '@jest/globals';
import { makeProject, type TestUser } from '../support/factories';
import { RemindersProcessor } from '../../apps/worker/src/reminders/reminders.processor';
import { backends, ChannelDispatcher, DeliveryRelay, local, ReminderScanner, type ReminderWorld, startReminderWorld } from './reminder-world';

/**
 * The reminder engine, rule by rule, on a clock the test sets: each rule fires once at the right time,
 * escalates on schedule (working days on China's calendar: the National Day week 2026 off, the 调休
 * Saturday 10 October worked), and stops as soon as its cause is resolved. On both BullMQ backends.
 */
describe.each(backends())('the reminder engine on $name', (backend) => {
  let w: ReminderWorld;

  beforeAll(async () => {
    w = await startReminderWorld(backend);
  });

  afterAll(async () => {
    await w?.close();
  });

  const byRule = (items: any[], rule: string, subjectId?: string) => items.filter((n) => n.rule === rule && (!subjectId || n.subjectId === subjectId));

  async function newProject(name: string) {
    return makeProject(w.t, w.officer, { name, leaderId: w.leader.id });
  }

  async function newTask(projectId: string, title: string, dueAt: string) {
    const res = await w.t.request('POST', '/api/tasks', { token: w.officer.token, body: { projectId, title, dueAt: local(dueAt).toISOString(), assigneeId: w.officer.id } });
    expect(res.status).toBe(201);
    return res.body;
  }

  describe('a follow-up task', () => {
    let project: any;
    let task: any;

    beforeAll(async () => {
      w.at('2026-09-29T09:00:00');
      project = await newProject(`氯化锂项目${backend.name}`);
      task = await newTask(project.id, '回访投资方', '2026-09-29T10:00:00');
    });

    it('reminds nobody before it is due', async () => {
      w.at('2026-09-29T09:59:59');
      await w.reconcile();
      expect(byRule(await w.notifications(w.officer), 'task_due', task.id)).toEqual([]);
    });

    it('reminds its assignee once, at its due time, in Chinese with the project and a link to it', async () => {
      w.at('2026-09-29T10:00:01');
      await w.reconcile();
      await w.reconcile();
      const mine = byRule(await w.notifications(w.officer), 'task_due', task.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toEqual(expect.objectContaining({
        level: 0, projectId: project.id, subjectType: 'task', subjectId: task.id, readAt: null,
        title: `跟进事项已到期：${project.name}`,
        link: expect.stringMatching(new RegExp(`^http://localhost:\\d+/projects/${project.id}$`)),
      }));
      expect(mine[0].body).toContain('回访投资方');
      expect(byRule(await w.notifications(w.leader), 'task_overdue', task.id)).toEqual([]);
    });

    it('escalates to the leading official on the 2nd working day after it fell due, skipping the National Day week', async () => {
      w.at('2026-10-07T23:59:00');
      await w.reconcile();
      expect(byRule(await w.notifications(w.leader), 'task_overdue', task.id)).toEqual([]);
      w.at('2026-10-08T10:00:01');
      await w.reconcile();
      const leader = byRule(await w.notifications(w.leader), 'task_overdue', task.id);
      expect(leader).toHaveLength(1);
      expect(leader[0].level).toBe(1);
      expect(leader[0].title).toBe(`跟进事项已逾期 9 天：${project.name}`);
      expect(leader[0].body).toContain('责任人：王专员');
    });

    it('counts the 调休 Saturday 10 October as the 4th working day and reaches the managers on the 5th (Monday 12th)', async () => {
      w.at('2026-10-10T10:00:01');
      await w.reconcile();
      expect(byRule(await w.notifications(w.manager), 'task_overdue', task.id)).toEqual([]);
      w.at('2026-10-11T23:00:00');
      await w.reconcile();
      expect(byRule(await w.notifications(w.manager), 'task_overdue', task.id)).toEqual([]);
      w.at('2026-10-12T10:00:01');
      await w.reconcile();
      for (const manager of [w.manager, w.bureauManager]) {
        const got = byRule(await w.notifications(manager), 'task_overdue', task.id);
        expect(got).toHaveLength(1);
        expect(got[0]).toEqual(expect.objectContaining({ level: 2, title: `跟进事项已逾期 13 天：${project.name}` }));
      }
      expect(byRule(await w.notifications(w.siblingManager), 'task_overdue', task.id)).toEqual([]);
    });

    it('never tells anyone twice, however often the engine runs', async () => {
      w.at('2026-11-30T10:00:00');
      await Promise.all([w.reconcile(), w.reconcile(), w.reconcile()]);
      expect(byRule(await w.notifications(w.officer), 'task_due', task.id)).toHaveLength(1);
      expect(byRule(await w.notifications(w.leader), 'task_overdue', task.id)).toHaveLength(1);
      expect(byRule(await w.notifications(w.manager), 'task_overdue', task.id)).toHaveLength(1);
      const [{ count }] = await w.t.db.query(`SELECT count(*)::int AS count FROM deliveries WHERE subject_id = $1`, [task.id]);
      expect(count).toBe(4); // officer (due), leader, park manager and bureau manager (overdue): in-app each
    });
  });

  describe('resolving a task', () => {
    it('stops the chain: done before the escalation, the leading official and the managers never hear of it', async () => {
      w.at('2026-09-29T09:00:00');
      const project = await newProject(`纺织项目${backend.name}`);
      const task = await newTask(project.id, '催办环评', '2026-09-29T10:00:00');
      w.at('2026-09-29T10:00:01');
      await w.reconcile();
      expect(byRule(await w.notifications(w.officer), 'task_due', task.id)).toHaveLength(1);
      w.at('2026-09-30T11:00:00');
      expect((await w.t.request('POST', `/api/tasks/${task.id}/done`, { token: w.officer.token })).status).toBe(200);
      w.at('2026-10-20T10:00:00');
      await w.reconcile();
      expect(byRule(await w.notifications(w.leader), 'task_overdue', task.id)).toEqual([]);
      expect(byRule(await w.notifications(w.manager), 'task_overdue', task.id)).toEqual([]);
    });

    it('cancels its pending deliveries in the same transaction that completes it, and nothing is sent', async () => {
      const dispatcher = w.worker.get(ChannelDispatcher);
      const channels = jest.spyOn(dispatcher, 'channelsForMany').mockImplementation(async (ids: readonly string[]) => new Map(ids.map((id) => [id, id === w.officer.id ? ['email' as const] : []])));
      const dispatch = jest.spyOn(dispatcher, 'dispatch').mockResolvedValue(undefined);
      const bullWorker = w.worker.get(RemindersProcessor).worker;
      try {
        w.at('2026-09-29T09:00:00');
        const project = await newProject(`LED项目${backend.name}`);
        const task = await newTask(project.id, '约谈董事长', '2026-09-29T20:00:00');
        w.at('2026-09-29T20:00:01');
        await bullWorker.pause(); // the deliveries are written and queued, but not sent yet
        await w.worker.get(ReminderScanner).reconcile();
        const pending = await w.t.db.query(`SELECT channel, status FROM deliveries WHERE subject_id = $1 ORDER BY channel`, [task.id]);
        expect(pending).toEqual([{ channel: 'email', status: 'pending' }, { channel: 'in_app', status: 'pending' }]);

        expect((await w.t.request('POST', `/api/tasks/${task.id}/done`, { token: w.officer.token })).status).toBe(200);
        const after = await w.t.db.query(`SELECT channel, status FROM deliveries WHERE subject_id = $1 ORDER BY channel`, [task.id]);
        expect(after).toEqual([{ channel: 'email', status: 'cancelled' }, { channel: 'in_app', status: 'cancelled' }]);

        bullWorker.resume();
        await w.reconcile();
        expect(dispatch.mock.calls.filter(([d]) => d.subjectId === task.id)).toEqual([]);
        expect(byRule(await w.notifications(w.officer), 'task_due', task.id)).toEqual([]);
      } finally {
        bullWorker.resume();
        channels.mockRestore();
        dispatch.mockRestore();
      }
    });
  });

  describe('a lead', () => {
    it('goes to the managers when nobody assigned it by the end of the working day after it came in (the day before National Day)', async () => {
      w.at('2026-09-30T15:00:00');
      const res = await w.t.request('POST', '/api/leads', {
        token: w.officer.token,
        body: { title: `高纯氯化锂线索${backend.name}`, companyName: '天齐锂业股份有限公司', industry: 'lithium_materials', channel: 'investor_referral', summary: '以商招商', receivedOn: '2026-09-30' },
      });
      expect(res.status).toBe(201);
      const lead = res.body;
      w.at('2026-10-08T23:59:00');
      await w.reconcile();
      expect(byRule(await w.notifications(w.manager), 'lead_unassigned', lead.id)).toEqual([]);
      w.at('2026-10-09T00:00:01');
      await w.reconcile();
      const got = byRule(await w.notifications(w.manager), 'lead_unassigned', lead.id);
      expect(got).toHaveLength(1);
      expect(got[0]).toEqual(expect.objectContaining({ level: 2, subjectType: 'lead', projectId: null, link: expect.stringMatching(new RegExp(`/leads/${lead.id}$`)) }));
      expect(byRule(await w.notifications(w.siblingManager), 'lead_unassigned', lead.id)).toEqual([]);

      // assigned on Friday 9 October: screening due 3 working days later, Tuesday 13th (the 调休 Saturday counted)
      w.at('2026-10-09T09:00:00');
      const assigned = await w.t.request('POST', `/api/leads/${lead.id}/assign`, { token: w.manager.token, body: { assigneeId: w.officer.id } });
      expect(assigned.status).toBe(200);
      expect(assigned.body.screeningDueOn).toBe('2026-10-13');
      w.at('2026-10-13T23:59:00');
      await w.reconcile();
      expect(byRule(await w.notifications(w.officer), 'lead_unscreened', lead.id)).toEqual([]);
      w.at('2026-10-14T00:00:01');
      await w.reconcile();
      expect(byRule(await w.notifications(w.officer), 'lead_unscreened', lead.id)).toHaveLength(1);
      const screened = await w.t.request('POST', `/api/leads/${lead.id}/screen`, { token: w.officer.token, body: { opinion: '符合产业定位', decision: 'pursue' } });
      expect(screened.status).toBe(200);
      w.at('2026-10-20T10:00:00');
      await w.reconcile();
      expect(byRule(await w.notifications(w.manager), 'lead_unscreened', lead.id)).toEqual([]);
      expect(byRule(await w.notifications(w.manager), 'lead_unassigned', lead.id)).toHaveLength(1);
    });
  });

  describe('a committed date', () => {
    it('is announced 7 days ahead, reported on the day after it passes unmet, escalated to the leading official 3 working days later; a date met is never chased', async () => {
      w.at('2026-09-29T09:00:00');
      const project = await newProject(`变压器厂${backend.name}`);
      const agreement = await w.t.request('POST', `/api/projects/${project.id}/agreements`, {
        token: w.officer.token,
        body: { kind: 'investment', signedOn: '2026-09-01', amount: 12000, committedLandOn: '2026-10-15', committedStartOn: '2026-10-20' },
      });
      expect(agreement.status).toBe(201);
      const mine = async (rule: string) => byRule(await w.notifications(w.officer), rule).filter((n) => n.projectId === project.id);

      w.at('2026-10-08T00:00:01');
      await w.reconcile();
      expect((await mine('committed_date_approaching')).map((n) => n.title)).toEqual([`约定供地日期临近：${project.name}`]);

      // the land is delivered on the 14th: its date is met
      const current = await w.t.request('GET', `/api/projects/${project.id}`, { token: w.officer.token });
      w.at('2026-10-14T11:00:00');
      expect((await w.t.request('PATCH', `/api/projects/${project.id}`, { token: w.officer.token, body: { version: current.body.version, landDeliveredOn: '2026-10-14' } })).status).toBe(200);

      w.at('2026-10-13T00:00:01');
      await w.reconcile();
      expect(await mine('committed_date_approaching')).toHaveLength(2);
      w.at('2026-10-20T23:59:00');
      await w.reconcile();
      expect(await mine('committed_date_overdue')).toEqual([]);
      w.at('2026-10-21T00:00:01');
      await w.reconcile();
      const overdue = await mine('committed_date_overdue');
      expect(overdue.map((n) => n.title)).toEqual([`约定开工日期已逾期 1 天：${project.name}`]);
      expect(overdue[0].body).toContain('土地闲置费');

      w.at('2026-10-23T23:59:00');
      await w.reconcile();
      expect(byRule(await w.notifications(w.leader), 'committed_date_overdue').filter((n) => n.projectId === project.id)).toEqual([]);
      w.at('2026-10-26T00:00:01');
      await w.reconcile();
      expect(byRule(await w.notifications(w.leader), 'committed_date_overdue').filter((n) => n.projectId === project.id)).toHaveLength(1);
      // the land date passed too (15th), but it was met: never reported
      expect((await mine('committed_date_overdue')).some((n) => n.title.includes('供地'))).toBe(false);
    });
  });

  describe('an idle-land deadline', () => {
    it('warns 60 days before land held since a committed start becomes idle, escalates after 5 working days, and stops when construction starts; land not delivered is never warned', async () => {
      w.at('2026-09-29T09:00:00');
      const held = await newProject(`闲置地项目${backend.name}`);
      const waiting = await newProject(`未供地项目${backend.name}`);
      for (const project of [held, waiting]) {
        const agreement = await w.t.request('POST', `/api/projects/${project.id}/agreements`, {
          token: w.officer.token,
          body: { kind: 'land_transfer', signedOn: '2025-09-01', amount: 8000, committedStartOn: '2025-12-20' },
        });
        expect(agreement.status).toBe(201);
      }
      const current = await w.t.request('GET', `/api/projects/${held.id}`, { token: w.officer.token });
      expect((await w.t.request('PATCH', `/api/projects/${held.id}`, { token: w.officer.token, body: { version: current.body.version, landDeliveredOn: '2025-11-30' } })).status).toBe(200);
      const idle = async (user: TestUser, projectId = held.id) =>
        byRule(await w.notifications(user), 'idle_land_deadline').filter((n) => n.projectId === projectId);

      w.at('2026-10-20T23:59:00');
      await w.reconcile();
      expect(await idle(w.officer)).toEqual([]);
      // a year after 20 December 2025 the idle-land fee is due: warned from 21 October, 60 days ahead
      w.at('2026-10-21T00:00:01');
      await w.reconcile();
      await w.reconcile();
      const warned = await idle(w.officer);
      expect(warned.map((n) => n.title)).toEqual([`闲置土地收费期限临近：${held.name}`]);
      expect(warned[0].body).toContain('2026-12-20');
      expect(warned[0].body).toContain('20%');
      expect(await idle(w.officer, waiting.id)).toEqual([]);

      w.at('2026-10-28T00:00:01');
      await w.reconcile();
      expect(await idle(w.leader)).toHaveLength(1);

      // construction starts: the managers (10 working days on, 4 November) never hear of it
      const now = await w.t.request('GET', `/api/projects/${held.id}`, { token: w.officer.token });
      w.at('2026-11-02T10:00:00');
      expect((await w.t.request('PATCH', `/api/projects/${held.id}`, { token: w.officer.token, body: { version: now.body.version, constructionStartedOn: '2026-11-02' } })).status).toBe(200);
      w.at('2026-11-05T10:00:00');
      await w.reconcile();
      expect(await idle(w.manager)).toEqual([]);
      expect(await idle(w.officer)).toHaveLength(1);
    });
  });

  describe('a permit step and a blocker', () => {
    it('report an overdue permit step to the project officer, then to the leading official after 3 working days, unless it is done', async () => {
      w.at('2026-09-29T09:00:00');
      const project = await newProject(`环评项目${backend.name}`);
      const steps = (await w.t.request('GET', `/api/projects/${project.id}/milestones`, { token: w.officer.token })).body.items;
      const [eia, energy] = ['eia', 'energy_assessment'].map((key) => steps.find((m: any) => m.key === key));
      for (const step of [eia, energy]) {
        expect((await w.t.request('PATCH', `/api/milestones/${step.id}`, { token: w.officer.token, body: { version: step.version, dueOn: '2026-09-30', status: 'in_progress' } })).status).toBe(200);
      }
      w.at('2026-10-01T00:00:01');
      await w.reconcile();
      const mine = byRule(await w.notifications(w.officer), 'milestone_overdue').filter((n) => n.projectId === project.id);
      expect(mine.map((n) => n.subjectId).sort()).toEqual([eia.id, energy.id].sort());
      expect(mine.find((n) => n.subjectId === eia.id).body).toContain('环评');

      const fresh = (await w.t.request('GET', `/api/milestones/${energy.id}`, { token: w.officer.token })).body;
      expect((await w.t.request('PATCH', `/api/milestones/${energy.id}`, { token: w.officer.token, body: { version: fresh.version, status: 'done', doneOn: '2026-10-08' } })).status).toBe(200);
      // 8 (1), 9 (2), Saturday 10 (3): the leading official on the 10th
      w.at('2026-10-09T23:59:00');
      await w.reconcile();
      expect(byRule(await w.notifications(w.leader), 'milestone_overdue').filter((n) => n.projectId === project.id)).toEqual([]);
      w.at('2026-10-10T00:00:01');
      await w.reconcile();
      expect(byRule(await w.notifications(w.leader), 'milestone_overdue').filter((n) => n.projectId === project.id).map((n) => n.subjectId)).toEqual([eia.id]);
    });

    it('report an overdue blocker to its owner, and stop when it is resolved', async () => {
      w.at('2026-09-29T09:00:00');
      const project = await newProject(`电力项目${backend.name}`);
      const created = await w.t.request('POST', `/api/projects/${project.id}/blockers`, {
        token: w.officer.token, body: { category: 'power', description: '110kV 变电站未建成', ownerId: w.officer.id, dueOn: '2026-09-30' },
      });
      expect(created.status).toBe(201);
      const blocker = created.body;
      w.at('2026-10-01T00:00:01');
      await w.reconcile();
      const got = byRule(await w.notifications(w.officer), 'blocker_overdue', blocker.id);
      expect(got).toHaveLength(1);
      expect(got[0].body).toContain('电力配套：110kV 变电站未建成');
      w.at('2026-10-08T09:00:00');
      expect((await w.t.request('POST', `/api/blockers/${blocker.id}/resolve`, { token: w.officer.token, body: { resolution: '临时用电已接入' } })).status).toBe(200);
      w.at('2026-10-20T00:00:00');
      await w.reconcile();
      expect(byRule(await w.notifications(w.leader), 'blocker_overdue', blocker.id)).toEqual([]);
    });
  });

  describe('a stale project', () => {
    it('is reported after its stage threshold without a visit; a visit stops that chain and starts a new one', async () => {
      const admin = await w.t.adminToken();
      const rule = (await w.t.request('GET', '/api/reminder-rules/stale_project', { token: admin })).body;
      const patched = await w.t.request('PATCH', '/api/reminder-rules/stale_project', {
        token: admin,
        body: { version: rule.version, stageThresholds: { intention: { value: 2, unit: 'working_days' } }, escalation: { managers: { value: 1, unit: 'working_days' } } },
      });
      expect(patched.status).toBe(200);
      try {
        w.at('2026-09-29T10:00:00');
        const project = await newProject(`物流园${backend.name}`);
        // 2 working days: 30 September, then 8 October
        w.at('2026-10-08T09:59:00');
        await w.reconcile();
        expect(byRule(await w.notifications(w.officer), 'stale_project', project.id)).toEqual([]);
        w.at('2026-10-08T10:00:01');
        await w.reconcile();
        const first = byRule(await w.notifications(w.officer), 'stale_project', project.id);
        expect(first).toHaveLength(1);
        expect(first[0].body).toContain('本阶段时限 2 个工作日');

        w.at('2026-10-08T15:00:00');
        const visit = await w.t.request('POST', `/api/projects/${project.id}/visits`, {
          token: w.officer.token, body: { kind: 'outbound_visit', occurredAt: local('2026-10-08T15:00:00').toISOString(), summary: '上门服务' },
        });
        expect(visit.status).toBe(201);
        // the old chain would have reached the managers on the 9th at 10:00: it is over
        w.at('2026-10-09T10:00:01');
        await w.reconcile();
        expect(byRule(await w.notifications(w.manager), 'stale_project', project.id)).toEqual([]);
        // the new one: 2 working days after the visit is the 调休 Saturday 10 October, 15:00
        w.at('2026-10-10T15:00:01');
        await w.reconcile();
        expect(byRule(await w.notifications(w.officer), 'stale_project', project.id)).toHaveLength(2);
      } finally {
        const now = (await w.t.request('GET', '/api/reminder-rules/stale_project', { token: admin })).body;
        await w.t.request('PATCH', '/api/reminder-rules/stale_project', {
          token: admin, body: { version: now.version, stageThresholds: { intention: null }, escalation: { managers: { value: 10, unit: 'working_days' } } },
        });
      }
    });
  });

  describe('the working-day calendar', () => {
    it('counts the 2027 National Day week an admin entered, which the calendar package does not know', async () => {
      const admin = await w.t.adminToken();
      const put = await w.t.request('PUT', '/api/calendar/2027', {
        token: admin,
        body: {
          holidays: ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2027-10-${d}`, name: '国庆节' })),
          workdays: [{ date: '2027-09-26', name: '国庆节调休' }, { date: '2027-10-09', name: '国庆节调休' }],
        },
      });
      expect(put.status).toBe(200);
      w.at('2027-09-30T09:00:00');
      const project = await newProject(`2027项目${backend.name}`);
      const task = await newTask(project.id, '递交可研报告', '2027-09-30T10:00:00');
      // without the overrides Friday 1 and Monday 4 October would be working days: the leader on the 4th
      w.at('2027-10-04T10:00:01');
      await w.reconcile();
      expect(byRule(await w.notifications(w.leader), 'task_overdue', task.id)).toEqual([]);
      // with them: Friday 8 (1), the 调休 Saturday 9 (2)
      w.at('2027-10-09T10:00:01');
      await w.reconcile();
      expect(byRule(await w.notifications(w.leader), 'task_overdue', task.id)).toHaveLength(1);
    });
  });

  describe('a send that fails', () => {
    it('is retried with backoff, then recorded as failed and listed for the admins; a send that fails once succeeds on retry', async () => {
      const dispatcher = w.worker.get(ChannelDispatcher);
      const relay = w.worker.get(DeliveryRelay);
      const options = relay.jobOptions;
      relay.jobOptions = { ...options, attempts: 3, backoff: { type: 'fixed', delay: 100 } };
      w.at('2026-09-29T09:00:00');
      const flaky = await newProject(`偶发失败${backend.name}`);
      const broken = await newProject(`一直失败${backend.name}`);
      const flakyTask = await newTask(flaky.id, '发函', '2026-09-29T10:00:00');
      const brokenTask = await newTask(broken.id, '发函', '2026-09-29T10:00:00');
      let flakyCalls = 0;
      const channels = jest.spyOn(dispatcher, 'channelsForMany').mockImplementation(async (ids: readonly string[]) => new Map(ids.map((id) => [id, id === w.officer.id ? ['email' as const] : []])));
      const dispatch = jest.spyOn(dispatcher, 'dispatch').mockImplementation(async (d: any) => {
        if (d.subjectId === brokenTask.id) throw new Error('SMTP 服务器拒绝连接 (ECONNREFUSED)');
        if (d.subjectId === flakyTask.id && ++flakyCalls === 1) throw new Error('timeout');
      });
      try {
        w.at('2026-09-29T10:00:01'); // a Tuesday, in office hours
        await w.reconcile();
        const settled = async (subjectId: string) => {
          const deadline = Date.now() + 20_000;
          for (;;) {
            const [row] = await w.t.db.query(`SELECT * FROM deliveries WHERE subject_id = $1 AND channel = 'email'`, [subjectId]);
            if (row && row.status !== 'pending') return row;
            if (Date.now() > deadline) throw new Error(`still ${row?.status}`);
            await new Promise((r) => setTimeout(r, 50));
          }
        };
        expect(await settled(flakyTask.id)).toEqual(expect.objectContaining({ status: 'sent', attempts: 2, last_error: null }));
        expect(await settled(brokenTask.id)).toEqual(expect.objectContaining({ status: 'failed', attempts: 3, last_error: 'SMTP 服务器拒绝连接 (ECONNREFUSED)' }));

        const admin = await w.t.adminToken();
        const failed = await w.t.request('GET', '/api/reminders/deliveries?status=failed&limit=200', { token: admin });
        expect(failed.status).toBe(200);
        expect(failed.body.items.filter((d: any) => d.subjectId === brokenTask.id)).toEqual([
          expect.objectContaining({ channel: 'email', status: 'failed', attempts: 3, lastError: 'SMTP 服务器拒绝连接 (ECONNREFUSED)', recipient: { id: w.officer.id, displayName: '王专员' } }),
        ]);
        expect((await w.t.request('GET', '/api/reminders/deliveries?status=failed', { token: w.manager.token })).status).toBe(403);
        // the in-app notification was never held back by the failing email
        expect(byRule(await w.notifications(w.officer), 'task_due', brokenTask.id)).toHaveLength(1);

        // an admin puts it back once the mail server is fixed
        dispatch.mockResolvedValue(undefined);
        const id = failed.body.items.find((d: any) => d.subjectId === brokenTask.id).id;
        expect((await w.t.request('POST', `/api/reminders/deliveries/${id}/retry`, { token: admin })).status).toBe(200);
        expect((await w.t.request('POST', `/api/reminders/deliveries/${id}/retry`, { token: admin })).status).toBe(409);
        relay.staleAfterMs = 0; // its old job has finished: the reconciliation replaces it at once
        await w.reconcile();
        expect(await settled(brokenTask.id)).toEqual(expect.objectContaining({ status: 'sent' }));
      } finally {
        relay.jobOptions = options;
        relay.staleAfterMs = 60_000;
        channels.mockRestore();
        dispatch.mockRestore();
      }
    }, 60_000);
  });

  describe('a delivery whose cause was resolved after it was written', () => {
    it('is cancelled at delivery time, not sent', async () => {
      w.at('2026-09-29T09:00:00');
      const project = await newProject(`删除任务${backend.name}`);
      const task = await newTask(project.id, '临时事项', '2026-09-29T10:00:00');
      const bullWorker = w.worker.get(RemindersProcessor).worker;
      await bullWorker.pause();
      try {
        w.at('2026-09-29T10:00:01');
        await w.worker.get(ReminderScanner).reconcile();
        // resolved behind the API's back (no cancellation in its transaction): the Deliver job checks again
        await w.t.db.query(`UPDATE tasks SET done_at = now() WHERE id = $1`, [task.id]);
      } finally {
        bullWorker.resume();
      }
      await w.settle();
      const [row] = await w.t.db.query(`SELECT status FROM deliveries WHERE subject_id = $1`, [task.id]);
      expect(row.status).toBe('cancelled');
      expect(byRule(await w.notifications(w.officer), 'task_due', task.id)).toEqual([]);
    });
  });
});
