import { createTestApp, TestApp } from '../support/test-app';
import { makeCompany, makePark, makeUser, unique } from '../support/factories';

type ParkRow = { id: string; name: string; parentId: string | null; path: string; version: number };
type TreeNode = { id: string; name: string; parentId: string | null; children: TreeNode[] };

describe('parks', () => {
  let t: TestApp;
  let admin: string;
  let root: ParkRow;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    const me = await t.request('GET', '/api/auth/me', { token: admin });
    root = (await t.request('GET', `/api/parks/${me.body.parkId}`, { token: admin })).body;
  });
  afterAll(async () => { await t.close(); });

  const getPark = async (id: string, token = admin) => t.request('GET', `/api/parks/${id}`, { token });
  const listIds = async (token: string, query = '') =>
    (await t.request('GET', `/api/parks?limit=200${query}`, { token })).body.items.map((p: ParkRow) => p.id) as string[];

  it('has the root park created at first start, with path /<id>/', async () => {
    expect(root).toMatchObject({ parentId: null, path: `/${root.id}/`, depth: 0 });
  });

  it('creates a park under the root by default and a sub-area under it, computing paths', async () => {
    const park = await makePark(t, '大道湾工业园区');
    expect(park).toMatchObject({ id: expect.any(String), name: '大道湾工业园区' });
    const created = (await getPark(park.id)).body;
    expect(created).toMatchObject({ parentId: root.id, path: `/${root.id}/${park.id}/`, depth: 1, version: 1 });

    const area = await t.request('POST', '/api/parks', { token: admin, body: { name: '暖泉片区', parentId: park.id } });
    expect(area.status).toBe(201);
    expect(area.body).toMatchObject({ name: '暖泉片区', parentId: park.id, path: `/${root.id}/${park.id}/${area.body.id}/`, depth: 2 });
  });

  it('lets only admins create, change and delete parks (403)', async () => {
    const manager = await makeUser(t, 'manager');
    const park = await makePark(t);
    expect((await t.request('POST', '/api/parks', { token: manager.token, body: { name: unique('园区') } })).status).toBe(403);
    expect((await t.request('PATCH', `/api/parks/${park.id}`, { token: manager.token, body: { version: 1, name: 'x' } })).status).toBe(403);
    expect((await t.request('DELETE', `/api/parks/${park.id}`, { token: manager.token })).status).toBe(403);
    expect((await getPark(park.id)).body.name).toBe(park.name);
  });

  it('rejects an unknown parent, an unknown field and a blank name with 400 naming them', async () => {
    const unknownParent = await t.request('POST', '/api/parks', { token: admin, body: { name: unique('园区'), parentId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknownParent.status).toBe(400);
    expect(unknownParent.body.details).toEqual([expect.objectContaining({ field: 'parentId' })]);
    const unknownField = await t.request('POST', '/api/parks', { token: admin, body: { name: unique('园区'), path: '/x/' } });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.details).toEqual([expect.objectContaining({ field: 'path' })]);
    const blank = await t.request('POST', '/api/parks', { token: admin, body: { name: '   ' } });
    expect(blank.status).toBe(400);
    expect(blank.body.details).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('shows a user their park subtree only: lists, tree and 404 for a sibling park', async () => {
    const parkA = await makePark(t, unique('甲园区'));
    const areaA = await makePark(t, unique('甲片区'), parkA.id);
    const parkB = await makePark(t, unique('乙园区'));
    const officerA = await makeUser(t, 'officer', { parkId: parkA.id });

    expect((await listIds(officerA.token)).sort()).toEqual([parkA.id, areaA.id].sort());
    expect((await getPark(parkB.id, officerA.token)).status).toBe(404);
    expect((await getPark(root.id, officerA.token)).status).toBe(404);
    expect((await getPark(areaA.id, officerA.token)).status).toBe(200);

    const tree = await t.request<TreeNode[]>('GET', '/api/parks/tree', { token: officerA.token });
    expect(tree.status).toBe(200);
    expect(tree.body).toEqual([{ id: parkA.id, name: parkA.name, parentId: root.id, children: [{ id: areaA.id, name: areaA.name, parentId: parkA.id, children: [] }] }]);

    const adminList = await listIds(admin);
    expect(adminList).toEqual(expect.arrayContaining([root.id, parkA.id, areaA.id, parkB.id]));
    const adminTree = (await t.request<TreeNode[]>('GET', '/api/parks/tree', { token: admin })).body;
    expect(adminTree).toHaveLength(1);
    expect(adminTree[0].id).toBe(root.id);
    const nodeA = adminTree[0].children.find((c) => c.id === parkA.id);
    expect(nodeA?.children.map((c) => c.id)).toEqual([areaA.id]);
  });

  it('lists parks in path order (each park before its sub-areas) and pages through them with a cursor', async () => {
    const parent = await makePark(t, unique('丙园区'));
    const children = [await makePark(t, unique('丙一'), parent.id), await makePark(t, unique('丙二'), parent.id)];
    const all = (await t.request('GET', '/api/parks?limit=200', { token: admin })).body.items as ParkRow[];
    const paths = all.map((p) => p.path);
    expect([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(paths);
    expect(paths[0]).toBe(root.path);
    const at = (id: string) => all.findIndex((p) => p.id === id);
    for (const child of children) expect(at(child.id)).toBeGreaterThan(at(parent.id));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: ParkRow[]; nextCursor: string | null } } = await t.request('GET', `/api/parks?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: admin });
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((p) => p.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((p) => p.id));

    const subtree = await listIds(admin, `&parkId=${parent.id}`);
    expect(subtree.sort()).toEqual([parent.id, ...children.map((c) => c.id)].sort());
  });

  it('renames a park with its version; a stale version is 409 and changes nothing', async () => {
    const park = await makePark(t, '旧名称园区');
    const renamed = await t.request('PATCH', `/api/parks/${park.id}`, { token: admin, body: { version: 1, name: '新名称园区' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '新名称园区', version: 2 });
    const stale = await t.request('PATCH', `/api/parks/${park.id}`, { token: admin, body: { version: 1, name: '又一个名称' } });
    expect(stale.status).toBe(409);
    expect((await getPark(park.id)).body).toMatchObject({ name: '新名称园区', version: 2 });
  });

  it('moves a park with its sub-areas: paths rewritten, and users of the new parent park see its companies', async () => {
    const parkA = await makePark(t, unique('甲'));
    const parkC = await makePark(t, unique('丙'));
    const parkB = await makePark(t, unique('乙'), parkC.id);
    const areaB = await makePark(t, unique('乙片区'), parkB.id);
    const userA = await makeUser(t, 'officer', { parkId: parkA.id });
    const userC = await makeUser(t, 'officer', { parkId: parkC.id });
    const userB = await makeUser(t, 'officer', { parkId: areaB.id });
    const company = await makeCompany(t, userB.token);

    expect((await t.request('GET', `/api/companies/${company.id}`, { token: userC.token })).status).toBe(200);
    expect((await t.request('GET', `/api/companies/${company.id}`, { token: userA.token })).status).toBe(404);

    const moved = await t.request('PATCH', `/api/parks/${parkB.id}`, { token: admin, body: { version: 1, parentId: parkA.id } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: parkA.id, path: `/${root.id}/${parkA.id}/${parkB.id}/`, depth: 2 });
    expect((await getPark(areaB.id)).body.path).toBe(`/${root.id}/${parkA.id}/${parkB.id}/${areaB.id}/`);

    expect((await t.request('GET', `/api/companies/${company.id}`, { token: userA.token })).status).toBe(200);
    expect((await t.request('GET', `/api/companies/${company.id}`, { token: userC.token })).status).toBe(404);
    expect((await listIds(userA.token)).sort()).toEqual([parkA.id, parkB.id, areaB.id].sort());
    expect(await listIds(userC.token)).toEqual([parkC.id]);
    expect((await t.request('GET', `/api/companies/${company.id}`, { token: userB.token })).status).toBe(200);
  });

  it('refuses to move a park under itself, under one of its sub-areas, or to move the root (400 naming parentId)', async () => {
    const park = await makePark(t);
    const area = await makePark(t, unique('片区'), park.id);
    for (const parentId of [park.id, area.id]) {
      const res = await t.request('PATCH', `/api/parks/${park.id}`, { token: admin, body: { version: 1, parentId } });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'parentId' })]);
    }
    const rootMove = await t.request('PATCH', `/api/parks/${root.id}`, { token: admin, body: { version: root.version, parentId: park.id } });
    expect(rootMove.status).toBe(400);
    expect((await getPark(park.id)).body).toMatchObject({ parentId: root.id, version: 1 });
    expect((await getPark(area.id)).body.path).toBe(`/${root.id}/${park.id}/${area.id}/`);
  });

  it('refuses to delete a park that still has users, companies or sub-areas (409), and the root', async () => {
    const withUser = await makePark(t);
    await makeUser(t, 'officer', { parkId: withUser.id });
    const withArea = await makePark(t);
    await makePark(t, unique('片区'), withArea.id);
    const withCompany = await makePark(t);
    await makeCompany(t, admin, { parkId: withCompany.id });
    for (const [park, field] of [[withUser, 'users'], [withArea, 'parks'], [withCompany, 'companies']] as const) {
      const res = await t.request('DELETE', `/api/parks/${park.id}`, { token: admin });
      expect(res.status).toBe(409);
      expect(res.body.details).toEqual([expect.objectContaining({ field })]);
      expect((await getPark(park.id)).status).toBe(200);
    }
    expect((await t.request('DELETE', `/api/parks/${root.id}`, { token: admin })).status).toBe(409);
  });

  it('deletes an empty park softly: 204, then 404; admins list it with ?deleted=true and restore it', async () => {
    const park = await makePark(t);
    expect((await t.request('DELETE', `/api/parks/${park.id}`, { token: admin })).status).toBe(204);
    expect((await getPark(park.id)).status).toBe(404);
    expect(await listIds(admin)).not.toContain(park.id);
    expect(await listIds(admin, '&deleted=true')).toContain(park.id);
    const manager = await makeUser(t, 'manager');
    expect((await t.request('GET', '/api/parks?deleted=true', { token: manager.token })).status).toBe(403);

    const restored = await t.request('POST', `/api/parks/${park.id}/restore`, { token: admin });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: park.id, deletedAt: null });
    expect((await getPark(park.id)).status).toBe(200);
  });

  it('refuses to create under or restore into a deleted park', async () => {
    const parent = await makePark(t);
    const area = await makePark(t, unique('片区'), parent.id);
    expect((await t.request('DELETE', `/api/parks/${area.id}`, { token: admin })).status).toBe(204);
    expect((await t.request('DELETE', `/api/parks/${parent.id}`, { token: admin })).status).toBe(204);
    const under = await t.request('POST', '/api/parks', { token: admin, body: { name: unique('片区'), parentId: parent.id } });
    expect(under.status).toBe(400);
    expect((await t.request('POST', `/api/parks/${area.id}/restore`, { token: admin })).status).toBe(409);
    expect((await t.request('POST', `/api/parks/${parent.id}/restore`, { token: admin })).status).toBe(200);
    expect((await t.request('POST', `/api/parks/${area.id}/restore`, { token: admin })).status).toBe(200);
  });

  it('answers 400 naming id for a non-uuid id', async () => {
    const res = await getPark('not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'id' })]);
  });
});
