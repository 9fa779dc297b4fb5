import { createTestApp, TestApp } from '../support/test-app';
import { makeCompany, makePark, makeProject, makeUser, TestUser, unique } from '../support/factories';

describe('projects', () => {
  let t: TestApp;
  let officer: TestUser;
  let otherOfficer: TestUser;
  let manager: TestUser;
  let leader: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    [officer, otherOfficer, manager, leader] = await Promise.all([
      makeUser(t, 'officer'), makeUser(t, 'officer'), makeUser(t, 'manager'), makeUser(t, 'leader'),
    ]);
  });
  afterAll(async () => { await t.close(); });

  it('creates a project in intention with a generated code, its permit chain and a first history entry', async () => {
    const company = await makeCompany(t, officer.token, { name: '天齐锂业股份有限公司', industry: 'lithium_materials' });
    const res = await t.request('POST', '/api/projects', {
      token: officer.token,
      body: { name: '年产1500吨高纯氯化锂项目', companyId: company.id, industry: 'lithium_materials', channel: 'investor_referral', totalInvestment: 5200, ownerId: officer.id, leaderId: leader.id },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ stage: 'intention', totalInvestment: 5200, companyName: '天齐锂业股份有限公司', version: 1 });
    expect(res.body.code).toMatch(/^ZS-\d{4}-\d{4}$/);
    const history = await t.request('GET', `/api/projects/${res.body.id}/history`, { token: officer.token });
    expect(history.body.stages).toEqual([expect.objectContaining({ from: null, to: 'intention', by: { id: officer.id, displayName: expect.any(String) } })]);
    const found = await t.request('GET', '/api/projects?q=锂业', { token: otherOfficer.token });
    expect(found.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);
    const byName = await t.request('GET', `/api/projects?q=${encodeURIComponent('氯化锂')}`, { token: manager.token });
    expect(byName.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);
  });

  it('hands out consecutive codes', async () => {
    const a = await makeProject(t, officer);
    const b = await makeProject(t, officer);
    expect(Number(b.code.slice(-4))).toBe(Number(a.code.slice(-4)) + 1);
  });

  it('rejects unknown and read-only fields with 400 naming them', async () => {
    const company = await makeCompany(t, officer.token);
    const res = await t.request('POST', '/api/projects', {
      token: officer.token,
      body: { name: '某项目', companyId: company.id, industry: 'textile', channel: 'expo', totalInvestment: 1, ownerId: officer.id, stage: 'production', code: 'X', colour: 'red' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'colour', 'stage']);
  });

  it('rejects a bad enum, a negative amount and an unknown industry, each naming its field', async () => {
    const company = await makeCompany(t, officer.token);
    const bad = await t.request('POST', '/api/projects', {
      token: officer.token,
      body: { name: '某项目', companyId: company.id, industry: 'textile', channel: 'pigeon', totalInvestment: -5, ownerId: officer.id },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['channel', 'totalInvestment']);
    const industry = await t.request('POST', '/api/projects', {
      token: officer.token,
      body: { name: '某项目', companyId: company.id, industry: 'alchemy', channel: 'expo', totalInvestment: 5, ownerId: officer.id },
    });
    expect(industry.status).toBe(400);
    expect(industry.body.details[0].field).toBe('industry');
  });

  it('records every field change with who and when; a stale version gets 409 and changes nothing', async () => {
    const project = await makeProject(t, officer);
    const ok = await t.request('PATCH', `/api/projects/${project.id}`, { token: officer.token, body: { version: project.version, totalInvestment: 12000, landAreaMu: 100 } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ totalInvestment: 12000, landAreaMu: 100, version: project.version + 1 });
    const stale = await t.request('PATCH', `/api/projects/${project.id}`, { token: officer.token, body: { version: project.version, totalInvestment: 1 } });
    expect(stale.status).toBe(409);
    const after = await t.request('GET', `/api/projects/${project.id}`, { token: officer.token });
    expect(after.body.totalInvestment).toBe(12000);
    const history = await t.request('GET', `/api/projects/${project.id}/history`, { token: officer.token });
    expect(history.body.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'totalInvestment', from: 5200, to: 12000, by: expect.objectContaining({ id: officer.id }) }),
      expect.objectContaining({ field: 'landAreaMu', from: null, to: 100 }),
    ]));
  });

  it('clears optional fields sent as null (包抓领导, region, figures, dates, code, phase) and keeps the change in the history', async () => {
    const project = await makeProject(t, officer, {
      leaderId: leader.id, originRegion: 'sichuan', landAreaMu: 60, expectedJobs: 300, projectCode: '2026-510000-26-03-000001', phase: '一期',
      landDeliveredOn: '2026-03-01',
    });
    const cleared = { leaderId: null, originRegion: null, landAreaMu: null, expectedJobs: null, projectCode: null, phase: null, landDeliveredOn: null };
    const res = await t.request('PATCH', `/api/projects/${project.id}`, { token: officer.token, body: { version: project.version, ...cleared } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...cleared, version: project.version + 1 });
    const [row] = await t.db.query(`SELECT leader_id, origin_region, land_area_mu, land_delivered_on FROM projects WHERE id = $1`, [project.id]);
    expect(row).toEqual({ leader_id: null, origin_region: null, land_area_mu: null, land_delivered_on: null });
    const history = await t.request('GET', `/api/projects/${project.id}/history`, { token: officer.token });
    expect(history.body.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'leaderId', from: leader.id, to: null }),
      expect.objectContaining({ field: 'landDeliveredOn', from: '2026-03-01', to: null }),
    ]));
  });

  it('refuses null for a field a project cannot be without (400 naming each), changing nothing', async () => {
    const project = await makeProject(t, officer);
    const res = await t.request('PATCH', `/api/projects/${project.id}`, {
      token: officer.token, body: { version: project.version, name: null, ownerId: null, totalInvestment: null, assistantIds: null },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['assistantIds', 'name', 'ownerId', 'totalInvestment']);
    expect((await t.request('GET', `/api/projects/${project.id}`, { token: officer.token })).body.version).toBe(project.version);
  });

  it('lets the team, managers and admins write; another officer may read but gets 403 on write', async () => {
    const project = await makeProject(t, officer);
    expect((await t.request('GET', `/api/projects/${project.id}`, { token: otherOfficer.token })).status).toBe(200);
    const denied = await t.request('PATCH', `/api/projects/${project.id}`, { token: otherOfficer.token, body: { version: 1, name: '改名' } });
    expect(denied.status).toBe(403);
    const byManager = await t.request('PATCH', `/api/projects/${project.id}`, { token: manager.token, body: { version: 1, name: '改名' } });
    expect(byManager.status).toBe(200);
  });

  it('hides a confidential project from everyone outside its team, managers and admins (404)', async () => {
    const project = await makeProject(t, officer, { confidential: true, leaderId: leader.id });
    for (const token of [officer.token, leader.token, manager.token, await t.adminToken()]) {
      expect((await t.request('GET', `/api/projects/${project.id}`, { token })).status).toBe(200);
    }
    expect((await t.request('GET', `/api/projects/${project.id}`, { token: otherOfficer.token })).status).toBe(404);
    expect((await t.request('GET', `/api/projects/${project.id}/history`, { token: otherOfficer.token })).status).toBe(404);
    expect((await t.request('POST', `/api/projects/${project.id}/transitions`, { token: otherOfficer.token, body: { to: 'negotiation' } })).status).toBe(404);
    const list = await t.request('GET', '/api/projects?limit=200', { token: otherOfficer.token });
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(project.id);
  });

  it('keeps sibling parks apart: a user of one park sees nothing of the other (404), the bureau manager sees both', async () => {
    const parkA = await makePark(t, unique('官渡园区'));
    const parkB = await makePark(t, unique('大道湾园区'));
    const officerA = await makeUser(t, 'officer', { parkId: parkA.id });
    const managerB = await makeUser(t, 'manager', { parkId: parkB.id });
    const projectA = await makeProject(t, officerA);
    expect(projectA.parkId).toBe(parkA.id);
    expect((await t.request('GET', `/api/projects/${projectA.id}`, { token: managerB.token })).status).toBe(404);
    expect((await t.request('PATCH', `/api/projects/${projectA.id}`, { token: managerB.token, body: { version: 1, name: '改名项目' } })).status).toBe(404);
    expect((await t.request('DELETE', `/api/projects/${projectA.id}`, { token: managerB.token })).status).toBe(404);
    const listB = await t.request('GET', '/api/projects?limit=200', { token: managerB.token });
    expect(listB.body.items.map((p: { id: string }) => p.id)).not.toContain(projectA.id);
    // the root bureau's manager sees the park's project
    expect((await t.request('GET', `/api/projects/${projectA.id}`, { token: manager.token })).status).toBe(200);
    const filtered = await t.request('GET', `/api/projects?parkId=${parkA.id}`, { token: manager.token });
    expect(filtered.body.items.map((p: { id: string }) => p.id)).toEqual([projectA.id]);
  });

  it('deletes softly (managers only), lists deleted for admins and restores', async () => {
    const project = await makeProject(t, officer);
    expect((await t.request('DELETE', `/api/projects/${project.id}`, { token: officer.token })).status).toBe(403);
    expect((await t.request('DELETE', `/api/projects/${project.id}`, { token: manager.token })).status).toBe(204);
    expect((await t.request('GET', `/api/projects/${project.id}`, { token: manager.token })).status).toBe(404);
    expect((await t.request('GET', '/api/projects?deleted=true', { token: manager.token })).status).toBe(403);
    const admin = await t.adminToken();
    const deleted = await t.request('GET', '/api/projects?deleted=true&limit=200', { token: admin });
    expect(deleted.body.items.map((p: { id: string }) => p.id)).toContain(project.id);
    const restored = await t.request('POST', `/api/projects/${project.id}/restore`, { token: admin });
    expect(restored.status).toBe(200);
    expect((await t.request('GET', `/api/projects/${project.id}`, { token: officer.token })).status).toBe(200);
  });

  it('returns every row exactly once across cursor pages', async () => {
    const owner = await makeUser(t, 'officer');
    const created = new Set<string>();
    for (let i = 0; i < 7; i++) created.add((await makeProject(t, owner)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await t.request('GET', `/api/projects?ownerId=${owner.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: owner.token });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((p) => p.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(created);
    expect((await t.request('GET', '/api/projects?limit=201', { token: owner.token })).status).toBe(400);
    expect((await t.request('GET', '/api/projects?cursor=garbage', { token: owner.token })).status).toBe(400);
  });

  it('creates one record for the same Idempotency-Key twice, and refuses the key with another body (422)', async () => {
    const company = await makeCompany(t, officer.token);
    const body = { name: unique('幂等项目'), companyId: company.id, industry: 'textile', channel: 'online', totalInvestment: 800, ownerId: officer.id };
    const headers = { 'Idempotency-Key': unique('key') };
    const first = await t.request('POST', '/api/projects', { token: officer.token, body, headers });
    const second = await t.request('POST', '/api/projects', { token: officer.token, body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const list = await t.request('GET', `/api/projects?q=${encodeURIComponent(body.name)}`, { token: officer.token });
    expect(list.body.items).toHaveLength(1);
    const other = await t.request('POST', '/api/projects', { token: officer.token, body: { ...body, totalInvestment: 900 }, headers });
    expect(other.status).toBe(422);
    // the key is the caller's own: another user may use the same key for their own request
    const mine = await t.request('POST', '/api/projects', { token: manager.token, body: { ...body, name: unique('另一项目') }, headers });
    expect(mine.status).toBe(201);
    expect(mine.body.id).not.toBe(first.body.id);
  });

  it('answers 400 naming id for a malformed id, 404 for an unknown one, 401 without a token', async () => {
    const bad = await t.request('GET', '/api/projects/not-a-uuid', { token: officer.token });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('id');
    expect((await t.request('GET', '/api/projects/00000000-0000-4000-8000-000000000000', { token: officer.token })).status).toBe(404);
    expect((await t.request('GET', '/api/projects')).status).toBe(401);
  });
});
