import { createTestApp, TestApp } from '../support/test-app';
import { makeProject, makeUser, TestUser } from '../support/factories';

const daysFromNow = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

describe('tasks', () => {
  let t: TestApp;
  let owner: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await makeUser(t, 'officer');
    outsider = await makeUser(t, 'officer');
  });
  afterAll(async () => { await t.close(); });

  const newTask = (token: string, body: Record<string, unknown>) => t.request('POST', '/api/tasks', { token, body });

  it('keeps the project’s nextFollowUpAt at the earliest open task through create, patch, done and delete', async () => {
    const p = await makeProject(t, owner);
    const nextFollowUp = async () => (await t.request('GET', `/api/projects/${p.id}`, { token: owner.token })).body.nextFollowUpAt;
    const later = await newTask(owner.token, { projectId: p.id, title: '报送开工计划', dueAt: daysFromNow(10), assigneeId: owner.id });
    expect(later.status).toBe(201);
    expect(later.body).toMatchObject({ projectId: p.id, title: '报送开工计划', assigneeId: owner.id, status: 'open', doneAt: null, version: 1, projectName: p.name });
    const sooner = await newTask(owner.token, { projectId: p.id, title: '约见供电公司', dueAt: daysFromNow(3), assigneeId: owner.id });
    expect(await nextFollowUp()).toBe(sooner.body.dueAt);

    const moved = await t.request('PATCH', `/api/tasks/${sooner.body.id}`, { token: owner.token, body: { version: 1, dueAt: daysFromNow(20) } });
    expect(moved.status).toBe(200);
    expect(await nextFollowUp()).toBe(later.body.dueAt);

    await t.request('POST', `/api/tasks/${later.body.id}/done`, { token: owner.token });
    expect(await nextFollowUp()).toBe(moved.body.dueAt);
    expect((await t.request('DELETE', `/api/tasks/${sooner.body.id}`, { token: owner.token })).status).toBe(204);
    expect(await nextFollowUp()).toBeNull();
    expect((await t.request('GET', `/api/tasks/${sooner.body.id}`, { token: owner.token })).status).toBe(404);

    const admin = await t.adminToken();
    const restored = await t.request('POST', `/api/tasks/${sooner.body.id}/restore`, { token: admin });
    expect(restored.status).toBe(200);
    expect(await nextFollowUp()).toBe(moved.body.dueAt);
  });

  it('completes a task idempotently: done twice stays done with the first doneAt', async () => {
    const p = await makeProject(t, owner);
    const task = await newTask(owner.token, { projectId: p.id, title: '回访', dueAt: daysFromNow(1), assigneeId: owner.id });
    const first = await t.request('POST', `/api/tasks/${task.body.id}/done`, { token: owner.token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'done', doneById: owner.id, doneAt: expect.any(String) });
    const second = await t.request('POST', `/api/tasks/${task.body.id}/done`, { token: owner.token });
    expect(second.status).toBe(200);
    expect(second.body.doneAt).toBe(first.body.doneAt);
    expect(second.body.version).toBe(first.body.version);
  });

  it('filters open, overdue and done tasks for the caller', async () => {
    const me = await makeUser(t, 'officer');
    const p = await makeProject(t, me);
    const overdue = await newTask(me.token, { projectId: p.id, title: '逾期', dueAt: daysFromNow(-2), assigneeId: me.id });
    const open = await newTask(me.token, { projectId: p.id, title: '未到期', dueAt: daysFromNow(2), assigneeId: me.id });
    const done = await newTask(me.token, { projectId: p.id, title: '已完成', dueAt: daysFromNow(-1), assigneeId: me.id });
    await t.request('POST', `/api/tasks/${done.body.id}/done`, { token: me.token });
    const ids = async (status: string) =>
      (await t.request('GET', `/api/tasks?assigneeId=me&status=${status}`, { token: me.token })).body.items.map((x: { id: string }) => x.id).sort();
    expect(await ids('overdue')).toEqual([overdue.body.id]);
    expect(await ids('open')).toEqual([overdue.body.id, open.body.id].sort());
    expect(await ids('done')).toEqual([done.body.id]);
    const one = await t.request('GET', `/api/tasks/${overdue.body.id}`, { token: me.token });
    expect(one.body.status).toBe('overdue');
    expect((await t.request('GET', '/api/tasks?status=late', { token: me.token })).status).toBe(400);
  });

  it('pages by dueAt ascending on its own cursor, and newest first by default', async () => {
    const me = await makeUser(t, 'officer');
    const p = await makeProject(t, me);
    const dues = [5, 1, 3, 2, 4];
    const created = [];
    for (const d of dues) created.push((await newTask(me.token, { projectId: p.id, title: `第${d}天`, dueAt: daysFromNow(d), assigneeId: me.id })).body);
    const page1 = await t.request('GET', `/api/tasks?projectId=${p.id}&sort=dueAt&limit=2`, { token: me.token });
    const page2 = await t.request('GET', `/api/tasks?projectId=${p.id}&sort=dueAt&limit=2&cursor=${page1.body.nextCursor}`, { token: me.token });
    const page3 = await t.request('GET', `/api/tasks?projectId=${p.id}&sort=dueAt&limit=2&cursor=${page2.body.nextCursor}`, { token: me.token });
    expect([...page1.body.items, ...page2.body.items, ...page3.body.items].map((x: { title: string }) => x.title))
      .toEqual(['第1天', '第2天', '第3天', '第4天', '第5天']);
    expect(page3.body.nextCursor).toBeNull();
    const newest = await t.request('GET', `/api/tasks?projectId=${p.id}&limit=5`, { token: me.token });
    type Row = { id: string; createdAt: string };
    const byNewest = (a: Row, b: Row) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
    expect(newest.body.items.map((x: Row) => x.id)).toEqual([...created].sort(byNewest).map((x) => x.id));
    // a created-at cursor is not a due-date cursor
    const mixed = await t.request('GET', `/api/tasks?projectId=${p.id}&limit=2`, { token: me.token });
    expect((await t.request('GET', `/api/tasks?projectId=${p.id}&sort=dueAt&cursor=${mixed.body.nextCursor}`, { token: me.token })).status).toBe(400);
  });

  it('needs write access to create (403 outside the team, 404 on a confidential project) and an active assignee (400)', async () => {
    const p = await makeProject(t, owner);
    const forbidden = await newTask(outsider.token, { projectId: p.id, title: 'x', dueAt: daysFromNow(1), assigneeId: outsider.id });
    expect(forbidden.status).toBe(403);
    const secret = await makeProject(t, owner, { confidential: true });
    expect((await newTask(outsider.token, { projectId: secret.id, title: 'x', dueAt: daysFromNow(1), assigneeId: outsider.id })).status).toBe(404);
    const hidden = await newTask(owner.token, { projectId: secret.id, title: '保密跟进', dueAt: daysFromNow(1), assigneeId: owner.id });
    expect((await t.request('GET', `/api/tasks/${hidden.body.id}`, { token: outsider.token })).status).toBe(404);
    const all = await t.request('GET', `/api/tasks?projectId=${secret.id}`, { token: outsider.token });
    expect(all.body.items).toEqual([]);

    const nobody = await newTask(owner.token, { projectId: p.id, title: 'x', dueAt: daysFromNow(1), assigneeId: '00000000-0000-4000-8000-000000000000' });
    expect(nobody.status).toBe(400);
    expect(nobody.body.details).toEqual([expect.objectContaining({ field: 'assigneeId' })]);
    const noOffset = await newTask(owner.token, { projectId: p.id, title: 'x', dueAt: '2026-05-01 10:00', assigneeId: owner.id });
    expect(noOffset.status).toBe(400);
    expect(noOffset.body.details).toEqual([expect.objectContaining({ field: 'dueAt' })]);
    const readOnly = await newTask(owner.token, { projectId: p.id, title: 'x', dueAt: daysFromNow(1), assigneeId: owner.id, doneAt: daysFromNow(0) });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body.details).toEqual([expect.objectContaining({ field: 'doneAt' })]);
  });

  it('lets an assignee outside the team complete their task on a readable project, but not edit or delete it', async () => {
    const p = await makeProject(t, owner);
    const task = await newTask(owner.token, { projectId: p.id, title: '协助对接', dueAt: daysFromNow(1), assigneeId: outsider.id });
    expect(task.status).toBe(201);
    expect((await t.request('PATCH', `/api/tasks/${task.body.id}`, { token: outsider.token, body: { version: 1, title: '改' } })).status).toBe(403);
    expect((await t.request('DELETE', `/api/tasks/${task.body.id}`, { token: outsider.token })).status).toBe(403);
    const done = await t.request('POST', `/api/tasks/${task.body.id}/done`, { token: outsider.token });
    expect(done.status).toBe(200);
    expect(done.body.doneById).toBe(outsider.id);
    const other = await makeUser(t, 'officer');
    const task2 = await newTask(owner.token, { projectId: p.id, title: '另一项', dueAt: daysFromNow(1), assigneeId: owner.id });
    expect((await t.request('POST', `/api/tasks/${task2.body.id}/done`, { token: other.token })).status).toBe(403);
  });

  it('answers a stale version with 409 and changes nothing; a non-uuid id with 400', async () => {
    const p = await makeProject(t, owner);
    const task = await newTask(owner.token, { projectId: p.id, title: '原标题', dueAt: daysFromNow(1), assigneeId: owner.id });
    expect((await t.request('PATCH', `/api/tasks/${task.body.id}`, { token: owner.token, body: { version: 1, title: '新标题' } })).status).toBe(200);
    const stale = await t.request('PATCH', `/api/tasks/${task.body.id}`, { token: owner.token, body: { version: 1, title: '过期', dueAt: daysFromNow(9) } });
    expect(stale.status).toBe(409);
    const after = await t.request('GET', `/api/tasks/${task.body.id}`, { token: owner.token });
    expect(after.body).toMatchObject({ title: '新标题', version: 2, dueAt: task.body.dueAt });
    expect((await t.request('PATCH', `/api/tasks/${task.body.id}`, { token: owner.token, body: { version: 2, projectId: p.id } })).status).toBe(400);
    expect((await t.request('POST', '/api/tasks/123/done', { token: owner.token })).status).toBe(400);
    expect((await t.request('GET', '/api/tasks?deleted=true', { token: owner.token })).status).toBe(403);
  });
});
