import { MILESTONE_KEYS, toZonedDate } from '@zs/domain';
import { createTestApp, TestApp } from '../support/test-app';
import { makeProject, makeUser, TestUser } from '../support/factories';

describe('milestones (permit chain)', () => {
  let t: TestApp;
  let owner: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await makeUser(t, 'officer');
    outsider = await makeUser(t, 'officer');
  });
  afterAll(async () => { await t.close(); });

  it('lists the 11 standard steps in order, labelled in Chinese by default and in English on request', async () => {
    const p = await makeProject(t, owner);
    const zh = await t.request('GET', `/api/projects/${p.id}/milestones`, { token: owner.token });
    expect(zh.status).toBe(200);
    expect(zh.body.items.map((m: { key: string }) => m.key)).toEqual([...MILESTONE_KEYS]);
    expect(zh.body.items).toHaveLength(11);
    expect(zh.body.items[0]).toMatchObject({ projectId: p.id, status: 'pending', label: '核准名称及工商注册', dueOn: null, doneOn: null, version: 1, overdue: false });
    const en = await t.request('GET', `/api/projects/${p.id}/milestones`, { token: owner.token, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.body.items[4]).toMatchObject({ key: 'eia', label: 'Environmental impact assessment' });
    expect((await t.request('GET', `/api/projects/${p.id}/milestones`, { token: outsider.token })).status).toBe(200);
  });

  it('sets doneOn to today (park time zone) when a step is done without one, and clears it when reopened', async () => {
    const p = await makeProject(t, owner);
    const [first] = (await t.request('GET', `/api/projects/${p.id}/milestones`, { token: owner.token })).body.items;
    const done = await t.request('PATCH', `/api/milestones/${first.id}`, { token: owner.token, body: { version: 1, status: 'done' } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', doneOn: toZonedDate(new Date(), 'Asia/Shanghai'), version: 2 });
    const backdated = await t.request('PATCH', `/api/milestones/${first.id}`, { token: owner.token, body: { version: 2, doneOn: '2026-01-15', note: '已取得营业执照' } });
    expect(backdated.body).toMatchObject({ status: 'done', doneOn: '2026-01-15', note: '已取得营业执照' });
    const reopened = await t.request('PATCH', `/api/milestones/${first.id}`, { token: owner.token, body: { version: 3, status: 'in_progress' } });
    expect(reopened.body).toMatchObject({ status: 'in_progress', doneOn: null });
  });

  it('rejects a doneOn on a step that is not done, a future doneOn and an unknown status (400), and a stale version (409)', async () => {
    const p = await makeProject(t, owner);
    const steps = (await t.request('GET', `/api/projects/${p.id}/milestones`, { token: owner.token })).body.items;
    const eia = steps.find((m: { key: string }) => m.key === 'eia');
    const pending = await t.request('PATCH', `/api/milestones/${eia.id}`, { token: owner.token, body: { version: 1, doneOn: '2026-01-15' } });
    expect(pending.status).toBe(400);
    expect(pending.body.details).toEqual([expect.objectContaining({ field: 'doneOn' })]);
    const future = await t.request('PATCH', `/api/milestones/${eia.id}`, { token: owner.token, body: { version: 1, status: 'done', doneOn: '2999-01-01' } });
    expect(future.status).toBe(400);
    const status = await t.request('PATCH', `/api/milestones/${eia.id}`, { token: owner.token, body: { version: 1, status: 'skipped' } });
    expect(status.status).toBe(400);
    expect(status.body.details).toEqual([expect.objectContaining({ field: 'status' })]);
    const key = await t.request('PATCH', `/api/milestones/${eia.id}`, { token: owner.token, body: { version: 1, key: 'other' } });
    expect(key.status).toBe(400);

    const ok = await t.request('PATCH', `/api/milestones/${eia.id}`, { token: owner.token, body: { version: 1, status: 'not_needed', dueOn: '2026-03-01', ownerId: owner.id } });
    expect(ok.body).toMatchObject({ status: 'not_needed', dueOn: '2026-03-01', ownerId: owner.id, version: 2 });
    const stale = await t.request('PATCH', `/api/milestones/${eia.id}`, { token: owner.token, body: { version: 1, status: 'pending' } });
    expect(stale.status).toBe(409);
    expect((await t.request('GET', `/api/milestones/${eia.id}`, { token: owner.token })).body).toMatchObject({ status: 'not_needed', version: 2 });
  });

  it('flags pending steps past their due date as overdue', async () => {
    const p = await makeProject(t, owner);
    const steps = (await t.request('GET', `/api/projects/${p.id}/milestones`, { token: owner.token })).body.items;
    const late = await t.request('PATCH', `/api/milestones/${steps[1].id}`, { token: owner.token, body: { version: 1, dueOn: '2025-01-01' } });
    expect(late.body.overdue).toBe(true);
  });

  it('lets only the team write (403), hides confidential chains (404), and has no create or delete', async () => {
    const p = await makeProject(t, owner);
    const [first] = (await t.request('GET', `/api/projects/${p.id}/milestones`, { token: owner.token })).body.items;
    expect((await t.request('PATCH', `/api/milestones/${first.id}`, { token: outsider.token, body: { version: 1, status: 'done' } })).status).toBe(403);
    expect((await t.request('DELETE', `/api/milestones/${first.id}`, { token: owner.token })).status).toBe(404);
    expect((await t.request('POST', `/api/projects/${p.id}/milestones`, { token: owner.token, body: { key: 'eia' } })).status).toBe(404);
    const secret = await makeProject(t, owner, { confidential: true });
    const [hidden] = (await t.request('GET', `/api/projects/${secret.id}/milestones`, { token: owner.token })).body.items;
    expect((await t.request('GET', `/api/projects/${secret.id}/milestones`, { token: outsider.token })).status).toBe(404);
    expect((await t.request('PATCH', `/api/milestones/${hidden.id}`, { token: outsider.token, body: { version: 1, status: 'done' } })).status).toBe(404);
    expect((await t.request('GET', '/api/milestones/1', { token: owner.token })).status).toBe(400);
  });
});
