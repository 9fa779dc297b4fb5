import { Client } from 'pg';
import { scanCauses, type SqlRunner } from '../../libs/db/src/reminders/causes';
import { REMINDER_RULES, type ReminderRule, type RuleSettings, escalationPlan, scanBounds } from '@zs/domain';
import { BENCH_PASSWORD } from '../../apps/bench/src/data/bench-users';
import { checkNameColumns } from '../../apps/bench/src/data/check-names';
import { generateDataSet } from '../../apps/bench/src/data/generate';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Every list, search, funnel and scan query the product runs can use an index: a few thousand projects from
 * the benchmark's own generator (apps/bench/src/data), ANALYZE, then each query exactly as the app sends it
 * (captured from TypeORM while the real API answers over HTTP, or built by the reminder engine's own code) is
 * EXPLAINed with `enable_seqscan = off`. A Seq Scan left on a data table means no index can serve the query.
 * Plans only, never timings (those are the benchmark's: npm run bench).
 */

/** Configuration tables: a few hundred rows at most in any installation, a scan of them is fine. */
const SMALL_TABLES = new Set([
  'parks', 'users', 'dictionary_entries', 'reminder_rules', 'calendar_day_overrides', 'user_channel_settings', 'robot_webhooks',
  'project_code_counters', 'migrations', 'login_failures', 'analytics_rollup_settings',
]);

interface Captured {
  sql: string;
  params: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

const dataTable = (node: PlanNode) => !!node['Relation Name'] && !SMALL_TABLES.has(node['Relation Name']);

/** Index scans that read a whole data table (no index condition) below `node`, joins not entered (a join's inputs are its own). */
function fullIndexScans(node: PlanNode, found: string[] = []): string[] {
  for (const child of node.Plans ?? []) {
    if (/^Index (Only )?Scan$/.test(child['Node Type']) && !child['Index Cond'] && dataTable(child)) found.push(child['Relation Name']!);
    else if (!/Join|Nested Loop|^Hash$/.test(child['Node Type'])) fullIndexScans(child, found);
  }
  return found;
}

/**
 * What no index serves: a Seq Scan of a data table, or a Sort fed by a whole-table index scan (a list that
 * reads everything to order it: an index walk in the list's order would stop after one page).
 */
function unindexed(node: PlanNode, found: string[] = []): string[] {
  if (node['Node Type'] === 'Seq Scan' && dataTable(node)) found.push(`Seq Scan on ${node['Relation Name']}`);
  if (node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort') {
    for (const table of fullIndexScans(node)) found.push(`Sort over a whole-table index scan of ${table}`);
  }
  for (const child of node.Plans ?? []) unindexed(child, found);
  return found;
}

describe('query plans on generated data', () => {
  let t: TestApp;
  let explainer: Client;
  let captured: Captured[] = [];
  const tokens: Record<string, string> = {};
  let officerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const loader = new Client({ connectionString: t.databaseUrl });
    await loader.connect();
    await generateDataSet(loader, { projects: 3000 });
    await loader.query('ANALYZE');
    await loader.end();
    explainer = new Client({ connectionString: t.databaseUrl });
    await explainer.connect();
    await explainer.query('SET enable_seqscan = off');
    // every statement the API sends through TypeORM, with its parameters
    const logger = t.db.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (sql: string, params?: unknown[], runner?: any) => {
      captured.push({ sql, params: params ?? [] });
      return logQuery(sql, params, runner);
    };
    for (const username of ['manager', 'officer001']) tokens[username] = await t.login(username, BENCH_PASSWORD);
    [{ id: officerId }] = await t.db.query(`SELECT id FROM users WHERE username = 'officer001'`);
  }, 240_000);

  afterAll(async () => {
    await explainer?.end();
    await t?.close();
  });

  /** The data tables a plan reads with a Seq Scan, per captured statement. */
  async function planProblems(statements: Captured[]): Promise<string[]> {
    const problems: string[] = [];
    for (const { sql, params } of statements) {
      if (!/^\s*(SELECT|WITH)\b/i.test(sql)) continue;
      const { rows } = await explainer.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      const found = unindexed(rows[0]['QUERY PLAN'][0].Plan);
      if (found.length) problems.push(`${[...new Set(found)].join(', ')} in: ${sql.replace(/\s+/g, ' ').slice(0, 400)}`);
    }
    return problems;
  }

  /** Calls the API as `who`, expects 200, and returns the statements it ran. */
  async function statementsOf(who: string, path: string): Promise<{ statements: Captured[]; body: any }> {
    captured = [];
    const res = await t.request('GET', path, { token: tokens[who] });
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return { statements: captured, body: res.body };
  }

  it('generates a consistent data set whose name columns match the app’s own', async () => {
    const [counts] = await t.db.query(`SELECT (SELECT count(*)::int FROM projects) AS projects, (SELECT count(*)::int FROM visits) AS visits,
      (SELECT count(*)::int FROM tasks) AS tasks, (SELECT count(*)::int FROM milestones) AS milestones, (SELECT count(*)::int FROM leads) AS leads`);
    expect(counts).toEqual({ projects: 3000, visits: expect.any(Number), tasks: expect.any(Number), milestones: 33000, leads: 750 });
    expect(counts.visits).toBeGreaterThan(20000);
    // the stage machine's evidence is there for every project past it
    const [evidence] = await t.db.query(`SELECT
      count(*) FILTER (WHERE stage IN ('contract', 'land_delivered', 'construction', 'production')
        AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.project_id = p.id AND a.kind IN ('investment', 'land_transfer')))::int AS contract_without,
      count(*) FILTER (WHERE stage IN ('construction', 'production') AND construction_started_on IS NULL)::int AS started_without_date,
      count(*) FILTER (WHERE stage_entered_at <> (SELECT max(s.occurred_at) FROM project_stage_changes s WHERE s.project_id = p.id))::int AS history_disagrees
      FROM projects p`);
    expect(evidence).toEqual({ contract_without: 0, started_without_date: 0, history_disagrees: 0 });
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      expect(await checkNameColumns(client)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('finds generated projects by a two-character Chinese q', async () => {
    const res = await t.request('GET', `/api/projects?q=${encodeURIComponent('锂业')}`, { token: tokens.manager });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items) expect(`${item.name}${item.companyName}`).toContain('锂业');
  });

  /** `{officer}` stands for officer001's id. */
  const lists: [who: string, path: string][] = [
    ['manager', '/api/projects?stage=negotiation&ownerId={officer}'],
    ['officer001', '/api/projects?stage=negotiation&ownerId=me'],
    ['manager', '/api/projects'],
    ['manager', '/api/projects?industry=lithium_materials'],
    ['manager', '/api/projects?channel=expo'],
    ['manager', '/api/projects?q=锂业'],
    ['officer001', '/api/projects?q=纺织'],
    ['manager', '/api/projects?q=天齐'],
    ['manager', '/api/projects?q=锂业&sort=nextFollowUpAt'],
    ['manager', '/api/companies?q=光电'],
    ['manager', '/api/companies?industry=textile'],
    ['officer001', '/api/tasks?assigneeId=me&status=overdue'],
    ['officer001', '/api/tasks?assigneeId=me&status=open&sort=dueAt'],
    ['manager', '/api/leads'],
    ['manager', '/api/leads?status=new'],
    ['manager', '/api/leads?industry=textile'],
    ['manager', '/api/leads?channel=expo'],
    ['manager', '/api/leads?q=纺织'],
    ['officer001', '/api/leads'],
    ['manager', '/api/visits?ownerId={officer}'],
    ['officer001', '/api/visits?ownerId=me'],
    ['officer001', '/api/notifications'],
    ['officer001', '/api/notifications?unread=true'],
    ['manager', '/api/analytics/dispatch'],
    ['manager', '/api/analytics/funnel?from=2026-01-01&to=2026-12-31&ownerId={officer}'],
    ['manager', '/api/analytics/funnel?year=2025'],
    ['manager', '/api/analytics/funnel?from=2025-02-14&to=2025-11-20'],
  ];

  it.each(lists)('%s GET %s: every statement can use an index', async (who, path) => {
    const url = path.replace('{officer}', officerId).replace(/q=([^&]+)/, (_, q: string) => `q=${encodeURIComponent(q)}`);
    const { statements } = await statementsOf(who, url);
    expect(await planProblems(statements)).toEqual([]);
  });

  it('GET /api/projects, a deep keyset page: every statement can use an index', async () => {
    let cursor: string | null = null;
    for (let page = 0; page < 3; page++) {
      const { body, statements } = await statementsOf('manager', `/api/projects?stage=negotiation${cursor ? `&cursor=${cursor}` : ''}`);
      if (page === 2) expect(await planProblems(statements)).toEqual([]);
      cursor = body.nextCursor;
      expect(cursor).not.toBeNull();
    }
  });

  it('the reminder engine’s scan of every rule can use an index', async () => {
    const settings: (RuleSettings & { rule: ReminderRule })[] = await t.db.query(
      `SELECT rule, enabled, threshold, stage_thresholds AS "stageThresholds", escalation, channels FROM reminder_rules`,
    );
    const statements: Captured[] = [];
    const capture: SqlRunner = { query: async (sql, params) => { statements.push({ sql, params: params ?? [] }); return []; } };
    const now = new Date();
    for (const rule of REMINDER_RULES) {
      const ruleSettings = settings.find((s) => s.rule === rule);
      if (!ruleSettings) continue;
      const bounds = scanBounds(rule, { ...ruleSettings, enabled: true }, now, 'Asia/Shanghai');
      if (!bounds) continue;
      await scanCauses(capture, rule, bounds, escalationPlan(ruleSettings).map((p) => p.level), 500);
    }
    expect(statements.length).toBeGreaterThanOrEqual(7);
    expect(await planProblems(statements)).toEqual([]);
  });
});
