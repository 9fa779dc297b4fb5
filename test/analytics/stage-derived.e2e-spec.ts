import { PIPELINE_LEVELS, stageFacts, stageSpans, type Stage, type StageMove } from '@zs/domain';
import { levelOf } from '../../apps/api/src/analytics/analytics.queries';
import { createTestApp, TestApp } from '../support/test-app';
import { commitLedgerImport, makePark, makeProjectWithHistory, makeUser, TestUser, unique } from '../support/factories';

/**
 * The stage data the analytics read (project_stage_facts, project_stage_spans) is kept by triggers: after every
 * kind of history write it equals what the straightforward query over project_stage_changes gives, and what the
 * domain's rules (stage-reach.ts) compute from the same rows.
 */
describe('stage data derived from the history', () => {
  let t: TestApp;
  let manager: TestUser;
  let officer: TestUser;
  let parkId: string;
  let parkName: string;

  /** The straightforward query over the whole history (what the analytics computed on each request before). */
  const fromHistory = async () => t.db.query(`
    WITH moves AS (
      SELECT h.project_id, h.occurred_at, h.created_at, h.to_stage, ${levelOf('h.to_stage')} AS to_level,
             ${levelOf(`CASE WHEN h.to_stage IN ('on_hold', 'dropped') THEN h.from_stage ELSE h.to_stage END`)} AS standing_level
        FROM project_stage_changes h
    ),
    reached AS (
      SELECT m.project_id, ${PIPELINE_LEVELS.map(({ level }) => `min(m.occurred_at) FILTER (WHERE m.to_level >= ${level}) AS reached_${level}`).join(', ')},
             max(m.occurred_at) AS last_move_at
        FROM moves m GROUP BY m.project_id
    ),
    standing AS (
      SELECT DISTINCT ON (m.project_id) m.project_id, m.to_stage, m.standing_level
        FROM moves m ORDER BY m.project_id, m.occurred_at DESC, m.created_at DESC
    )
    SELECT p.id AS project_id, p.park_id, p.owner_id, p.industry, p.total_investment, p.deleted_at, p.confidential,
           ${PIPELINE_LEVELS.map(({ level }) => `r.reached_${level}`).join(', ')},
           st.to_stage AS standing_stage, st.standing_level, r.last_move_at
      FROM projects p LEFT JOIN reached r ON r.project_id = p.id LEFT JOIN standing st ON st.project_id = p.id
     ORDER BY p.id`);

  const derived = async () => t.db.query(`
    SELECT f.project_id, f.park_id, f.owner_id, f.industry, f.total_investment, f.deleted_at, f.confidential,
           ${PIPELINE_LEVELS.map(({ level }) => `f.reached_${level}`).join(', ')},
           f.standing_stage, f.standing_level, f.last_move_at
      FROM project_stage_facts f ORDER BY f.project_id`);

  /** Facts and spans against the history query and the domain's rules, for every project of the database. */
  const expectConsistent = async () => {
    expect(await derived()).toEqual(await fromHistory());
    const history: { id: string; project_id: string; from_stage: Stage | null; to_stage: Stage; occurred_at: Date; created_at: Date }[] =
      await t.db.query(`SELECT id, project_id, from_stage, to_stage, occurred_at, created_at FROM project_stage_changes ORDER BY project_id, occurred_at, created_at, id`);
    const spans: Record<string, unknown>[] = await t.db.query(`
      SELECT s.project_id, s.stage, s.from_stage, s.level, s.standing_level, s.started_at, s.ended_at, s.reach_from, s.reach_to,
             s.industry, s.total_investment, s.deleted_at, p.industry AS p_industry, p.total_investment AS p_investment, p.deleted_at AS p_deleted_at
        FROM project_stage_spans s JOIN project_stage_changes h ON h.id = s.change_id JOIN projects p ON p.id = s.project_id
       ORDER BY s.project_id, h.occurred_at, h.created_at, h.id`);
    const byProject = new Map<string, StageMove[]>();
    for (const h of history) {
      const moves = byProject.get(h.project_id) ?? [];
      moves.push({ from: h.from_stage, to: h.to_stage, occurredAt: h.occurred_at, createdAt: h.created_at });
      byProject.set(h.project_id, moves);
    }
    const expected = [...byProject.entries()].flatMap(([projectId, moves]) => stageSpans(moves).map((s) => ({
      project_id: projectId, stage: s.stage, from_stage: s.from, level: s.level, standing_level: s.standingLevel,
      started_at: s.startedAt, ended_at: s.endedAt, reach_from: s.reachFrom, reach_to: s.reachTo,
    })));
    expect(spans.map(({ industry: _i, total_investment: _t, deleted_at: _d, p_industry: _pi, p_investment: _pt, p_deleted_at: _pd, ...span }) => span)).toEqual(expected);
    for (const span of spans) {
      expect([span.industry, span.total_investment, span.deleted_at]).toEqual([span.p_industry, span.p_investment, span.p_deleted_at]);
    }
    for (const [projectId, moves] of byProject) {
      const facts = stageFacts(moves);
      const [row] = await t.db.query(`SELECT standing_stage, standing_level, reached_4 FROM project_stage_facts WHERE project_id = $1`, [projectId]);
      expect([row.standing_stage, row.standing_level, row.reached_4]).toEqual([facts.standingStage, facts.standingLevel, facts.reached[4]]);
    }
  };

  const move = async (projectId: string, to: string, occurredAt?: string, note?: string, token = officer.token) => {
    const res = await t.request('POST', `/api/projects/${projectId}/transitions`, { token, body: { to, ...(occurredAt ? { occurredAt } : {}), ...(note ? { note } : {}) } });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ({ id: parkId, name: parkName } = await makePark(t, unique('派生园区')));
    manager = await makeUser(t, 'manager');
    officer = await makeUser(t, 'officer', { parkId });
  }, 60_000);

  afterAll(async () => { await t.close(); });

  it('follows transitions, skips, backdated moves, backward moves and reactivation from on_hold and dropped', async () => {
    const a = await makeProjectWithHistory(t, officer, { name: unique('派生A'), totalInvestment: 12000, createdAt: '2025-01-01', moves: [
      { to: 'contract', at: '2025-02-01' }, { to: 'negotiation', at: '2025-03-01', note: '退回重谈' }, { to: 'agreement', at: '2025-03-20' },
    ] });
    await expectConsistent();
    await move(a.id, 'on_hold', '2025-04-01T09:00:00+08:00');
    await move(a.id, 'agreement', '2025-05-01T09:00:00+08:00'); // reactivated
    await move(a.id, 'dropped', undefined, '客商撤资');
    await move(a.id, 'agreement', undefined, '客商回归'); // reactivated from dropped
    await expectConsistent();
    const b = await makeProjectWithHistory(t, officer, { name: unique('派生B'), createdAt: '2025-06-01', moves: [{ to: 'land_delivered', at: '2025-06-10' }] });
    await move(b.id, 'construction', '2025-06-10T09:00:00+08:00'); // same instant as the move before: written later, ordered after
    await expectConsistent();
    const [facts] = await t.db.query(`SELECT reached_5, standing_stage FROM project_stage_facts WHERE project_id = $1`, [b.id]);
    expect(facts.standing_stage).toBe('construction');
    expect(facts.reached_5).toEqual(new Date('2025-06-10T01:00:00Z'));
  });

  it('follows project edits, soft deletes and restores in the copied scope columns', async () => {
    const p = await makeProjectWithHistory(t, officer, { name: unique('派生C'), industry: 'textile', totalInvestment: 3000, createdAt: '2025-02-01' });
    const current = await t.request('GET', `/api/projects/${p.id}`, { token: officer.token });
    const patched = await t.request('PATCH', `/api/projects/${p.id}`, { token: officer.token, body: { version: current.body.version, industry: 'led', totalInvestment: 45000 } });
    expect(patched.status).toBe(200);
    await expectConsistent();
    expect((await t.request('DELETE', `/api/projects/${p.id}`, { token: manager.token })).status).toBe(204);
    await expectConsistent();
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM project_stage_spans WHERE project_id = $1 AND deleted_at IS NULL`, [p.id]);
    expect(row.n).toBe(0);
  });

  it('follows lead conversion', async () => {
    const logged = await t.request('POST', '/api/leads', { token: officer.token, body: {
      title: unique('派生线索'), companyName: unique('派生企业'), industry: 'textile', channel: 'expo', summary: '展会结识', receivedOn: '2025-03-01', assigneeId: officer.id,
    } });
    expect(logged.status).toBe(201);
    const assigned = await t.request('POST', `/api/leads/${logged.body.id}/assign`, { token: manager.token, body: { assigneeId: officer.id } });
    expect(assigned.status).toBe(200);
    const screened = await t.request('POST', `/api/leads/${logged.body.id}/screen`, { token: officer.token, body: { opinion: '契合', decision: 'pursue' } });
    expect(screened.status).toBe(200);
    const converted = await t.request('POST', `/api/leads/${logged.body.id}/convert`, { token: officer.token, body: { project: { totalInvestment: 8000 } } });
    expect(converted.status).toBe(201);
    const [row] = await t.db.query(`SELECT standing_stage, reached_0 FROM project_stage_facts WHERE project_id = $1`, [converted.body.project.id]);
    expect(row.standing_stage).toBe('intention');
    expect(row.reached_0).not.toBeNull();
    await expectConsistent();
  });

  it('follows the Excel import, whose backdated history is written in SQL', async () => {
    const body = await commitLedgerImport(t, manager, [
      [unique('导入开工项目'), unique('导入企业'), '纺织服装', '展会招商', 5200, '开工', '2025-04-01', '2025-05-01', officer.username, '2025-01-15', parkName],
      [unique('导入洽谈项目'), unique('导入企业'), '纺织服装', '展会招商', 800, '洽谈', null, null, officer.username, '2025-02-15', parkName],
    ]);
    expect(body.errors).toEqual([]);
    expect(body.created).toBe(2);
    await expectConsistent();
    const [row] = await t.db.query(
      `SELECT f.standing_stage, f.reached_4 FROM project_stage_facts f JOIN projects p ON p.id = f.project_id WHERE p.name LIKE '导入开工项目%'`,
    );
    expect(row.standing_stage).toBe('construction');
    expect(row.reached_4).not.toBeNull();
  });

  it('follows history rows written, moved and deleted directly in SQL', async () => {
    const p = await makeProjectWithHistory(t, officer, { name: unique('派生D'), createdAt: '2025-01-01', moves: [{ to: 'negotiation', at: '2025-02-01' }] });
    await t.db.query(`UPDATE project_stage_changes SET occurred_at = occurred_at - interval '40 days' WHERE project_id = $1 AND to_stage = 'negotiation'`, [p.id]);
    await expectConsistent();
    await t.db.query(`DELETE FROM project_stage_changes WHERE project_id = $1 AND to_stage = 'negotiation'`, [p.id]);
    await expectConsistent();
    const [row] = await t.db.query(`SELECT standing_stage, reached_1 FROM project_stage_facts WHERE project_id = $1`, [p.id]);
    expect(row).toEqual({ standing_stage: 'intention', reached_1: null });
  });
});
