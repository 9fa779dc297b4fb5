import { createTestApp, TestApp } from '../support/test-app';
import { makeCompany, makePark, makeProject, makeUser, TestUser, unique } from '../support/factories';

/**
 * Broken object-level authorisation is found by tests, not scanners: every `:id` route, read and written by
 * every role of the project's park and of a sibling park. Writes send a stale version, so a permitted write
 * answers 409 and changes nothing, a forbidden one 403, an invisible one 404.
 */
describe('access rules on every resource, for each role and across sibling parks', () => {
  let t: TestApp;
  let admin: string;
  const who: Record<string, TestUser> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    const parkA = await makePark(t, unique('甲园区'));
    const parkB = await makePark(t, unique('乙园区'));
    for (const [key, role, park] of [
      ['owner', 'officer', parkA], ['colleague', 'officer', parkA], ['leader', 'leader', parkA], ['manager', 'manager', parkA],
      ['strangerOfficer', 'officer', parkB], ['strangerManager', 'manager', parkB],
    ] as const) who[key] = await makeUser(t, role, { parkId: park.id });
    const owner = who.owner;
    const company = await makeCompany(t, owner.token);
    ids.company = company.id;
    ids.contact = (await t.request('POST', `/api/companies/${company.id}/contacts`, { token: owner.token, body: { name: '王经理', mobile: '13800000000' } })).body.id;
    for (const [key, confidential] of [['open', false], ['secret', true]] as const) {
      const project = await makeProject(t, owner, { companyId: company.id, leaderId: who.leader.id, confidential });
      ids[`${key}:projects`] = project.id;
      const post = async (path: string, body: Record<string, unknown>) => {
        const res = await t.request('POST', path, { token: owner.token, body });
        if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body.id as string;
      };
      ids[`${key}:visits`] = await post(`/api/projects/${project.id}/visits`, { kind: 'outbound_visit', occurredAt: new Date().toISOString(), summary: '拜访' });
      ids[`${key}:agreements`] = await post(`/api/projects/${project.id}/agreements`, { kind: 'intent', signedOn: '2026-01-05', amount: 1000 });
      ids[`${key}:blockers`] = await post(`/api/projects/${project.id}/blockers`, { category: 'power', description: '电力配套不到位', ownerId: owner.id, dueOn: '2026-12-01' });
      ids[`${key}:funds`] = await post(`/api/projects/${project.id}/funds`, { amount: 100, receivedOn: '2026-01-10' });
      ids[`${key}:tasks`] = await post('/api/tasks', { projectId: project.id, title: '跟进', dueAt: new Date(Date.now() + 86_400_000).toISOString(), assigneeId: owner.id });
      const milestones = await t.request('GET', `/api/projects/${project.id}/milestones`, { token: owner.token });
      ids[`${key}:milestones`] = milestones.body.items[0].id;
    }
    ids.lead = (await t.request('POST', '/api/leads', {
      token: owner.token,
      body: { title: '某锂电项目线索', companyName: unique('某锂电公司'), industry: 'lithium_materials', channel: 'online', summary: '网上获知', receivedOn: '2026-11-01' },
    })).body.id;
  });
  afterAll(async () => { await t.close(); });

  const tokenOf = (role: string) => (role === 'admin' ? admin : who[role].token);
  const ROLES = ['owner', 'colleague', 'leader', 'manager', 'strangerOfficer', 'strangerManager', 'admin'];
  const RECORDS = ['projects', 'visits', 'agreements', 'milestones', 'blockers', 'funds', 'tasks'];

  // expected [read, stale write] per role
  const OPEN: Record<string, [number, number]> = {
    owner: [200, 409], colleague: [200, 403], leader: [200, 409], manager: [200, 409],
    strangerOfficer: [404, 404], strangerManager: [404, 404], admin: [200, 409],
  };
  const SECRET: Record<string, [number, number]> = { ...OPEN, colleague: [404, 404] };

  for (const record of RECORDS) {
    for (const [key, expected] of [['open', OPEN], ['secret', SECRET]] as const) {
      it(`${record} of a ${key === 'open' ? 'normal' : 'confidential'} project`, async () => {
        const id = ids[`${key}:${record}`];
        const got: Record<string, [number, number]> = {};
        for (const role of ROLES) {
          const read = await t.request('GET', `/api/${record}/${id}`, { token: tokenOf(role) });
          const write = await t.request('PATCH', `/api/${record}/${id}`, { token: tokenOf(role), body: { version: 999 } });
          got[role] = [read.status, write.status];
        }
        expect(got).toEqual(expected);
      });
    }
  }

  it('a lead exists only for its reporter, its assignee and the managers of its parks', async () => {
    const got: Record<string, number> = {};
    for (const role of ROLES) got[role] = (await t.request('GET', `/api/leads/${ids.lead}`, { token: tokenOf(role) })).status;
    expect(got).toEqual({ owner: 200, colleague: 404, leader: 404, manager: 200, strangerOfficer: 404, strangerManager: 404, admin: 200 });
  });

  it('companies and contacts are shared inside a park and invisible to the sibling park', async () => {
    for (const path of [`/api/companies/${ids.company}`, `/api/contacts/${ids.contact}`]) {
      const got: Record<string, number> = {};
      for (const role of ROLES) got[role] = (await t.request('GET', path, { token: tokenOf(role) })).status;
      expect(got).toEqual({ owner: 200, colleague: 200, leader: 200, manager: 200, strangerOfficer: 404, strangerManager: 404, admin: 200 });
    }
  });

  it('answers 401 on every route without a token', async () => {
    for (const path of ['/api/projects', '/api/visits', '/api/tasks', '/api/leads', '/api/companies', '/api/users', '/api/parks', '/api/dictionaries', `/api/projects/${ids['open:projects']}/history`]) {
      expect((await t.request('GET', path)).status).toBe(401);
    }
  });

  it('keeps admin-only operations from managers and officers (403)', async () => {
    for (const role of ['owner', 'manager']) {
      expect((await t.request('POST', '/api/users', { token: tokenOf(role), body: { username: unique('u'), password: 'password-123', displayName: 'x', role: 'officer' } })).status).toBe(403);
      expect((await t.request('POST', '/api/parks', { token: tokenOf(role), body: { name: unique('园区') } })).status).toBe(403);
      expect((await t.request('POST', '/api/dictionaries/industries', { token: tokenOf(role), body: { key: 'new_energy', labelZh: '新能源', labelEn: 'New energy' } })).status).toBe(403);
      expect((await t.request('GET', '/api/projects?deleted=true', { token: tokenOf(role) })).status).toBe(403);
    }
  });
});
