import { createTestApp, TestApp } from '../support/test-app';
import { makePark, makeProject, makeUser, TestUser } from '../support/factories';

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe('visits', () => {
  let t: TestApp;
  let owner: TestUser;
  let assistant: TestUser;
  let outsider: TestUser;
  let project: Awaited<ReturnType<typeof makeProject>>;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await makeUser(t, 'officer');
    assistant = await makeUser(t, 'officer');
    outsider = await makeUser(t, 'officer');
    project = await makeProject(t, owner, { assistantIds: [assistant.id] });
  });
  afterAll(async () => { await t.close(); });

  const visitBody = (extra: Record<string, unknown> = {}) => ({
    kind: 'outbound_visit', occurredAt: hoursFromNow(-2), summary: '拜访企业总部，介绍园区电力配套', ...extra,
  });

  it('turns a visit’s nextFollowUpAt into an open task for the owner and the project’s next follow-up; done clears it', async () => {
    const followUp = new Date(Date.now() + 3 * 86_400_000);
    followUp.setUTCMilliseconds(0);
    const created = await t.request('POST', `/api/projects/${project.id}/visits`, {
      token: assistant.token,
      body: visitBody({ nextStep: '报送投资协议草案', nextFollowUpAt: followUp.toISOString(), officerIds: [assistant.id, owner.id] }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ projectId: project.id, kind: 'outbound_visit', version: 1, officerIds: [assistant.id, owner.id] });
    expect(new Date(created.body.nextFollowUpAt).getTime()).toBe(followUp.getTime());

    const tasks = await t.request('GET', '/api/tasks?assigneeId=me&status=open', { token: owner.token });
    expect(tasks.status).toBe(200);
    const task = tasks.body.items.find((x: { visitId: string }) => x.visitId === created.body.id);
    expect(task).toMatchObject({ projectId: project.id, assigneeId: owner.id, status: 'open', doneAt: null, title: '跟进：报送投资协议草案' });
    expect(new Date(task.dueAt).getTime()).toBe(followUp.getTime());

    const withFollowUp = await t.request('GET', `/api/projects/${project.id}`, { token: owner.token });
    expect(new Date(withFollowUp.body.nextFollowUpAt).getTime()).toBe(followUp.getTime());

    const done = await t.request('POST', `/api/tasks/${task.id}/done`, { token: owner.token });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    const cleared = await t.request('GET', `/api/projects/${project.id}`, { token: owner.token });
    expect(cleared.body.nextFollowUpAt).toBeNull();
  });

  it('lets an officer outside the team read a non-confidential project’s visits but not log one (403)', async () => {
    const list = await t.request('GET', `/api/projects/${project.id}/visits`, { token: outsider.token });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    const post = await t.request('POST', `/api/projects/${project.id}/visits`, { token: outsider.token, body: visitBody() });
    expect(post.status).toBe(403);
    const one = await t.request('GET', `/api/visits/${list.body.items[0].id}`, { token: outsider.token });
    expect(one.status).toBe(200);
    const patch = await t.request('PATCH', `/api/visits/${one.body.id}`, { token: outsider.token, body: { version: one.body.version, summary: '改' } });
    expect(patch.status).toBe(403);
  });

  it('hides a confidential project’s visits from officers outside its team (404 for reads and writes)', async () => {
    const secret = await makeProject(t, owner, { confidential: true });
    const visit = await t.request('POST', `/api/projects/${secret.id}/visits`, { token: owner.token, body: visitBody() });
    expect(visit.status).toBe(201);
    expect((await t.request('GET', `/api/projects/${secret.id}/visits`, { token: outsider.token })).status).toBe(404);
    expect((await t.request('POST', `/api/projects/${secret.id}/visits`, { token: outsider.token, body: visitBody() })).status).toBe(404);
    expect((await t.request('GET', `/api/visits/${visit.body.id}`, { token: outsider.token })).status).toBe(404);
    expect((await t.request('DELETE', `/api/visits/${visit.body.id}`, { token: outsider.token })).status).toBe(404);
    const across = await t.request('GET', '/api/visits', { token: outsider.token });
    expect(across.body.items.map((v: { projectId: string }) => v.projectId)).not.toContain(secret.id);
    const manager = await makeUser(t, 'manager');
    expect((await t.request('GET', `/api/visits/${visit.body.id}`, { token: manager.token })).status).toBe(200);
  });

  it('hides visits from a user of a sibling park (404)', async () => {
    const parkA = await makePark(t);
    const parkB = await makePark(t);
    const officerA = await makeUser(t, 'officer', { parkId: parkA.id });
    const managerB = await makeUser(t, 'manager', { parkId: parkB.id });
    const projectA = await makeProject(t, officerA);
    const visit = await t.request('POST', `/api/projects/${projectA.id}/visits`, { token: officerA.token, body: visitBody() });
    expect(visit.status).toBe(201);
    expect((await t.request('GET', `/api/projects/${projectA.id}/visits`, { token: managerB.token })).status).toBe(404);
    expect((await t.request('GET', `/api/visits/${visit.body.id}`, { token: managerB.token })).status).toBe(404);
    expect((await t.request('POST', `/api/projects/${projectA.id}/visits`, { token: managerB.token, body: visitBody() })).status).toBe(404);
    const across = await t.request('GET', '/api/visits', { token: managerB.token });
    expect(across.body.items).toEqual([]);
  });

  it('rejects a visit more than a day in the future, an unknown kind, a disabled officer and another company’s contact, naming the field', async () => {
    const future = await t.request('POST', `/api/projects/${project.id}/visits`, { token: owner.token, body: visitBody({ occurredAt: hoursFromNow(30) }) });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([expect.objectContaining({ field: 'occurredAt' })]);
    const soon = await t.request('POST', `/api/projects/${project.id}/visits`, { token: owner.token, body: visitBody({ occurredAt: hoursFromNow(20) }) });
    expect(soon.status).toBe(201);

    const kind = await t.request('POST', `/api/projects/${project.id}/visits`, { token: owner.token, body: visitBody({ kind: 'party' }) });
    expect(kind.status).toBe(400);
    expect(kind.body.details).toEqual([expect.objectContaining({ field: 'kind' })]);

    const disabled = await makeUser(t, 'officer');
    const admin = await t.adminToken();
    const current = await t.request('GET', `/api/users/${disabled.id}`, { token: admin });
    await t.request('PATCH', `/api/users/${disabled.id}`, { token: admin, body: { version: current.body.version, active: false } });
    const officers = await t.request('POST', `/api/projects/${project.id}/visits`, { token: owner.token, body: visitBody({ officerIds: [disabled.id] }) });
    expect(officers.status).toBe(400);
    expect(officers.body.details).toEqual([expect.objectContaining({ field: 'officerIds' })]);

    const other = await makeProject(t, owner);
    const contact = await t.request('POST', `/api/companies/${other.companyId}/contacts`, { token: owner.token, body: { name: '王总' } });
    expect(contact.status).toBe(201);
    const contacts = await t.request('POST', `/api/projects/${project.id}/visits`, { token: owner.token, body: visitBody({ contactIds: [contact.body.id] }) });
    expect(contacts.status).toBe(400);
    expect(contacts.body.details).toEqual([expect.objectContaining({ field: 'contactIds' })]);
    const own = await t.request('POST', `/api/projects/${other.id}/visits`, { token: owner.token, body: visitBody({ contactIds: [contact.body.id] }) });
    expect(own.status).toBe(201);
    expect(own.body.contactIds).toEqual([contact.body.id]);
  });

  it('rejects unknown and read-only fields, and a non-uuid id, with 400', async () => {
    const unknown = await t.request('POST', `/api/projects/${project.id}/visits`, { token: owner.token, body: visitBody({ verified: true, id: 'x' }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['id', 'verified']);
    const badId = await t.request('GET', '/api/visits/not-a-uuid', { token: owner.token });
    expect(badId.status).toBe(400);
    expect(badId.body.details).toEqual([expect.objectContaining({ field: 'id' })]);
    expect((await t.request('GET', '/api/projects/nope/visits', { token: owner.token })).status).toBe(400);
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const created = await t.request('POST', `/api/projects/${project.id}/visits`, { token: owner.token, body: visitBody({ summary: '第一次' }) });
    const first = await t.request('PATCH', `/api/visits/${created.body.id}`, { token: owner.token, body: { version: 1, summary: '第二次' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ summary: '第二次', version: 2 });
    const stale = await t.request('PATCH', `/api/visits/${created.body.id}`, { token: owner.token, body: { version: 1, summary: '第三次' } });
    expect(stale.status).toBe(409);
    const after = await t.request('GET', `/api/visits/${created.body.id}`, { token: owner.token });
    expect(after.body).toMatchObject({ summary: '第二次', version: 2 });
    const nullSummary = await t.request('PATCH', `/api/visits/${created.body.id}`, { token: owner.token, body: { version: 2, summary: null } });
    expect(nullSummary.status).toBe(400);
    expect(nullSummary.body.details).toEqual([expect.objectContaining({ field: 'summary' })]);
  });

  it('moves the open follow-up task when a visit’s nextFollowUpAt changes, and removes it when cleared', async () => {
    const p = await makeProject(t, owner);
    const first = new Date(Date.now() + 2 * 86_400_000);
    const later = new Date(Date.now() + 5 * 86_400_000);
    const created = await t.request('POST', `/api/projects/${p.id}/visits`, { token: owner.token, body: visitBody({ nextFollowUpAt: first.toISOString() }) });
    const moved = await t.request('PATCH', `/api/visits/${created.body.id}`, { token: owner.token, body: { version: 1, nextFollowUpAt: later.toISOString() } });
    expect(moved.status).toBe(200);
    let tasks = await t.request('GET', `/api/tasks?projectId=${p.id}&status=open`, { token: owner.token });
    expect(tasks.body.items).toHaveLength(1);
    expect(new Date(tasks.body.items[0].dueAt).getTime()).toBe(later.getTime());
    expect(new Date((await t.request('GET', `/api/projects/${p.id}`, { token: owner.token })).body.nextFollowUpAt).getTime()).toBe(later.getTime());

    const early = await t.request('PATCH', `/api/visits/${created.body.id}`, { token: owner.token, body: { version: 2, nextFollowUpAt: hoursFromNow(-100) } });
    expect(early.status).toBe(400);
    expect(early.body.details).toEqual([expect.objectContaining({ field: 'nextFollowUpAt' })]);

    const cleared = await t.request('PATCH', `/api/visits/${created.body.id}`, { token: owner.token, body: { version: 2, nextFollowUpAt: null } });
    expect(cleared.status).toBe(200);
    tasks = await t.request('GET', `/api/tasks?projectId=${p.id}&status=open`, { token: owner.token });
    expect(tasks.body.items).toHaveLength(0);
    expect((await t.request('GET', `/api/projects/${p.id}`, { token: owner.token })).body.nextFollowUpAt).toBeNull();
  });

  it('lists visits across readable projects by project owner and occurredAt range', async () => {
    const mine = await makeUser(t, 'officer');
    const p = await makeProject(t, mine);
    await t.request('POST', `/api/projects/${p.id}/visits`, { token: mine.token, body: visitBody({ occurredAt: '2026-01-15T10:00:00+08:00', kind: 'call' }) });
    await t.request('POST', `/api/projects/${p.id}/visits`, { token: mine.token, body: visitBody({ occurredAt: '2026-02-01T00:30:00+08:00' }) });
    await t.request('POST', `/api/projects/${p.id}/visits`, { token: mine.token, body: visitBody({ occurredAt: '2025-12-31T23:00:00+08:00' }) });
    const jan = await t.request('GET', '/api/visits?ownerId=me&from=2026-01-01&to=2026-01-31', { token: mine.token });
    expect(jan.status).toBe(200);
    expect(jan.body.items).toHaveLength(1);
    expect(jan.body.items[0]).toMatchObject({ projectId: p.id, kind: 'call', projectName: p.name });
    const all = await t.request('GET', `/api/visits?ownerId=${mine.id}&limit=2`, { token: owner.token });
    expect(all.body.items).toHaveLength(2);
    expect(all.body.nextCursor).toEqual(expect.any(String));
    const rest = await t.request('GET', `/api/visits?ownerId=${mine.id}&limit=2&cursor=${all.body.nextCursor}`, { token: owner.token });
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
    const calls = await t.request('GET', `/api/visits?ownerId=${mine.id}&kind=call`, { token: owner.token });
    expect(calls.body.items).toHaveLength(1);
    expect((await t.request('GET', '/api/visits?from=yesterday', { token: mine.token })).status).toBe(400);
    expect((await t.request('GET', '/api/visits?limit=201', { token: mine.token })).status).toBe(400);
  });

  it('deletes softly with the open follow-up task, lists deleted ones for admins only, and restores both', async () => {
    const p = await makeProject(t, owner);
    const created = await t.request('POST', `/api/projects/${p.id}/visits`, { token: owner.token, body: visitBody({ nextFollowUpAt: hoursFromNow(48) }) });
    expect((await t.request('DELETE', `/api/visits/${created.body.id}`, { token: owner.token })).status).toBe(204);
    expect((await t.request('GET', `/api/visits/${created.body.id}`, { token: owner.token })).status).toBe(404);
    expect((await t.request('GET', `/api/projects/${p.id}`, { token: owner.token })).body.nextFollowUpAt).toBeNull();
    expect((await t.request('GET', `/api/projects/${p.id}/visits?deleted=true`, { token: owner.token })).status).toBe(403);
    const admin = await t.adminToken();
    const deleted = await t.request('GET', `/api/projects/${p.id}/visits?deleted=true`, { token: admin });
    expect(deleted.body.items.map((v: { id: string }) => v.id)).toEqual([created.body.id]);
    expect((await t.request('POST', `/api/visits/${created.body.id}/restore`, { token: owner.token })).status).toBe(403);
    const restored = await t.request('POST', `/api/visits/${created.body.id}/restore`, { token: admin });
    expect(restored.status).toBe(200);
    expect(restored.body.id).toBe(created.body.id);
    expect((await t.request('GET', `/api/projects/${p.id}`, { token: owner.token })).body.nextFollowUpAt).not.toBeNull();
  });

  it('marks the project active when a visit is logged', async () => {
    const p = await makeProject(t, owner);
    await t.db.query(`UPDATE projects SET last_activity_at = now() - interval '90 days' WHERE id = $1`, [p.id]);
    const at = hoursFromNow(-1);
    await t.request('POST', `/api/projects/${p.id}/visits`, { token: owner.token, body: visitBody({ occurredAt: at }) });
    const after = await t.request('GET', `/api/projects/${p.id}`, { token: owner.token });
    expect(new Date(after.body.lastActivityAt).getTime()).toBe(new Date(at).getTime());
  });
});
