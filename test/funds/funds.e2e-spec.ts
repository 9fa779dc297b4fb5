import { toZonedDate } from '@zs/domain';
import { createTestApp, TestApp } from '../support/test-app';
import { makeProject, makeUser, TestUser } from '../support/factories';

describe('funds in place', () => {
  let t: TestApp;
  let owner: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await makeUser(t, 'officer');
    outsider = await makeUser(t, 'officer');
  });
  afterAll(async () => { await t.close(); });

  it('records funds and answers the project’s total of live records with the list', async () => {
    const p = await makeProject(t, owner);
    const post = (body: Record<string, unknown>) => t.request('POST', `/api/projects/${p.id}/funds`, { token: owner.token, body });
    const a = await post({ amount: 1200.5, receivedOn: '2026-01-20', note: '首期注资' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ projectId: p.id, amount: 1200.5, receivedOn: '2026-01-20', note: '首期注资', version: 1 });
    await post({ amount: 800.25, receivedOn: '2026-02-20' });
    const c = await post({ amount: 3000, receivedOn: '2026-03-20' });
    let list = await t.request('GET', `/api/projects/${p.id}/funds`, { token: outsider.token });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(5000.75);
    expect(list.body.items).toHaveLength(3);
    const february = await t.request('GET', `/api/projects/${p.id}/funds?from=2026-02-01&to=2026-02-28`, { token: owner.token });
    expect(february.body.items.map((f: { amount: number }) => f.amount)).toEqual([800.25]);
    expect(february.body.total).toBe(5000.75);

    expect((await t.request('DELETE', `/api/funds/${c.body.id}`, { token: owner.token })).status).toBe(204);
    list = await t.request('GET', `/api/projects/${p.id}/funds`, { token: owner.token });
    expect(list.body.total).toBe(2000.75);
    const admin = await t.adminToken();
    expect((await t.request('POST', `/api/funds/${c.body.id}/restore`, { token: admin })).status).toBe(200);
    expect((await t.request('GET', `/api/projects/${p.id}/funds`, { token: owner.token })).body.total).toBe(5000.75);
  });

  it('rejects a zero amount and a receipt date in the future, naming the field', async () => {
    const p = await makeProject(t, owner);
    const post = (body: Record<string, unknown>) => t.request('POST', `/api/projects/${p.id}/funds`, { token: owner.token, body });
    const zero = await post({ amount: 0, receivedOn: '2026-01-20' });
    expect(zero.status).toBe(400);
    expect(zero.body.details).toEqual([expect.objectContaining({ field: 'amount' })]);
    const tomorrow = toZonedDate(new Date(Date.now() + 86_400_000), 'Asia/Shanghai');
    const future = await post({ amount: 10, receivedOn: tomorrow });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([expect.objectContaining({ field: 'receivedOn' })]);
    const text = await post({ amount: '10', receivedOn: '2026-01-20' });
    expect(text.status).toBe(400);
  });

  it('lets only the team write (403), hides confidential projects (404) and checks versions (409)', async () => {
    const p = await makeProject(t, owner);
    const fund = await t.request('POST', `/api/projects/${p.id}/funds`, { token: owner.token, body: { amount: 10, receivedOn: '2026-01-20' } });
    expect((await t.request('POST', `/api/projects/${p.id}/funds`, { token: outsider.token, body: { amount: 10, receivedOn: '2026-01-20' } })).status).toBe(403);
    expect((await t.request('PATCH', `/api/funds/${fund.body.id}`, { token: outsider.token, body: { version: 1, amount: 1 } })).status).toBe(403);
    expect((await t.request('PATCH', `/api/funds/${fund.body.id}`, { token: owner.token, body: { version: 1, amount: 20 } })).body).toMatchObject({ amount: 20, version: 2 });
    expect((await t.request('PATCH', `/api/funds/${fund.body.id}`, { token: owner.token, body: { version: 1, amount: 30 } })).status).toBe(409);
    expect((await t.request('GET', `/api/funds/${fund.body.id}`, { token: owner.token })).body.amount).toBe(20);
    const secret = await makeProject(t, owner, { confidential: true });
    expect((await t.request('GET', `/api/projects/${secret.id}/funds`, { token: outsider.token })).status).toBe(404);
    expect((await t.request('GET', '/api/funds/abc', { token: owner.token })).status).toBe(400);
  });
});
