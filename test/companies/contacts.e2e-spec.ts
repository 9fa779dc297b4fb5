import { createTestApp, TestApp } from '../support/test-app';
import { makeCompany, makePark, makeUser, TestUser, unique } from '../support/factories';

type ContactRow = { id: string; companyId: string; name: string; primary: boolean; version: number; [k: string]: unknown };

describe('contacts', () => {
  let t: TestApp;
  let admin: string;
  let officerA: TestUser;
  let officerB: TestUser;
  let company: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    const parkA = await makePark(t, unique('甲园区'));
    const parkB = await makePark(t, unique('乙园区'));
    officerA = await makeUser(t, 'officer', { parkId: parkA.id });
    officerB = await makeUser(t, 'officer', { parkId: parkB.id });
    company = await makeCompany(t, officerA.token, { name: '天齐锂业股份有限公司', industry: 'lithium_materials' });
  });
  afterAll(async () => { await t.close(); });

  const addContact = async (companyId: string, body: Record<string, unknown>, token = officerA.token) =>
    t.request('POST', `/api/companies/${companyId}/contacts`, { token, body });
  const getContact = (id: string, token = officerA.token) => t.request('GET', `/api/contacts/${id}`, { token });

  it('adds a contact to a company (201) and keeps the mobile’s digits for the duplicate check', async () => {
    const res = await addContact(company.id, { name: '王经理', title: '董事长', mobile: '+86 138-0013-8000', email: 'wang@example.com', wechat: 'wang_tq' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ companyId: company.id, name: '王经理', title: '董事长', mobile: '+86 138-0013-8000', email: 'wang@example.com', primary: false, version: 1 });
    expect(res.body.mobileNorm).toBeUndefined();
    const [row] = await t.db.query(`SELECT mobile_norm FROM contacts WHERE id = $1`, [res.body.id]);
    expect(row.mobile_norm).toBe('13800138000');
    expect((await getContact(res.body.id)).body.name).toBe('王经理');
  });

  it('keeps at most one primary contact: a new primary clears the old one, and the company lists the primary first', async () => {
    const co = await makeCompany(t, officerA.token);
    const first = await addContact(co.id, { name: '张总', primary: true });
    const plain = await addContact(co.id, { name: '李秘书' });
    expect((await getContact(first.body.id)).body.primary).toBe(true);

    const second = await addContact(co.id, { name: '赵总', primary: true });
    expect(second.body.primary).toBe(true);
    const oldPrimary = (await getContact(first.body.id)).body;
    expect(oldPrimary).toMatchObject({ primary: false, version: 2 });

    const detail = await t.request('GET', `/api/companies/${co.id}`, { token: officerA.token });
    expect(detail.body.contacts.map((c: ContactRow) => c.id)).toEqual([second.body.id, first.body.id, plain.body.id]);
    expect(detail.body.contacts.filter((c: ContactRow) => c.primary)).toHaveLength(1);

    const promoted = await t.request('PATCH', `/api/contacts/${plain.body.id}`, { token: officerA.token, body: { version: 1, primary: true } });
    expect(promoted.status).toBe(200);
    expect(promoted.body.primary).toBe(true);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM contacts WHERE company_id = $1 AND "primary" AND deleted_at IS NULL`, [co.id]);
    expect(count).toBe(1);
    expect((await getContact(second.body.id)).body.primary).toBe(false);
  });

  it('updates a contact with its version; a stale version is 409 and changes nothing (no primary cleared either)', async () => {
    const co = await makeCompany(t, officerA.token);
    const primary = await addContact(co.id, { name: '孙总', primary: true });
    const other = await addContact(co.id, { name: '周经理', mobile: '13900000000' });
    const updated = await t.request('PATCH', `/api/contacts/${other.body.id}`, { token: officerA.token, body: { version: 1, title: '总经理', mobile: '0086 139 1111 2222' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ title: '总经理', version: 2 });
    const [row] = await t.db.query(`SELECT mobile_norm FROM contacts WHERE id = $1`, [other.body.id]);
    expect(row.mobile_norm).toBe('13911112222');

    const stale = await t.request('PATCH', `/api/contacts/${other.body.id}`, { token: officerA.token, body: { version: 1, title: '副总', primary: true } });
    expect(stale.status).toBe(409);
    expect((await getContact(other.body.id)).body).toMatchObject({ title: '总经理', primary: false, version: 2 });
    expect((await getContact(primary.body.id)).body).toMatchObject({ primary: true, version: 1 });
  });

  it('rejects a bad email, a bad mobile, unknown fields and a null name with 400 naming them', async () => {
    const bad = await addContact(company.id, { name: '钱', email: 'not-an-email', mobile: 'call me' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'mobile']);
    const unknown = await addContact(company.id, { name: '钱', mobileNorm: '1', companyId: company.id });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['companyId', 'mobileNorm']);
    const contact = await addContact(company.id, { name: '吴' });
    const nullName = await t.request('PATCH', `/api/contacts/${contact.body.id}`, { token: officerA.token, body: { version: 1, name: null } });
    expect(nullName.status).toBe(400);
    expect(nullName.body.details).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('follows the company’s park: a user of a sibling park gets 404 everywhere and changes nothing', async () => {
    const contact = await addContact(company.id, { name: '郑经理' });
    expect((await addContact(company.id, { name: '冒充者' }, officerB.token)).status).toBe(404);
    expect((await t.request('GET', `/api/companies/${company.id}/contacts`, { token: officerB.token })).status).toBe(404);
    expect((await getContact(contact.body.id, officerB.token)).status).toBe(404);
    expect((await t.request('PATCH', `/api/contacts/${contact.body.id}`, { token: officerB.token, body: { version: 1, name: 'x' } })).status).toBe(404);
    expect((await t.request('DELETE', `/api/contacts/${contact.body.id}`, { token: officerB.token })).status).toBe(404);
    expect((await getContact(contact.body.id)).body).toMatchObject({ name: '郑经理', version: 1 });
  });

  it('lists a company’s contacts newest first, paged', async () => {
    const co = await makeCompany(t, officerA.token);
    const made: string[] = [];
    for (const name of ['甲', '乙', '丙']) made.push((await addContact(co.id, { name })).body.id);
    const first = await t.request('GET', `/api/companies/${co.id}/contacts?limit=2`, { token: officerA.token });
    expect(first.body.items.map((c: ContactRow) => c.id)).toEqual([made[2], made[1]]);
    const second = await t.request('GET', `/api/companies/${co.id}/contacts?limit=2&cursor=${first.body.nextCursor}`, { token: officerA.token });
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: made[0] })], nextCursor: null });
  });

  it('deletes softly (204, then 404); admins list deleted contacts and restore them, others get 403', async () => {
    const co = await makeCompany(t, officerA.token);
    const contact = await addContact(co.id, { name: '冯经理', primary: true });
    expect((await t.request('DELETE', `/api/contacts/${contact.body.id}`, { token: officerA.token })).status).toBe(204);
    expect((await getContact(contact.body.id)).status).toBe(404);
    expect((await t.request('GET', `/api/companies/${co.id}`, { token: officerA.token })).body.contacts).toEqual([]);
    expect((await t.request('GET', `/api/companies/${co.id}/contacts?deleted=true`, { token: officerA.token })).status).toBe(403);
    const deleted = await t.request('GET', `/api/companies/${co.id}/contacts?deleted=true`, { token: admin });
    expect(deleted.body.items.map((c: ContactRow) => c.id)).toEqual([contact.body.id]);
    expect((await t.request('POST', `/api/contacts/${contact.body.id}/restore`, { token: officerA.token })).status).toBe(403);

    // meanwhile another primary was named: the restored contact comes back without the primary flag
    const newer = await addContact(co.id, { name: '陈总', primary: true });
    const restored = await t.request('POST', `/api/contacts/${contact.body.id}/restore`, { token: admin });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: contact.body.id, deletedAt: null, primary: false });
    expect((await getContact(newer.body.id)).body.primary).toBe(true);
  });

  it('hides the contacts of a deleted company and refuses to restore one until the company is back (409)', async () => {
    const co = await makeCompany(t, officerA.token);
    const contact = await addContact(co.id, { name: '褚经理' });
    expect((await t.request('DELETE', `/api/contacts/${contact.body.id}`, { token: officerA.token })).status).toBe(204);
    const manager = await makeUser(t, 'manager');
    expect((await t.request('DELETE', `/api/companies/${co.id}`, { token: manager.token })).status).toBe(204);
    expect((await t.request('POST', `/api/contacts/${contact.body.id}/restore`, { token: admin })).status).toBe(409);
    expect((await t.request('POST', `/api/companies/${co.id}/restore`, { token: admin })).status).toBe(200);
    expect((await t.request('POST', `/api/contacts/${contact.body.id}/restore`, { token: admin })).status).toBe(200);
  });
});
