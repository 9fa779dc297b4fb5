import { previousYearPeriod, rollupPlan, type Period } from '@zs/domain';
import { funnelDurationsFromRollup } from '../../apps/api/src/analytics/analytics-funnel.queries';
import { rollupFunnelEnteredSql, rollupKpiSql, rollupParams, rollupSnapshotSql, rollupTotals } from '../../apps/api/src/analytics/analytics-rollup.queries';
import { funnelStagesSql, kpiSql, runAnalytics, snapshotSql, type FunnelStageRow, type SqlCondition } from '../../apps/api/src/analytics/analytics.queries';
import { parkSubtreeFilter } from '../../apps/api/src/parks/park-subtree';
import { createTestApp, TestApp } from '../support/test-app';
import { commitLedgerImport, makePark, makeProjectWithHistory, makeUser, TestUser, unique } from '../support/factories';

/** Years, months and odd from/to periods: whole years, whole months across a year end, edges on both sides, inside one month. */
const PERIODS: Period[] = [
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2026-01-01', to: '2026-12-31' },
  { from: '2024-01-01', to: '2025-12-31' },
  { from: '2025-03-01', to: '2025-03-31' },
  { from: '2026-01-01', to: '2026-01-31' },
  { from: '2024-11-01', to: '2025-02-28' },
  { from: '2025-02-14', to: '2025-11-20' },
  { from: '2024-12-20', to: '2025-01-10' },
  { from: '2025-03-05', to: '2025-03-25' },
  { from: '2024-06-15', to: '2026-02-14' },
  { from: '2024-12-01', to: '2025-06-30' },
  { from: '2025-01-01', to: '2026-01-31' },
];

/**
 * The analytics rollup (migration AnalyticsRollup) is kept by triggers in the transaction of every write: after
 * every kind of write it equals the rollup rebuilt from scratch, and the rollup path of the KPIs and of the
 * funnel's entered / snapshot returns exactly the rows of the per-project path, for years, months and odd periods,
 * for all parks, a manager's park subtree and a parkId filter.
 */
