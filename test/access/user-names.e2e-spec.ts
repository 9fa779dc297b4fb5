import { createTestApp, TestApp } from '../support/test-app';
import { makePark, makeUser, TestUser, unique } from '../support/factories';

/**
 * The people a record names (reported by, assignee, owner, leader …) are often users of the park above the
 * caller's (the bureau's managers and leaders): `GET /api/users/names` gives their display names to every signed-in
 * user, and nothing more; a sibling park's users stay out of reach, and `GET /api/users/:id` stays within the park subtree.
 */
describe('user names for the people records name', () => {
  let t: TestApp;
  const who: Record<string, TestUser> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const bureau = await makePark(t, unique('招商局'));
    const park = await makePark(t, unique('甲园区'), bureau.id);
    const area = await makePark(t, unique('甲片区'), park.id);
    const sibling = await makePark(t, unique('乙园区'), bureau.id);
    for (const [key, role, parkId, displayName] of [
      ['bureauManager', 'manager', bureau.id, '张局长'], ['officer', 'officer', park.id, '李明'], ['areaOfficer', 'officer', area.id, '孙倩'],
      ['siblingOfficer', 'officer', sibling.id, '陈静'],
    ] as const) who[key] = await makeUser(t, role, { parkId, displayName });
  });
  afterAll(async () => { await t.close(); });

  const names = (token: string, ids: string[]) => t.request('GET', `/api/users/names?ids=${ids.join(',')}`, { token });

  it('gives an officer the names of the bureau above, their park and its sub-areas, and leaves a sibling park’s user out', async () => {
    const res = await names(who.officer.token, [who.bureauManager.id, who.officer.id, who.areaOfficer.id, who.siblingOfficer.id]);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(3);
    expect(res.body.items).toEqual(expect.arrayContaining([
      { id: who.bureauManager.id, displayName: '张局长' }, { id: who.officer.id, displayName: '李明' }, { id: who.areaOfficer.id, displayName: '孙倩' },
    ]));
    for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(['displayName', 'id']); // nothing else of them
  });

  it('keeps GET /api/users/:id within the park subtree: the bureau’s user and a sibling park’s user are 404 to an officer', async () => {
    expect((await t.request('GET', `/api/users/${who.areaOfficer.id}`, { token: who.officer.token })).status).toBe(200);
    expect((await t.request('GET', `/api/users/${who.siblingOfficer.id}`, { token: who.officer.token })).status).toBe(404);
    expect((await t.request('GET', `/api/users/${who.bureauManager.id}`, { token: who.officer.token })).status).toBe(404);
    expect((await names(who.siblingOfficer.token, [who.officer.id, who.areaOfficer.id])).body.items).toEqual([]);
  });

  it('gives the bureau manager every park below, and admins everyone', async () => {
    const ids = [who.officer.id, who.areaOfficer.id, who.siblingOfficer.id];
    expect((await names(who.bureauManager.token, ids)).body.items).toHaveLength(3);
    expect((await names(await t.adminToken(), [...ids, who.bureauManager.id])).body.items).toHaveLength(4);
  });

  it('accepts the ids repeated, and rejects no ids, a bad id and more than 200 (400 naming ids)', async () => {
    const repeated = await t.request('GET', `/api/users/names?ids=${who.officer.id}&ids=${who.bureauManager.id}`, { token: who.areaOfficer.token });
    expect(repeated.body.items).toHaveLength(2);
    const tooMany = Array.from({ length: 201 }, () => who.officer.id);
    for (const query of ['', '?ids=', '?ids=not-a-uuid', `?ids=${tooMany.join(',')}`]) {
      const res = await t.request('GET', `/api/users/names${query}`, { token: who.officer.token });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'ids' })]));
    }
    expect((await t.request('GET', `/api/users/names?ids=${who.officer.id}`)).status).toBe(401);
  });
});
