import { createTestApp, TestApp } from '../support/test-app';
import { toZonedDate } from '@zs/domain';
import { makeProject, makeUser, TestUser } from '../support/factories';

describe('project stage transitions', () => {
  let t: TestApp;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await makeUser(t, 'officer');
  });
  afterAll(async () => { await t.close(); });

  const move = (id: string, body: Record<string, unknown>) => t.request('POST', `/api/projects/${id}/transitions`, { token: officer.token, body });

  it('refuses a move to agreement without an agreement record (409 naming it), then accepts it with one', async () => {
    const project = await makeProject(t, officer);
    expect((await move(project.id, { to: 'negotiation' })).status).toBe(200);
    const missing = await move(project.id, { to: 'agreement' });
    expect(missing.status).toBe(409);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'agreement' })]);
    await t.db.query(`INSERT INTO agreements (project_id, kind, signed_on, amount) VALUES ($1, 'investment', '2026-01-10', 5200)`, [project.id]);
    const ok = await move(project.id, { to: 'agreement' });
    expect(ok.status).toBe(200);
    expect(ok.body.stage).toBe('agreement');
  });

  it('skips forward when the evidence is there and sets the date from occurredAt', async () => {
    const project = await makeProject(t, officer, { landDeliveredOn: '2026-02-01' });
    await t.db.query(`INSERT INTO agreements (project_id, kind, signed_on, amount) VALUES ($1, 'land_transfer', '2026-01-05', 5200)`, [project.id]);
    const occurredAt = new Date();
    const res = await move(project.id, { to: 'construction', occurredAt: occurredAt.toISOString() });
    expect(res.status).toBe(200);
    const startedOn = toZonedDate(occurredAt, 'Asia/Shanghai');
    expect(res.body).toMatchObject({ stage: 'construction', constructionStartedOn: startedOn });
    const history = await t.request('GET', `/api/projects/${project.id}/history`, { token: officer.token });
    expect(history.body.stages.map((s: { to: string }) => s.to)).toEqual(['intention', 'construction']);
    expect(history.body.changes).toEqual([expect.objectContaining({ field: 'constructionStartedOn', from: null, to: startedOn })]);
  });

  it('needs a note to move backward or drop, and reactivates only to the stage left', async () => {
    const project = await makeProject(t, officer);
    await move(project.id, { to: 'negotiation' });
    const noNote = await move(project.id, { to: 'intention' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.details[0].field).toBe('note');
    expect((await move(project.id, { to: 'intention', note: '投资方重新评估' })).status).toBe(200);
    expect((await move(project.id, { to: 'dropped' })).status).toBe(400);
    expect((await move(project.id, { to: 'dropped', note: '资金缺口' })).body.stage).toBe('dropped');
    expect((await move(project.id, { to: 'negotiation' })).status).toBe(409);
    const back = await move(project.id, { to: 'intention' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ stage: 'intention', previousStage: null });
  });

  it('refuses a move into the future or before the current stage was entered (400) and to the same stage (409)', async () => {
    const project = await makeProject(t, officer);
    const beforeCreation = await move(project.id, { to: 'negotiation', occurredAt: '2020-01-01T00:00:00Z' });
    expect(beforeCreation.status).toBe(400);
    expect(beforeCreation.body.details[0].field).toBe('occurredAt');
    const future = await move(project.id, { to: 'negotiation', occurredAt: '2999-01-01T00:00:00Z' });
    expect(future.status).toBe(400);
    expect(future.body.details[0].field).toBe('occurredAt');
    expect((await move(project.id, { to: 'intention' })).status).toBe(409);
    expect((await move(project.id, { to: 'moon' })).status).toBe(400);
  });
});
