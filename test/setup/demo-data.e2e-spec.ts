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

  it('holds leads at every step: new, assigned awaiting screening, pursuing, rejected with a reason, a suspected duplicate', async () => {
    const manager = await t.login('zhangju', 'demo-2026');
    const leads = (await t.request('GET', '/api/leads?limit=200', { token: manager })).body.items as Record<string, any>[];
    const byTitle = (part: string) => leads.find((l) => l.title.includes(part))!;
    expect(leads.map((l) => l.status).sort()).toEqual(['assigned', 'assigned', 'new', 'pursuing', 'rejected']);
    const fresh = byTitle('中通快递');
    expect(fresh).toMatchObject({ status: 'new', assigneeId: null, screeningDueOn: null });
    const today = new Date().toISOString().slice(0, 10);
    for (const lead of leads.filter((l) => l.status === 'assigned')) {
      expect(lead.assigneeId).toEqual(expect.any(String));
      expect(lead.screeningDueOn > today).toBe(true); // working days after today's assignment
    }
    expect(byTitle('电镀')).toMatchObject({ status: 'rejected', screeningNote: expect.stringMatching(/\S/), screeningOpinion: expect.stringMatching(/\S/) });

    // the officer sees the leads assigned to him, the one a manager logged among them, and the duplicate beside it
    const liming = await t.login('liming', 'demo-2026');
    const mine = (await t.request('GET', '/api/leads?assigneeId=me&status=assigned', { token: liming })).body.items as Record<string, any>[];
    expect(mine.map((l) => l.title).sort()).toEqual(['天齐锂业碳酸锂扩产项目', '红星美凯龙家居商贸综合体项目']);
    const duplicates = await t.request('GET', `/api/leads/${byTitle('天齐锂业').id}/duplicates`, { token: liming });
    expect(duplicates.body.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'company', name: '天齐锂业股份有限公司', reasons: expect.arrayContaining(['similar_name']) }),
      expect.objectContaining({ kind: 'project' }),
    ]));

    // the pursuing lead converts into company + contact + project
    const zhaolei = await t.login('zhaolei', 'demo-2026');
    const converted = await t.request('POST', `/api/leads/${byTitle('昊裕油脂').id}/convert`, { token: zhaolei, body: {} });
    expect(converted.status).toBe(201);
    expect(converted.body.project).toMatchObject({ stage: 'intention', name: '昊裕油脂年产10万吨食用油精炼项目', totalInvestment: 8000 });
    expect(converted.body.contact).toMatchObject({ name: '马建国' });
  });

  it('is not loaded twice', async () => {
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM projects`);
    await t.close();
    t = await createTestApp({ DEMO_DATA: 'true', DATABASE_URL: t.databaseUrl });
    const [{ again }] = await t.db.query(`SELECT count(*)::int AS again FROM projects`);
    expect(again).toBe(count);
  });
});