describe('analytics rollup', () => {
  let t: TestApp;
  let admin: TestUser;
  let manager: TestUser;
  let officer: TestUser;
  let officerB: TestUser;
  let parkA: { id: string; name: string };
  let parkB: { id: string; name: string };
  let parkC: { id: string; name: string };
  let tz: string;

  interface Scope { name: string; projects: SqlCondition; scope: SqlCondition }
  let scopes: Scope[];

  const nonZero = (alias: string, exclude: string[]) =>
    `EXISTS (SELECT 1 FROM jsonb_each(to_jsonb(${alias}) - ARRAY[${exclude.map((c) => `'${c}'`).join(', ')}]) j WHERE j.value::text::numeric <> 0)`;

  /** The rollup kept by the triggers equals the rollup computed from the current data (rows of zeros aside). */
  const expectRollupRebuilt = async () => {
    const key = ['grain', 'bucket', 'park_id', 'dim', 'key'];
    const [diff] = await t.db.query(`
      WITH kept AS (SELECT r.* FROM analytics_rollup r WHERE ${nonZero('r', key)}),
           rebuilt AS (SELECT r.* FROM analytics_rollup_rows(ARRAY(SELECT id FROM projects)) r WHERE ${nonZero('r', key)})
      SELECT (SELECT count(*) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM rebuilt) x)::int AS missing,
             (SELECT count(*) FROM (SELECT * FROM rebuilt EXCEPT ALL SELECT * FROM kept) x)::int AS extra,
             (SELECT count(*) FROM kept)::int AS kept`);
    expect(diff).toEqual({ missing: 0, extra: 0, kept: diff.kept });
    expect(diff.kept).toBeGreaterThan(0);
    const [wentOn] = await t.db.query(`
      WITH kept AS (SELECT r.* FROM analytics_rollup_went_on r WHERE r.projects <> 0),
           rebuilt AS (SELECT r.* FROM analytics_rollup_went_on_rows(ARRAY(SELECT id FROM projects)) r)
      SELECT (SELECT count(*) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM rebuilt) x)::int AS missing,
             (SELECT count(*) FROM (SELECT * FROM rebuilt EXCEPT ALL SELECT * FROM kept) x)::int AS extra`);
    expect(wentOn).toEqual({ missing: 0, extra: 0 });
    // the funnel's stays rollup (migration AnalyticsFunnelRollup) and its repeated stays and exits
    const funnelKey = ['grain', 'dim', 'key', 'bucket', 'park_id', 'level', 'days_bucket'];
    const [funnel] = await t.db.query(`
      WITH kept AS (SELECT r.* FROM analytics_funnel_rollup r WHERE ${nonZero('r', funnelKey)}),
           rebuilt AS (SELECT r.* FROM analytics_funnel_rows(ARRAY(SELECT id FROM projects)) r)
      SELECT (SELECT count(*) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM rebuilt) x)::int AS missing,
             (SELECT count(*) FROM (SELECT * FROM rebuilt EXCEPT ALL SELECT * FROM kept) x)::int AS extra,
             (SELECT count(*) FROM kept)::int AS kept`);
    expect(funnel).toEqual({ missing: 0, extra: 0, kept: funnel.kept });
    // the per-project values (stays per bucket, repeated exits) equal what the current data gives
    const runner = t.db.createQueryRunner();
    await runner.startTransaction();
    try {
      const values = () => runner.query(`SELECT (SELECT json_agg(s ORDER BY s.project_id, s.grain, s.bucket, s.level) FROM analytics_funnel_stays s) AS stays,
        (SELECT json_agg(x ORDER BY x.project_id, x.kind, x.level, x.at) FROM analytics_funnel_repeat_exits x) AS exits`);
      const kept = await values();
      await runner.query(`SELECT analytics_funnel_values_refresh(ARRAY(SELECT id FROM projects))`);
      expect(await values()).toEqual(kept);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  };

  /** The days and exits from the stays rollup equal funnelStagesSql's, for a period of whole months. */
  const expectSameStays = async (scope: Scope, period: Period, ownerId: string | null, label: string) => {
    const params = { ...scope.projects.params, ...scope.scope.params, periodFrom: period.from, periodTo: period.to, tz, ...rollupParams(rollupPlan(period)) };
    const perProject = await runAnalytics<FunnelStageRow>(t.db, funnelStagesSql(scope.projects), params);
    const rolledUp = await funnelDurationsFromRollup(t.db, { scope: scope.scope, ownerId, plan: rollupPlan(period), params });
    const pick = ({ level, median_days, p90_days, dropped, on_hold }: FunnelStageRow) => ({ level, median_days, p90_days, dropped, on_hold });
    expect({ label, rows: perProject.map((row) => pick({ ...row, ...rolledUp.get(row.level) })) }).toEqual({ label, rows: perProject.map(pick) });
  };

  const run = <T>(sql: string, scope: Scope, period: Period) => {
    const plan = rollupPlan(period);
    return runAnalytics<T>(t.db, sql, {
      ...scope.projects.params, ...scope.scope.params, periodFrom: period.from, periodTo: period.to, tz, ...rollupParams(plan),
    });
  };

  /** The rollup path returns the per-project path's rows, byte for byte, for every period and scope. */
  const expectSameFigures = async () => {
    await expectRollupRebuilt();
    for (const scope of scopes) {
      for (const period of [...PERIODS, ...PERIODS.map(previousYearPeriod)]) {
        const plan = rollupPlan(period);
        const label = `${scope.name} ${period.from}…${period.to}`;
        for (const breakdowns of [true, false]) {
          const perProject = await run(kpiSql(scope.projects, breakdowns), scope, period);
          const rollup = await run(rollupKpiSql(scope.scope, scope.projects, plan, breakdowns), scope, period);
          expect({ label, breakdowns, rows: rollup }).toEqual({ label, breakdowns, rows: perProject });
        }
        const funnel = await run(funnelStagesSql(scope.projects), scope, period);
        const funnelRollup = await run(funnelStagesSql(scope.projects, rollupFunnelEnteredSql(scope.scope, scope.projects, plan)), scope, period);
        expect({ label, rows: funnelRollup }).toEqual({ label, rows: funnel });
        if (plan.edges.length > 0) continue;
        await expectSameStays(scope, period, null, label);
        // one officer (the owner dimension): entered, snapshot, days and exits
        const owned: Scope = {
          name: `${scope.name}, owner`,
          projects: { sql: `${scope.projects.sql} AND p.owner_id = :fOwnerId`, params: { ...scope.projects.params, fOwnerId: officer.id } },
          scope: scope.scope,
        };
        const totals = rollupTotals(officer.id);
        const ownerFunnel = await run(funnelStagesSql(owned.projects), owned, period);
        const ownerRollup = await runAnalytics(t.db, funnelStagesSql(owned.projects, rollupFunnelEnteredSql(owned.scope, owned.projects, plan, totals)), {
          ...owned.projects.params, ...owned.scope.params, ...totals.params, periodFrom: period.from, periodTo: period.to, tz, ...rollupParams(plan),
        });
        expect({ label: `${label}, owner`, rows: ownerRollup }).toEqual({ label: `${label}, owner`, rows: ownerFunnel });
        await expectSameStays(owned, period, officer.id, `${label}, owner`);
      }
      const bystage = (rows: { stage: string }[]) => [...rows].sort((a, b) => a.stage.localeCompare(b.stage));
      const period = PERIODS[0];
      expect(bystage(await run(rollupSnapshotSql(scope.scope), scope, period))).toEqual(bystage(await run(snapshotSql(scope.projects), scope, period)));
    }
  };

  const move = async (projectId: string, to: string, occurredAt?: string, note?: string) => {
    const res = await t.request('POST', `/api/projects/${projectId}/transitions`, {
      token: officer.token, body: { to, ...(occurredAt ? { occurredAt } : {}), ...(note ? { note } : {}) },
    });
    expect(res.status).toBe(200);
  };

  const patchProject = async (id: string, body: Record<string, unknown>) => {
    const current = await t.request('GET', `/api/projects/${id}`, { token: manager.token });
    const res = await t.request('PATCH', `/api/projects/${id}`, { token: manager.token, body: { version: current.body.version, ...body } });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    parkA = await makePark(t, unique('汇总园区A'));
    parkB = await makePark(t, unique('汇总片区B'), parkA.id);
    parkC = await makePark(t, unique('汇总园区C'));
    admin = await makeUser(t, 'admin');
    manager = await makeUser(t, 'manager', { parkId: parkA.id });
    officer = await makeUser(t, 'officer', { parkId: parkA.id });
    officerB = await makeUser(t, 'officer', { parkId: parkB.id });
    [{ time_zone: tz }] = await t.db.query(`SELECT time_zone FROM analytics_rollup_settings`);
    const subtreeA = [parkA.id, parkB.id];
    const byPark = (alias: string) => parkSubtreeFilter(`${alias}.park_id`, parkB.id, 'fPark');
    scopes = [
      { name: 'admin', projects: { sql: 'TRUE AND p.deleted_at IS NULL', params: {} }, scope: { sql: 'TRUE', params: {} } },
      {
        name: 'manager of A',
        projects: { sql: 'p.park_id = ANY(:scopeParkIds) AND p.deleted_at IS NULL', params: { scopeParkIds: subtreeA } },
        scope: { sql: 'r.park_id = ANY(:scopeParkIds)', params: { scopeParkIds: subtreeA } },
      },
      {
        name: 'admin, parkId B',
        projects: { sql: `TRUE AND p.deleted_at IS NULL AND ${byPark('p').sql}`, params: byPark('p').params },
        scope: { sql: `TRUE AND ${byPark('r').sql}`, params: byPark('r').params },
      },
    ];
  }, 60_000);

  afterAll(async () => { await t.close(); });

  it('equals the per-project figures after transitions, skips, backdated and backward moves, on hold, dropped and reactivation', async () => {
    await makeProjectWithHistory(t, officer, { name: unique('汇总A'), totalInvestment: 12000, originRegion: 'jiangsu', createdAt: '2024-11-10', moves: [
      { to: 'negotiation', at: '2024-12-25' }, { to: 'contract', at: '2025-01-05' }, { to: 'land_delivered', at: '2025-02-20' },
      { to: 'construction', at: '2025-03-10' }, { to: 'production', at: '2025-11-25' },
    ], funds: [{ amount: 1000, receivedOn: '2025-03-15' }, { amount: 500.5, receivedOn: '2025-01-02' }] });
    // moves on the local midnights that bound months and years
    await makeProjectWithHistory(t, officer, { name: unique('汇总B'), totalInvestment: 6000, channel: 'expo', createdAt: '2025-01-01T00:00:00+08:00', moves: [
      { to: 'land_delivered', at: '2025-03-31T23:59:59+08:00' }, { to: 'construction', at: '2026-01-01T00:00:00+08:00' },
    ] });
    const c = await makeProjectWithHistory(t, officer, { name: unique('汇总C'), totalInvestment: 5000, industry: 'led', createdAt: '2024-12-31', moves: [
      { to: 'agreement', at: '2025-02-14' }, { to: 'negotiation', at: '2025-03-05', note: '退回重谈' }, { to: 'agreement', at: '2025-03-20' },
      { to: 'on_hold', at: '2025-04-01', note: '暂缓' }, { to: 'agreement', at: '2025-05-01' }, { to: 'dropped', at: '2025-11-21', note: '撤资' },
    ] });
    await makeProjectWithHistory(t, officerB, { name: unique('汇总E'), totalInvestment: 20000, createdAt: '2025-02-01', moves: [
      { to: 'land_delivered', at: '2025-05-05' }, { to: 'construction', at: '2025-05-20' },
    ], funds: [{ amount: 3000, receivedOn: '2025-06-30' }] });
    await expectSameFigures();
    // on hold twice from the same stage, three stays in negotiation ending in 2024-12, 2025-06 and 2026-01: the
    // repeated exits, and values summed across the years and months of a period
    await makeProjectWithHistory(t, officer, { name: unique('汇总D'), totalInvestment: 3000, createdAt: '2024-10-03', moves: [
      { to: 'negotiation', at: '2024-10-20' }, { to: 'on_hold', at: '2024-12-11' }, { to: 'negotiation', at: '2025-03-02' },
      { to: 'on_hold', at: '2025-06-18' }, { to: 'negotiation', at: '2025-07-01' }, { to: 'contract', at: '2026-01-09' },
    ] });
    await expectSameFigures();
    await move(c.id, 'agreement', '2026-02-15T10:00:00+08:00', '客商回归'); // reactivated from dropped
    await move(c.id, 'negotiation', undefined, '重新洽谈'); // now: a backward move in the current month
    await expectSameFigures();
  });

  it('equals the per-project figures after edits of investment, industry, owner and park, soft delete and restore', async () => {
    const p = await makeProjectWithHistory(t, officerB, { name: unique('汇总编辑'), totalInvestment: 4000, createdAt: '2025-02-10', moves: [
      { to: 'land_delivered', at: '2025-04-05' },
    ], funds: [{ amount: 800, receivedOn: '2025-04-20' }] });
    await patchProject(p.id, { totalInvestment: 15000, industry: 'biomedicine', ownerId: officer.id, originRegion: 'shanghai' });
    await expectSameFigures();
    await t.db.query(`UPDATE projects SET park_id = $2 WHERE id = $1`, [p.id, parkC.id]);
    await expectSameFigures();
    expect((await t.request('DELETE', `/api/projects/${p.id}`, { token: admin.token })).status).toBe(204);
    await expectSameFigures();
    expect((await t.request('POST', `/api/projects/${p.id}/restore`, { token: admin.token })).status).toBe(200);
    await expectSameFigures();
  });

  it('equals the per-project figures after funds are added, changed and deleted', async () => {
    const p = await makeProjectWithHistory(t, officer, { name: unique('汇总资金'), createdAt: '2025-06-01', funds: [
      { amount: 100, receivedOn: '2025-06-10' }, { amount: 250.25, receivedOn: '2024-12-31' },
    ] });
    const list = await t.request('GET', `/api/projects/${p.id}/funds`, { token: officer.token });
    expect(list.status).toBe(200);
    const [first, second] = list.body.items;
    const patched = await t.request('PATCH', `/api/funds/${first.id}`, { token: officer.token, body: { version: first.version, amount: 900, receivedOn: '2025-03-01' } });
    expect(patched.status).toBe(200);
    expect((await t.request('DELETE', `/api/funds/${second.id}`, { token: officer.token })).status).toBe(204);
    await expectSameFigures();
  });

  it('equals the per-project figures after lead conversion, the Excel import and history written in SQL', async () => {
    const logged = await t.request('POST', '/api/leads', { token: officer.token, body: {
      title: unique('汇总线索'), companyName: unique('汇总企业'), industry: 'textile', channel: 'expo', summary: '展会结识', receivedOn: '2025-03-01', assigneeId: officer.id,
    } });
    expect(logged.status).toBe(201);
    expect((await t.request('POST', `/api/leads/${logged.body.id}/assign`, { token: manager.token, body: { assigneeId: officer.id } })).status).toBe(200);
    expect((await t.request('POST', `/api/leads/${logged.body.id}/screen`, { token: officer.token, body: { opinion: '契合', decision: 'pursue' } })).status).toBe(200);
    expect((await t.request('POST', `/api/leads/${logged.body.id}/convert`, { token: officer.token, body: { project: { totalInvestment: 8000 } } })).status).toBe(201);

    const body = await commitLedgerImport(t, manager, [
      [unique('汇总导入开工'), unique('导入企业'), '纺织服装', '展会招商', 5200, '开工', '2025-04-01', '2025-05-01', officer.username, '2025-01-15', parkA.name],
      [unique('汇总导入洽谈'), unique('导入企业'), '纺织服装', '展会招商', 800, '洽谈', null, null, officer.username, '2025-02-15', parkA.name],
    ]);
    expect(body.errors).toEqual([]);
    expect(body.created).toBe(2);
    await expectSameFigures();

    const p = await makeProjectWithHistory(t, officer, { name: unique('汇总SQL'), createdAt: '2025-01-01', moves: [{ to: 'land_delivered', at: '2025-02-01' }, { to: 'construction', at: '2025-03-03' }] });
    await t.db.query(`UPDATE project_stage_changes SET occurred_at = occurred_at - interval '40 days' WHERE project_id = $1 AND to_stage = 'land_delivered'`, [p.id]);
    await expectSameFigures();
    await t.db.query(`DELETE FROM project_stage_changes WHERE project_id = $1 AND to_stage = 'construction'`, [p.id]);
    await expectSameFigures();
    const purged = await makeProjectWithHistory(t, officer, { name: unique('汇总删除'), createdAt: '2025-01-05', moves: [
      { to: 'negotiation', at: '2025-02-01' }, { to: 'on_hold', at: '2025-03-01' }, { to: 'negotiation', at: '2025-04-01' }, { to: 'on_hold', at: '2025-05-06' },
    ] });
    await expectSameFigures();
    // a hard delete, in SQL (the product only soft-deletes: the history, milestones, agreements and funds keep a
    // project by foreign key, so a purge deletes them first)
    await t.db.query(`DELETE FROM milestones WHERE project_id = $1`, [purged.id]);
    await t.db.query(`DELETE FROM project_stage_changes WHERE project_id = $1`, [purged.id]);
    await t.db.query(`DELETE FROM projects WHERE id = $1`, [purged.id]);
    await expectSameFigures();
  });

  it('serves managers and admins from the rollup, officers per project', async () => {
    const asAdmin = await t.request('GET', '/api/analytics/kpis?year=2025', { token: admin.token });
    const asOfficer = await t.request('GET', '/api/analytics/kpis?year=2025', { token: officer.token });
    expect(asAdmin.status).toBe(200);
    expect(asOfficer.status).toBe(200);
    // a deliberate error in the rollup shows in the admin's figures only: the path each role takes
    await t.db.query(`UPDATE analytics_rollup SET active = active + 1000 WHERE grain = 'a' AND dim = 2`);
    try {
      const skewed = await t.request('GET', '/api/analytics/kpis?year=2025', { token: admin.token });
      expect(skewed.body.active.count).toBeGreaterThan(asAdmin.body.active.count + 999);
      expect((await t.request('GET', '/api/analytics/kpis?year=2025', { token: officer.token })).body.active).toEqual(asOfficer.body.active);
      const funnel = await t.request('GET', '/api/analytics/funnel?year=2025', { token: manager.token });
      expect(funnel.status).toBe(200);
    } finally {
      await t.db.query(`UPDATE analytics_rollup SET active = active - 1000 WHERE grain = 'a' AND dim = 2`);
    }
  });

  it('answers a manager of a park without projects with zeros', async () => {
    const empty = await makePark(t, unique('汇总空园区'));
    const emptyManager = await makeUser(t, 'manager', { parkId: empty.id });
    const kpis = await t.request('GET', '/api/analytics/kpis?year=2025', { token: emptyManager.token });
    expect(kpis.status).toBe(200);
    expect(kpis.body.active).toEqual({ count: 0, totalInvestment: 0, over100m: 0, over50m: 0 });
    const funnel = await t.request('GET', '/api/analytics/funnel?year=2025', { token: emptyManager.token });
    expect(funnel.status).toBe(200);
    expect(funnel.body.stages.map((s: { entered: number; medianDays: number | null }) => [s.entered, s.medianDays])).toEqual(funnel.body.stages.map(() => [0, null]));
  });

  it('serves the funnel of managers and admins, also for one officer, from the stays rollup for whole months', async () => {
    const urls = ['/api/analytics/funnel?year=2025', `/api/analytics/funnel?year=2025&ownerId=${officer.id}`];
    const before = await Promise.all(urls.map((url) => t.request('GET', url, { token: admin.token })));
    const odd = await t.request('GET', '/api/analytics/funnel?from=2025-02-14&to=2025-11-20', { token: admin.token });
    const asOfficer = await t.request('GET', '/api/analytics/funnel?year=2025', { token: officer.token });
    for (const res of [...before, odd, asOfficer]) expect(res.status).toBe(200);
    const dropped = (res: { body: { stages: { dropped: number }[] } }) => res.body.stages.reduce((sum, s) => sum + s.dropped, 0);
    await t.db.query(`UPDATE analytics_funnel_rollup SET dropped = dropped + 1000 WHERE grain = 'y' AND days_bucket = -1 AND dropped > 0`);
    try {
      const skewed = await Promise.all(urls.map((url) => t.request('GET', url, { token: admin.token })));
      expect(dropped(skewed[0])).toBeGreaterThan(dropped(before[0]) + 999);
      expect(dropped(skewed[1])).toBeGreaterThan(dropped(before[1]) + 999);
      expect((await t.request('GET', '/api/analytics/funnel?from=2025-02-14&to=2025-11-20', { token: admin.token })).body.stages).toEqual(odd.body.stages);
      expect((await t.request('GET', '/api/analytics/funnel?year=2025', { token: officer.token })).body.stages).toEqual(asOfficer.body.stages);
    } finally {
      await t.db.query(`UPDATE analytics_funnel_rollup SET dropped = dropped - 1000 WHERE grain = 'y' AND days_bucket = -1 AND dropped >= 1000`);
    }
  });
});
