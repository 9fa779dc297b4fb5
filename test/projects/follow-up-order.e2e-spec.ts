import { createTestApp, TestApp } from '../support/test-app';
import { makeProject, makeUser, TestUser } from '../support/factories';

/** `GET /api/projects?sort=nextFollowUpAt`: the workbench's "my projects by next follow-up", paged by the server. */
describe('projects sorted by next follow-up', () => {
  let t: TestApp;
  let officer: TestUser;
  /** ids in the expected order: soonest follow-up first (ties by id), then the projects without one (by id) */
  let expected: string[];

  const DAY = 86_400_000;
  const at = (days: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + 2 * 3_600_000).toISOString();

  beforeAll(async () => {
    t = await createTestApp();
    officer = await makeUser(t, 'officer');
    const other = await makeUser(t, 'officer');
    const dated: { id: string; due: string }[] = [];
    const undated: string[] = [];
    // follow-ups in 3 days, overdue by 2 days, two on the same day (tie broken by id), in 10 days; three without one
    for (const days of [3, -2, 5, 5, 10, null, null, null]) {
      const project = await makeProject(t, officer);
      if (days === null) { undated.push(project.id); continue; }
      const task = await t.request('POST', '/api/tasks', { token: officer.token, body: { projectId: project.id, title: '跟进', dueAt: at(days), assigneeId: officer.id } });
      expect(task.status).toBe(201);
      dated.push({ id: project.id, due: at(days) });
    }
    await makeProject(t, other); // someone else's project stays out of ownerId=me
    dated.sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
    expected = [...dated.map((d) => d.id), ...undated.sort()];
  });
  afterAll(async () => { await t.close(); });

  const walk = async (limit: number) => {
    const pages: { ids: string[]; nextFollowUpAt: (string | null)[] }[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { id: string; nextFollowUpAt: string | null }[]; nextCursor: string | null } } = await t.request(
        'GET', `/api/projects?ownerId=me&sort=nextFollowUpAt&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token: officer.token },
      );
      expect(res.status).toBe(200);
      pages.push({ ids: res.body.items.map((p) => p.id), nextFollowUpAt: res.body.items.map((p) => p.nextFollowUpAt) });
      cursor = res.body.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  };

  it('orders the soonest follow-up first (overdue included), ties by id, projects without a follow-up last', async () => {
    const [page] = await walk(50);
    expect(page.ids).toEqual(expected);
    expect(page.nextFollowUpAt.slice(0, 5).every((v) => v !== null)).toBe(true);
    expect(page.nextFollowUpAt.slice(5)).toEqual([null, null, null]);
  });

  it.each([1, 2, 3, 5, 7, 8])('pages with limit %i: every project exactly once, in order, across the dated and undated parts', async (limit) => {
    const pages = await walk(limit);
    expect(pages.flatMap((p) => p.ids)).toEqual(expected);
    expect(pages.slice(0, -1).every((p) => p.ids.length === limit)).toBe(true);
  });

  it('keeps the order with a name search (q)', async () => {
    const res = await t.request('GET', `/api/projects?ownerId=me&sort=nextFollowUpAt&q=${encodeURIComponent('项目')}&limit=50`, { token: officer.token });
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual(expected);
  });

  it('follows a task’s changes: the project moves when its follow-up is done', async () => {
    const first = expected[0];
    const tasks = await t.request('GET', `/api/tasks?projectId=${first}&status=open`, { token: officer.token });
    await t.request('POST', `/api/tasks/${tasks.body.items[0].id}/done`, { token: officer.token });
    const [page] = await walk(50);
    expect(page.ids[0]).toBe(expected[1]);
    expect(page.ids.slice(-4).sort()).toEqual([first, ...expected.slice(-3)].sort());
  });

  it('refuses a cursor of the newest-first order and an unknown sort (400 naming the parameter)', async () => {
    const newest = await t.request('GET', '/api/projects?ownerId=me&limit=1', { token: officer.token });
    const mixed = await t.request('GET', `/api/projects?ownerId=me&sort=nextFollowUpAt&limit=1&cursor=${newest.body.nextCursor}`, { token: officer.token });
    expect(mixed.status).toBe(400);
    expect(mixed.body.details[0].field).toBe('cursor');
    const bad = await t.request('GET', '/api/projects?sort=dueAt', { token: officer.token });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('sort');
  });

  it('is served by the follow-up indexes, without a sort step', async () => {
    await t.db.query('ANALYZE projects');
    const plans = await t.db.transaction(async (tx) => {
      // a table this small would be read whole: ask for the plan of a large one, where a sort would be the cost
      for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await tx.query(`SET LOCAL ${setting} = off`);
      const plan = async (sql: string, params: unknown[]) => (await tx.query(`EXPLAIN ${sql}`, params)).map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      return [
        await plan(`SELECT p.id FROM projects p WHERE p.owner_id = $1 AND p.deleted_at IS NULL AND p.next_follow_up_at IS NOT NULL
                     AND (p.next_follow_up_at, p.id) > ($2, $3) ORDER BY p.next_follow_up_at, p.id LIMIT 51`, [officer.id, new Date(), expected[0]]),
        await plan(`SELECT p.id FROM projects p WHERE p.owner_id = $1 AND p.deleted_at IS NULL AND p.next_follow_up_at IS NULL AND p.id > $2
                     ORDER BY p.next_follow_up_at, p.id LIMIT 51`, [officer.id, expected[0]]),
        await plan(`SELECT p.id FROM projects p WHERE p.deleted_at IS NULL AND p.next_follow_up_at IS NOT NULL
                     ORDER BY p.next_follow_up_at, p.id LIMIT 51`, []),
      ];
    });
    // on a table this small the planner may take either follow-up index for an officer's projects; both give the order
    for (const plan of plans) expect(plan).toMatch(/Index Scan using "IDX_projects_(owner_)?next_follow_up"/);
    const [owner] = await t.db.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'IDX_projects_owner_next_follow_up'`);
    expect(owner.indexdef).toContain('(owner_id, next_follow_up_at, id)');
    for (const plan of plans) expect(plan).not.toMatch(/\bSort\b/);
  });
});
