import { createTestApp, TestApp } from '../support/test-app';
import { makeProject, makeUser, TestUser } from '../support/factories';

describe('blockers', () => {
  let t: TestApp;
  let owner: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await makeUser(t, 'officer');
    outsider = await makeUser(t, 'officer');
  });
  afterAll(async () => { await t.close(); });

  const body = (extra: Record<string, unknown> = {}) => ({ category: 'power', description: '电力配套不到位', ownerId: owner.id, dueOn: '2030-06-30', ...extra });

  it('records a blocker and resolves it with 200 and a resolution (a second resolve is 409)', async () => {
    const p = await makeProject(t, owner);
    const created = await t.request('POST', `/api/projects/${p.id}/blockers`, { token: owner.token, body: body() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ projectId: p.id, category: 'power', status: 'open', resolvedAt: null, resolution: null, version: 1 });
    const resolved = await t.request('POST', `/api/blockers/${created.body.id}/resolve`, { token: owner.token, body: { resolution: '供电公司已完成线路改造' } });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: '供电公司已完成线路改造', resolvedAt: expect.any(String), version: 2 });
    const again = await t.request('POST', `/api/blockers/${created.body.id}/resolve`, { token: owner.token, body: { resolution: '再次' } });
    expect(again.status).toBe(409);
    const empty = await t.request('POST', `/api/blockers/${created.body.id}/resolve`, { token: owner.token, body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.details).toEqual([expect.objectContaining({ field: 'resolution' })]);
    const reopened = await t.request('PATCH', `/api/blockers/${created.body.id}`, { token: owner.token, body: { version: 2, resolvedAt: null } });
    expect(reopened.body).toMatchObject({ status: 'open', resolvedAt: null, resolution: null, version: 3 });
  });

  it('filters open, overdue and resolved blockers', async () => {
    const p = await makeProject(t, owner);
    const late = await t.request('POST', `/api/projects/${p.id}/blockers`, { token: owner.token, body: body({ category: 'funding', description: '资金缺口', dueOn: '2025-01-01' }) });
    expect(late.body.status).toBe('overdue');
    const open = await t.request('POST', `/api/projects/${p.id}/blockers`, { token: owner.token, body: body() });
    const done = await t.request('POST', `/api/projects/${p.id}/blockers`, {
      token: owner.token, body: body({ category: 'construction_drawings', resolvedAt: '2026-01-02T10:00:00+08:00', resolution: '施工图已审查' }),
    });
    expect(done.body.status).toBe('resolved');
    const ids = async (query: string) =>
      (await t.request('GET', `/api/projects/${p.id}/blockers?${query}`, { token: owner.token })).body.items.map((b: { id: string }) => b.id).sort();
    expect(await ids('status=overdue')).toEqual([late.body.id]);
    expect(await ids('status=open')).toEqual([late.body.id, open.body.id].sort());
    expect(await ids('status=resolved')).toEqual([done.body.id]);
    expect(await ids('category=funding')).toEqual([late.body.id]);
    expect(await ids('ownerId=me')).toHaveLength(3);
  });

  it('validates category, owner and resolution consistency, naming the field', async () => {
    const p = await makeProject(t, owner);
    const post = (b: Record<string, unknown>) => t.request('POST', `/api/projects/${p.id}/blockers`, { token: owner.token, body: b });
    const category = await post(body({ category: 'weather' }));
    expect(category.status).toBe(400);
    expect(category.body.details).toEqual([expect.objectContaining({ field: 'category' })]);
    const ownerless = await post(body({ ownerId: '00000000-0000-4000-8000-000000000000' }));
    expect(ownerless.status).toBe(400);
    expect(ownerless.body.details).toEqual([expect.objectContaining({ field: 'ownerId' })]);
    const noResolution = await post(body({ resolvedAt: '2026-01-02T10:00:00+08:00' }));
    expect(noResolution.status).toBe(400);
    expect(noResolution.body.details).toEqual([expect.objectContaining({ field: 'resolution' })]);
    const missing = await post({ category: 'land' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['description', 'dueOn', 'ownerId']);
  });

  it('lists the categories with labels in the request’s language', async () => {
    const zh = await t.request('GET', '/api/blockers/categories', { token: owner.token });
    expect(zh.status).toBe(200);
    expect(zh.body.items).toContainEqual({ key: 'power', label: '电力配套' });
    expect(zh.body.items.map((c: { key: string }) => c.key)).toEqual(['power', 'permits', 'funding', 'land', 'construction_drawings', 'infrastructure', 'other']);
    const en = await t.request('GET', '/api/blockers/categories', { token: owner.token, headers: { 'accept-language': 'en' } });
    expect(en.body.items).toContainEqual({ key: 'funding', label: 'Funding gap' });
  });

  it('lets the blocker’s owner outside the team resolve it, and nobody else outside it write (403); confidential is 404', async () => {
    const p = await makeProject(t, owner);
    const helper = await t.request('POST', `/api/projects/${p.id}/blockers`, { token: owner.token, body: body({ ownerId: outsider.id }) });
    expect(helper.status).toBe(201);
    expect((await t.request('PATCH', `/api/blockers/${helper.body.id}`, { token: outsider.token, body: { version: 1, description: '改' } })).status).toBe(403);
    expect((await t.request('POST', `/api/blockers/${helper.body.id}/resolve`, { token: outsider.token, body: { resolution: '已协调' } })).status).toBe(200);
    const other = await t.request('POST', `/api/projects/${p.id}/blockers`, { token: owner.token, body: body() });
    expect((await t.request('POST', `/api/blockers/${other.body.id}/resolve`, { token: outsider.token, body: { resolution: 'x' } })).status).toBe(403);
    expect((await t.request('POST', `/api/projects/${p.id}/blockers`, { token: outsider.token, body: body() })).status).toBe(403);

    const secret = await makeProject(t, owner, { confidential: true });
    const hidden = await t.request('POST', `/api/projects/${secret.id}/blockers`, { token: owner.token, body: body() });
    expect((await t.request('GET', `/api/blockers/${hidden.body.id}`, { token: outsider.token })).status).toBe(404);
    expect((await t.request('GET', `/api/projects/${secret.id}/blockers`, { token: outsider.token })).status).toBe(404);
  });

  it('checks versions (409, nothing changed), deletes softly and restores for admins', async () => {
    const p = await makeProject(t, owner);
    const created = await t.request('POST', `/api/projects/${p.id}/blockers`, { token: owner.token, body: body() });
    await t.request('PATCH', `/api/blockers/${created.body.id}`, { token: owner.token, body: { version: 1, dueOn: '2030-07-31' } });
    const stale = await t.request('PATCH', `/api/blockers/${created.body.id}`, { token: owner.token, body: { version: 1, dueOn: '2030-08-31' } });
    expect(stale.status).toBe(409);
    expect((await t.request('GET', `/api/blockers/${created.body.id}`, { token: owner.token })).body).toMatchObject({ dueOn: '2030-07-31', version: 2 });
    expect((await t.request('DELETE', `/api/blockers/${created.body.id}`, { token: owner.token })).status).toBe(204);
    expect((await t.request('GET', `/api/blockers/${created.body.id}`, { token: owner.token })).status).toBe(404);
    const admin = await t.adminToken();
    expect((await t.request('POST', `/api/blockers/${created.body.id}/restore`, { token: admin })).status).toBe(200);
    expect((await t.request('GET', `/api/blockers/${created.body.id}`, { token: owner.token })).status).toBe(200);
  });
});
