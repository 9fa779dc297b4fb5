import { toZonedDate } from '@zs/domain';
import { createTestApp, TestApp } from '../support/test-app';
import { makeProject, makeUser, TestUser } from '../support/factories';

describe('agreements', () => {
  let t: TestApp;
  let owner: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await makeUser(t, 'officer');
    outsider = await makeUser(t, 'officer');
  });
  afterAll(async () => { await t.close(); });

  it('carries a project from a visit to an investment agreement and the agreement stage (409 naming agreement before)', async () => {
    const p = await makeProject(t, owner);
    const visit = await t.request('POST', `/api/projects/${p.id}/visits`, {
      token: owner.token,
      body: { kind: 'inbound_inspection', occurredAt: '2026-01-08T10:00:00+08:00', summary: '客商来园区考察' },
    });
    expect(visit.status).toBe(201);
    const early = await t.request('POST', `/api/projects/${p.id}/transitions`, { token: owner.token, body: { to: 'agreement' } });
    expect(early.status).toBe(409);
    expect(early.body.details).toEqual([expect.objectContaining({ field: 'agreement' })]);

    const agreement = await t.request('POST', `/api/projects/${p.id}/agreements`, {
      token: owner.token,
      body: { kind: 'investment', number: 'XY-2026-001', signedOn: '2026-01-10', amount: 12000, landAreaMu: 100, committedStartOn: '2026-09-01' },
    });
    expect(agreement.status).toBe(201);
    expect(agreement.body).toMatchObject({
      projectId: p.id, kind: 'investment', signedOn: '2026-01-10', amount: 12000, landAreaMu: 100, investmentIntensity: 120,
      committedStartOn: '2026-09-01', committedLandOn: null, version: 1,
    });
    const moved = await t.request('POST', `/api/projects/${p.id}/transitions`, { token: owner.token, body: { to: 'agreement' } });
    expect(moved.status).toBe(200);
    expect(moved.body.stage).toBe('agreement');
  });

  it('computes investment intensity in 万元/亩 with 2 decimals, and null without land', async () => {
    const p = await makeProject(t, owner);
    const post = (body: Record<string, unknown>) => t.request('POST', `/api/projects/${p.id}/agreements`, { token: owner.token, body });
    expect((await post({ kind: 'framework', signedOn: '2026-01-02', amount: 5200, landAreaMu: 30 })).body.investmentIntensity).toBe(173.33);
    expect((await post({ kind: 'intent', signedOn: '2026-01-02', amount: 5200 })).body.investmentIntensity).toBeNull();
    const list = await t.request('GET', `/api/projects/${p.id}/agreements?kind=intent`, { token: owner.token });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.nextCursor).toBeNull();
  });

  it('rejects a signing date in the future, an unknown kind and a negative amount, naming the field', async () => {
    const p = await makeProject(t, owner);
    const today = toZonedDate(new Date(), 'Asia/Shanghai');
    const tomorrow = toZonedDate(new Date(Date.now() + 86_400_000), 'Asia/Shanghai');
    const post = (body: Record<string, unknown>) => t.request('POST', `/api/projects/${p.id}/agreements`, { token: owner.token, body });
    const future = await post({ kind: 'intent', signedOn: tomorrow, amount: 100 });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([expect.objectContaining({ field: 'signedOn' })]);
    expect((await post({ kind: 'intent', signedOn: today, amount: 100 })).status).toBe(201);
    const bad = await post({ kind: 'lease', signedOn: '2026-02-30', amount: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['amount', 'kind', 'signedOn']);
  });

  it('lets others read but not write (403), hides confidential projects (404), and checks versions (409)', async () => {
    const p = await makeProject(t, owner);
    const created = await t.request('POST', `/api/projects/${p.id}/agreements`, { token: owner.token, body: { kind: 'intent', signedOn: '2026-01-05', amount: 800 } });
    expect((await t.request('GET', `/api/agreements/${created.body.id}`, { token: outsider.token })).status).toBe(200);
    expect((await t.request('PATCH', `/api/agreements/${created.body.id}`, { token: outsider.token, body: { version: 1, amount: 1 } })).status).toBe(403);
    expect((await t.request('POST', `/api/projects/${p.id}/agreements`, { token: outsider.token, body: { kind: 'intent', signedOn: '2026-01-05', amount: 1 } })).status).toBe(403);

    const updated = await t.request('PATCH', `/api/agreements/${created.body.id}`, { token: owner.token, body: { version: 1, amount: 900, landAreaMu: 10 } });
    expect(updated.body).toMatchObject({ amount: 900, investmentIntensity: 90, version: 2 });
    const stale = await t.request('PATCH', `/api/agreements/${created.body.id}`, { token: owner.token, body: { version: 1, amount: 1 } });
    expect(stale.status).toBe(409);
    expect((await t.request('GET', `/api/agreements/${created.body.id}`, { token: owner.token })).body).toMatchObject({ amount: 900, version: 2 });
    const cleared = await t.request('PATCH', `/api/agreements/${created.body.id}`, { token: owner.token, body: { version: 2, landAreaMu: null } });
    expect(cleared.body).toMatchObject({ landAreaMu: null, investmentIntensity: null });

    const secret = await makeProject(t, owner, { confidential: true });
    const hidden = await t.request('POST', `/api/projects/${secret.id}/agreements`, { token: owner.token, body: { kind: 'intent', signedOn: '2026-01-05', amount: 1 } });
    expect((await t.request('GET', `/api/agreements/${hidden.body.id}`, { token: outsider.token })).status).toBe(404);
    expect((await t.request('GET', `/api/projects/${secret.id}/agreements`, { token: outsider.token })).status).toBe(404);
    expect((await t.request('GET', '/api/agreements/xyz', { token: owner.token })).status).toBe(400);
  });

  it('deletes softly (then 404, and no longer evidence), lists deleted ones for admins and restores', async () => {
    const p = await makeProject(t, owner);
    const created = await t.request('POST', `/api/projects/${p.id}/agreements`, { token: owner.token, body: { kind: 'investment', signedOn: '2026-01-05', amount: 800 } });
    expect((await t.request('DELETE', `/api/agreements/${created.body.id}`, { token: owner.token })).status).toBe(204);
    expect((await t.request('GET', `/api/agreements/${created.body.id}`, { token: owner.token })).status).toBe(404);
    expect((await t.request('POST', `/api/projects/${p.id}/transitions`, { token: owner.token, body: { to: 'agreement' } })).status).toBe(409);
    const admin = await t.adminToken();
    const deleted = await t.request('GET', `/api/projects/${p.id}/agreements?deleted=true`, { token: admin });
    expect(deleted.body.items.map((a: { id: string }) => a.id)).toEqual([created.body.id]);
    expect((await t.request('POST', `/api/agreements/${created.body.id}/restore`, { token: admin })).status).toBe(200);
    expect((await t.request('POST', `/api/projects/${p.id}/transitions`, { token: owner.token, body: { to: 'contract' } })).status).toBe(200);
  });
});
