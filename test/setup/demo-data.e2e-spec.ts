import { createTestApp, TestApp } from '../support/test-app';

/** The demo data a new user gets from `npm start`: loaded through the real services, with the seed's figures. */
describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ DEMO_DATA: 'true' }); }, 180_000);
  afterAll(async () => { await t.close(); });

  const parkProjects = async (token: string, parkName: string) => {
    const parks = await t.request('GET', '/api/parks?limit=200', { token });
    const park = parks.body.items.find((p: { name: string }) => p.name === parkName);
    const items: { stage: string; totalInvestment: number }[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: typeof items; nextCursor: string | null } } = await t.request('GET', `/api/projects?parkId=${park.id}&limit=200${cursor ? `&cursor=${cursor}` : ''}`, { token });
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  };

  it('lets the documented demo accounts sign in', async () => {
    for (const username of ['zhangju', 'wangfz', 'liming', 'chenjing', 'zhaolei']) {
      expect(await t.login(username, 'demo-2026')).toEqual(expect.any(String));
    }
  });

  it('holds Guandu park’s 25 firms of which 12 started construction (start rate 48%)', async () => {
    const projects = await parkProjects(await t.login('zhangju', 'demo-2026'), '官渡工业园区');
    expect(projects).toHaveLength(25);
    expect(projects.filter((p) => p.stage === 'construction')).toHaveLength(12);
    expect(projects.filter((p) => p.stage === 'land_delivered')).toHaveLength(13);
  });

  it('holds Dadaowan’s 11 landed projects worth 21.05 亿元 and 22 in negotiation', async () => {
    const projects = await parkProjects(await t.login('zhangju', 'demo-2026'), '大道湾园区');
    const landed = projects.filter((p) => p.stage === 'land_delivered');
    expect(landed).toHaveLength(11);
    expect(landed.reduce((sum, p) => sum + p.totalInvestment, 0)).toBe(210500);
    expect(projects.filter((p) => p.stage === 'negotiation')).toHaveLength(22);
  });

  it('gives officers overdue follow-ups, and keeps each project’s stage history in order', async () => {
    const officer = await t.login('zhaolei', 'demo-2026');
    const overdue = await t.request('GET', '/api/tasks?assigneeId=me&status=overdue', { token: officer });
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.length).toBeGreaterThan(0);
    const [{ disordered }] = await t.db.query(`
      SELECT count(*)::int AS disordered FROM (
        SELECT occurred_at < lag(occurred_at) OVER (PARTITION BY project_id ORDER BY created_at) AS bad FROM project_stage_changes
      ) s WHERE bad`);
    expect(disordered).toBe(0);
  });

  it('is not loaded twice', async () => {
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM projects`);
    await t.close();
    t = await createTestApp({ DEMO_DATA: 'true', DATABASE_URL: t.databaseUrl });
    const [{ again }] = await t.db.query(`SELECT count(*)::int AS again FROM projects`);
    expect(again).toBe(count);
  });
});
