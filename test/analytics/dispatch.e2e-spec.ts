import { addDays, toZonedDate } from '@zs/domain';
import { createTestApp, TestApp } from '../support/test-app';
import { makePark, makeProject, makeUser, TestUser, unique } from '../support/factories';

const today = () => toZonedDate(new Date(), 'Asia/Shanghai');

/** The weekly dispatch list (每周调度): what is overdue on which project, grouped by leading official. */
describe('analytics dispatch list', () => {
  let t: TestApp;
  let manager: TestUser;
  let officer: TestUser;
  let colleague: TestUser;
  let leaderA: TestUser;
  let leaderB: TestUser;
  let parkId: string;
  const ids: Record<string, string> = {};

  const post = async (path: string, token: string, body: unknown, status = 201) => {
    const res = await t.request('POST', path, { token, body });
    if (res.status !== status) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const dispatch = async (query: string, token = manager.token) => {
    const res = await t.request('GET', `/api/analytics/dispatch?${query}`, { token });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    parkId = (await makePark(t, unique('调度园区'))).id;
    const otherPark = (await makePark(t, unique('别的园区'))).id;
    manager = await makeUser(t, 'manager');
    officer = await makeUser(t, 'officer', { parkId });
    colleague = await makeUser(t, 'officer', { parkId });
    leaderA = await makeUser(t, 'leader', { displayName: '甲领导' });
    leaderB = await makeUser(t, 'leader', { displayName: '乙领导' });
    const elsewhere = await makeUser(t, 'officer', { parkId: otherPark });
    const project = async (key: string, owner: TestUser, overrides: Record<string, unknown> = {}) => {
      ids[key] = (await makeProject(t, owner, { name: `调度项目${key}`, ...overrides })).id;
      return ids[key];
    };
    const day = (n: number) => addDays(today(), n);

    const p1 = await project('P1', officer, { leaderId: leaderA.id });
    await post('/api/tasks', officer.token, { projectId: p1, title: '督促报送开工计划', dueAt: `${day(-5)}T10:00:00+08:00`, assigneeId: officer.id });
    await post('/api/tasks', officer.token, { projectId: p1, title: '下周回访', dueAt: `${day(5)}T10:00:00+08:00`, assigneeId: officer.id });

    const p2 = await project('P2', officer, { leaderId: leaderA.id });
    const milestones = await t.request('GET', `/api/projects/${p2}/milestones`, { token: officer.token });
    const registration = milestones.body.items.find((m: { key: string }) => m.key === 'business_registration');
    const patched = await t.request('PATCH', `/api/milestones/${registration.id}`, { token: officer.token, body: { dueOn: day(-20), status: 'in_progress', version: registration.version } });
    expect(patched.status).toBe(200);

    const p3 = await project('P3', officer, { leaderId: leaderB.id });
    await post(`/api/projects/${p3}/blockers`, officer.token, { category: 'power', description: '电力配套不到位', ownerId: officer.id, dueOn: day(-3) });

    const p4 = await project('P4', officer);
    await post(`/api/projects/${p4}/agreements`, officer.token, { kind: 'investment', signedOn: day(-60), amount: 5200, committedStartOn: day(-30) });

    const p5 = await project('P5', officer, { leaderId: leaderB.id });
    await post(`/api/projects/${p5}/agreements`, officer.token, { kind: 'land_transfer', signedOn: day(-60), amount: 5200, committedLandOn: day(-30) });
    await post(`/api/projects/${p5}/transitions`, officer.token, { to: 'land_delivered', occurredAt: new Date().toISOString() }, 200);

    const p6 = await project('P6', colleague, { leaderId: leaderB.id, confidential: true });
    await post(`/api/projects/${p6}/blockers`, colleague.token, { category: 'funding', description: '资金缺口', ownerId: colleague.id, dueOn: day(-10) });

    const p7 = await project('P7', officer, { leaderId: leaderA.id });
    await post('/api/tasks', officer.token, { projectId: p7, title: '已终止项目的旧任务', dueAt: `${day(-8)}T10:00:00+08:00`, assigneeId: officer.id });
    await post(`/api/projects/${p7}/transitions`, officer.token, { to: 'dropped', note: '客商放弃投资' }, 200);

    const p8 = (await makeProject(t, elsewhere, { name: '别的园区项目' })).id;
    await post('/api/tasks', elsewhere.token, { projectId: p8, title: '别处的任务', dueAt: `${day(-2)}T10:00:00+08:00`, assigneeId: elsewhere.id });
  }, 60_000);

  afterAll(async () => { await t.close(); });

  it('groups the projects with something overdue by leading official, longest overdue first, with what and since when', async () => {
    const body = await dispatch(`parkId=${parkId}`);
    const shape = body.groups.map((g: { leader: { displayName: string } | null; projects: { name: string; overdueSince: string; items: { kind: string; dueOn: string; daysOverdue: number }[] }[] }) => ({
      leader: g.leader?.displayName ?? null,
      projects: g.projects.map((p) => [p.name, p.overdueSince, p.items.map((i) => `${i.kind}:${i.daysOverdue}`)]),
    }));
    const day = (n: number) => addDays(today(), n);
    expect(shape).toEqual([
      { leader: '甲领导', projects: [['调度项目P2', day(-20), ['milestone:20']], ['调度项目P1', day(-5), ['task:5']]] },
      { leader: '乙领导', projects: [['调度项目P6', day(-10), ['blocker:10']], ['调度项目P3', day(-3), ['blocker:3']]] },
      { leader: null, projects: [['调度项目P4', day(-30), ['committed_date:30']]] },
    ]);
    expect(body).toMatchObject({ projectCount: 5, itemCount: 5, today: today() });
    const p4 = body.groups[2].projects[0];
    expect(p4.items[0]).toMatchObject({ key: 'start', title: '约定开工日期', dueOn: day(-30) });
    expect(body.groups[0].projects[0].items[0].title).toContain('工商注册');
  });

  it('leaves out met committed dates, dropped projects and other parks', async () => {
    const body = await dispatch(`parkId=${parkId}`);
    const listed = body.groups.flatMap((g: { projects: { id: string }[] }) => g.projects.map((p) => p.id));
    expect(listed).not.toContain(ids.P5);
    expect(listed).not.toContain(ids.P7);
    const all = await dispatch('');
    expect(all.projectCount).toBe(6); // the other park's project too, for a manager of every park
  });

  it('shows an officer only what they may see, and narrows to a leader or an owner', async () => {
    const own = await dispatch(`parkId=${parkId}`, officer.token);
    expect(own.groups.find((g: { leader: { id: string } | null }) => g.leader?.id === leaderB.id).projects.map((p: { id: string }) => p.id)).toEqual([ids.P3]);
    expect(own.projectCount).toBe(4);
    const byLeader = await dispatch(`leaderId=${leaderA.id}`);
    expect(byLeader.groups).toHaveLength(1);
    expect(byLeader.projectCount).toBe(2);
    const byOwner = await dispatch(`ownerId=${colleague.id}`);
    expect(byOwner.groups.flatMap((g: { projects: { id: string }[] }) => g.projects.map((p) => p.id))).toEqual([ids.P6]);
    const mine = await dispatch('leaderId=me', leaderA.token);
    expect(mine.projectCount).toBe(2);
  });
});
