import { createTestApp, TestApp } from '../support/test-app';
import { makeCompany, makeCreditCode, makePark, makeUser, TestUser, unique } from '../support/factories';
import { CREDIT_CODE_CHARSET } from '@zs/domain';

type CompanyRow = { id: string; name: string; parkId: string; creditCode: string | null; version: number; [k: string]: unknown };

/** The same code with a wrong check character. */
const withWrongCheckChar = (code: string) => code.slice(0, 17) + CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(code[17]) + 1) % CREDIT_CODE_CHARSET.length];

/** A project row written straight to the table: this file tests companies, not the projects API. */
async function insertProject(
  t: TestApp,
  p: { companyId: string; parkId: string; ownerId: string; confidential?: boolean; leaderId?: string | null; assistantIds?: string[]; totalInvestment?: number },
): Promise<{ id: string; code: string; name: string }> {
  const code = unique('T-').slice(0, 20);
  const name = unique('项目');
  const [row] = await t.db.query(
    `INSERT INTO projects (park_id, code, name, company_id, industry, channel, total_investment, owner_id, leader_id, assistant_ids, confidential, stage_entered_at, last_activity_at)
     VALUES ($1, $2, $3, $4, 'textile', 'door_knocking', $5, $6, $7, $8, $9, now(), now()) RETURNING id`,
    [p.parkId, code, name, p.companyId, p.totalInvestment ?? 5200, p.ownerId, p.leaderId ?? null, p.assistantIds ?? [], p.confidential ?? false],
  );
  return { id: row.id, code, name };
}

describe('companies', () => {
  let t: TestApp;
  let admin: string;
  let parkA: { id: string };
  let parkB: { id: string };
  let officerA: TestUser;
  let officerB: TestUser;
  let managerA: TestUser;
  let bureauManager: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    parkA = await makePark(t, unique('甲园区'));
    parkB = await makePark(t, unique('乙园区'));
    officerA = await makeUser(t, 'officer', { parkId: parkA.id });
    officerB = await makeUser(t, 'officer', { parkId: parkB.id });
    managerA = await makeUser(t, 'manager', { parkId: parkA.id });
    bureauManager = await makeUser(t, 'manager');
  });
  afterAll(async () => { await t.close(); });

  const post = (token: string, body: Record<string, unknown>) => t.request('POST', '/api/companies', { token, body });
  const list = async (token: string, query = '') => t.request<{ items: CompanyRow[]; nextCursor: string | null }>('GET', `/api/companies?limit=200${query}`, { token });
  const ids = async (token: string, query = '') => (await list(token, query)).body.items.map((c) => c.id);

  it('creates a company in the caller’s park with a normalised credit code', async () => {
    const code = makeCreditCode();
    const res = await post(officerA.token, {
      name: '天齐锂业股份有限公司', creditCode: ` ${code.toLowerCase()} `, country: 'CN', province: '四川', city: '遂宁',
      industry: 'lithium_materials', size: '大型', listed: true, website: 'https://www.tianqilithium.com', registeredCapital: 147500.5,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: '天齐锂业股份有限公司', creditCode: code, country: 'CN', industry: 'lithium_materials', listed: true,
      registeredCapital: 147500.5, parkId: parkA.id, createdById: officerA.id, version: 1, deletedAt: null,
    });
    expect(res.body.nameNorm).toBeUndefined();
    const [row] = await t.db.query(`SELECT name_norm, name_bigrams FROM companies WHERE id = $1`, [res.body.id]);
    expect(row.name_norm).toBe('天齐锂业');
    expect(row.name_bigrams).toEqual(expect.arrayContaining(['天齐', '锂业', '有限']));
  });

  it('rejects a credit code with a wrong check character with 400 naming creditCode and the Chinese reason', async () => {
    const code = makeCreditCode();
    const res = await post(officerA.token, { name: unique('企业'), creditCode: withWrongCheckChar(code), country: 'CN', industry: 'textile' });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'creditCode', message: expect.stringContaining('校验码错误') }]);
    const short = await post(officerA.token, { name: unique('企业'), creditCode: code.slice(0, 17), country: 'CN', industry: 'textile' });
    expect(short.status).toBe(400);
    expect(short.body.details).toEqual([{ field: 'creditCode', message: expect.stringContaining('18 位') }]);
  });

  it('answers 409 naming creditCode for the same credit code twice, even from another park', async () => {
    const code = makeCreditCode();
    expect((await post(officerA.token, { name: unique('企业'), creditCode: code, country: 'CN', industry: 'textile' })).status).toBe(201);
    const again = await post(officerB.token, { name: unique('企业'), creditCode: code, country: 'CN', industry: 'textile' });
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual([expect.objectContaining({ field: 'creditCode' })]);
    expect(await ids(admin, `&creditCode=${code}`)).toHaveLength(1);
  });

  it('rejects a country that is not an upper-case ISO 3166-1 alpha-2 code, and an unknown industry, naming them', async () => {
    for (const country of ['cn', 'CHN', 'XX']) {
      const res = await post(officerA.token, { name: unique('企业'), country, industry: 'textile' });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'country' })]);
    }
    expect((await post(officerA.token, { name: unique('Zorlu Tekstil'), country: 'TR', industry: 'textile' })).status).toBe(201);
    const industry = await post(officerA.token, { name: unique('企业'), country: 'CN', industry: 'spaceships' });
    expect(industry.status).toBe(400);
    expect(industry.body.details).toEqual([expect.objectContaining({ field: 'industry' })]);
  });

  it('rejects unknown and read-only fields with 400 naming them', async () => {
    const res = await post(officerA.token, { name: unique('企业'), country: 'CN', industry: 'textile', nameNorm: 'x', id: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['id', 'nameNorm']);
    const missing = await post(officerA.token, { name: unique('企业') });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['country', 'industry']);
  });

  it('finds companies by Chinese substrings with q (锂业 and 锂), and by an exact credit code', async () => {
    const code = makeCreditCode();
    const tianqi = await makeCompany(t, officerA.token, { name: '天齐锂业股份有限公司', industry: 'lithium_materials', creditCode: code });
    const other = await makeCompany(t, officerA.token, { name: '遂宁纺织有限公司' });
    for (const q of ['锂业', '锂', '天齐锂业股份', '锂业股份有限公司']) {
      const found = await ids(officerA.token, `&q=${encodeURIComponent(q)}`);
      expect(found).toContain(tianqi.id);
      expect(found).not.toContain(other.id);
    }
    expect(await ids(officerA.token, `&q=${code.toLowerCase()}`)).toEqual([tianqi.id]);
    expect(await ids(officerA.token, `&q=${encodeURIComponent('锂电池')}`)).not.toContain(tianqi.id);
    expect(await ids(officerA.token, `&q=${encodeURIComponent('100%')}`)).toEqual([]);
  });

  it('filters by industry, country and credit code', async () => {
    const code = makeCreditCode();
    const led = await makeCompany(t, officerA.token, { industry: 'led', country: 'TW', creditCode: code });
    const other = await makeCompany(t, officerA.token, { industry: 'textile' });
    const byIndustry = await ids(officerA.token, '&industry=led');
    expect(byIndustry).toContain(led.id);
    expect(byIndustry).not.toContain(other.id);
    expect(await ids(officerA.token, '&country=TW')).toEqual([led.id]);
    expect(await ids(officerA.token, `&creditCode=${code}`)).toEqual([led.id]);
  });

  it('keeps sibling parks apart: 404 on the other park’s company, absent from lists; the bureau manager sees both', async () => {
    const a = await makeCompany(t, officerA.token);
    const b = await makeCompany(t, officerB.token);
    expect((await t.request('GET', `/api/companies/${a.id}`, { token: officerB.token })).status).toBe(404);
    expect((await t.request('PATCH', `/api/companies/${a.id}`, { token: officerB.token, body: { version: 1, name: 'x' } })).status).toBe(404);
    expect((await t.request('GET', `/api/companies/${a.id}/contacts`, { token: officerB.token })).status).toBe(404);
    const managerB = await makeUser(t, 'manager', { parkId: parkB.id });
    expect((await t.request('DELETE', `/api/companies/${a.id}`, { token: managerB.token })).status).toBe(404);
    const listB = await ids(officerB.token);
    expect(listB).toContain(b.id);
    expect(listB).not.toContain(a.id);
    const bureau = await ids(bureauManager.token);
    expect(bureau).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids(bureauManager.token, `&parkId=${parkB.id}`)).not.toContain(a.id);
    expect((await t.request('GET', `/api/companies/${a.id}`, { token: admin })).body.name).toBe(a.name);
  });

  it('lets an admin create a company in a given park; others only in parks of their own subtree', async () => {
    const byAdmin = await makeCompany(t, admin, { parkId: parkB.id });
    expect(byAdmin.parkId).toBe(parkB.id);
    const outside = await post(officerA.token, { name: unique('企业'), country: 'CN', industry: 'textile', parkId: parkB.id });
    expect(outside.status).toBe(400);
    expect(outside.body.details).toEqual([expect.objectContaining({ field: 'parkId' })]);
  });

  it('updates a company with its version; a stale version is 409 and changes nothing', async () => {
    const company = await makeCompany(t, officerA.token, { name: '旧名称纺织有限公司' });
    const updated = await t.request('PATCH', `/api/companies/${company.id}`, { token: officerA.token, body: { version: 1, name: '德胜锂电有限公司', city: '遂宁' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: '德胜锂电有限公司', city: '遂宁', version: 2 });
    expect(await ids(officerA.token, `&q=${encodeURIComponent('德胜锂电')}`)).toEqual([company.id]);

    const stale = await t.request('PATCH', `/api/companies/${company.id}`, { token: officerA.token, body: { version: 1, name: '另一个名称', city: '成都' } });
    expect(stale.status).toBe(409);
    const now = await t.request('GET', `/api/companies/${company.id}`, { token: officerA.token });
    expect(now.body).toMatchObject({ name: '德胜锂电有限公司', city: '遂宁', version: 2 });
  });

  it('validates a PATCH like a create: null for a required field, a bad credit code, a taken credit code, a read-only field', async () => {
    const taken = makeCreditCode();
    await makeCompany(t, officerA.token, { creditCode: taken });
    const company = await makeCompany(t, officerA.token);
    const patch = (body: Record<string, unknown>) => t.request('PATCH', `/api/companies/${company.id}`, { token: officerA.token, body: { version: 1, ...body } });
    const cases: [Record<string, unknown>, string, number][] = [
      [{ name: null }, 'name', 400], [{ country: 'cn' }, 'country', 400], [{ creditCode: withWrongCheckChar(makeCreditCode()) }, 'creditCode', 400],
      [{ creditCode: taken }, 'creditCode', 409], [{ parkId: parkB.id }, 'parkId', 400], [{ createdById: officerB.id }, 'createdById', 400],
    ];
    for (const [body, field, status] of cases) {
      const res = await patch(body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(res.body.details).toEqual([expect.objectContaining({ field })]);
    }
    const cleared = await patch({ province: null, creditCode: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ province: null, creditCode: null, version: 2 });
  });

  it('deletes: officer 403; manager 204 then 404; admins list it with ?deleted=true (others 403) and restore it', async () => {
    const company = await makeCompany(t, officerA.token);
    expect((await t.request('DELETE', `/api/companies/${company.id}`, { token: officerA.token })).status).toBe(403);
    expect((await t.request('GET', `/api/companies/${company.id}`, { token: officerA.token })).status).toBe(200);

    expect((await t.request('DELETE', `/api/companies/${company.id}`, { token: managerA.token })).status).toBe(204);
    expect((await t.request('GET', `/api/companies/${company.id}`, { token: officerA.token })).status).toBe(404);
    expect((await t.request('GET', `/api/companies/${company.id}`, { token: admin })).status).toBe(404);
    expect(await ids(officerA.token)).not.toContain(company.id);

    expect(await ids(admin, '&deleted=true')).toContain(company.id);
    expect(await ids(admin)).not.toContain(company.id);
    expect((await list(officerA.token, '&deleted=true')).status).toBe(403);
    expect((await list(managerA.token, '&deleted=true')).status).toBe(403);
    expect((await t.request('POST', `/api/companies/${company.id}/restore`, { token: managerA.token })).status).toBe(403);

    const restored = await t.request('POST', `/api/companies/${company.id}/restore`, { token: admin });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: company.id, deletedAt: null });
    expect((await t.request('GET', `/api/companies/${company.id}`, { token: officerA.token })).status).toBe(200);
    expect(await ids(officerA.token)).toContain(company.id);
  });

  it('frees a deleted company’s credit code, and refuses to restore it once another company holds the code (409)', async () => {
    const code = makeCreditCode();
    const first = await makeCompany(t, officerA.token, { creditCode: code });
    expect((await t.request('DELETE', `/api/companies/${first.id}`, { token: managerA.token })).status).toBe(204);
    await makeCompany(t, officerA.token, { creditCode: code });
    const restore = await t.request('POST', `/api/companies/${first.id}/restore`, { token: admin });
    expect(restore.status).toBe(409);
    expect(restore.body.details).toEqual([expect.objectContaining({ field: 'creditCode' })]);
  });

  it('refuses to delete a company that still has live projects (409)', async () => {
    const company = await makeCompany(t, officerA.token);
    const project = await insertProject(t, { companyId: company.id, parkId: parkA.id, ownerId: officerA.id });
    const res = await t.request('DELETE', `/api/companies/${company.id}`, { token: managerA.token });
    expect(res.status).toBe(409);
    expect((await t.request('GET', `/api/companies/${company.id}`, { token: officerA.token })).status).toBe(200);
    await t.db.query(`UPDATE projects SET deleted_at = now() WHERE id = $1`, [project.id]);
    expect((await t.request('DELETE', `/api/companies/${company.id}`, { token: managerA.token })).status).toBe(204);
  });

  it('shows a company’s projects to those who may see them: confidential ones only to the team, managers and admins', async () => {
    const company = await makeCompany(t, officerA.token);
    const colleague = await makeUser(t, 'officer', { parkId: parkA.id });
    const assistant = await makeUser(t, 'officer', { parkId: parkA.id });
    const open = await insertProject(t, { companyId: company.id, parkId: parkA.id, ownerId: officerA.id, totalInvestment: 52000 });
    const secret = await insertProject(t, { companyId: company.id, parkId: parkA.id, ownerId: officerA.id, confidential: true, assistantIds: [assistant.id] });
    const gone = await insertProject(t, { companyId: company.id, parkId: parkA.id, ownerId: officerA.id });
    await t.db.query(`UPDATE projects SET deleted_at = now() WHERE id = $1`, [gone.id]);

    const projectIds = async (token: string) =>
      ((await t.request('GET', `/api/companies/${company.id}`, { token })).body.projects as { id: string }[]).map((p) => p.id).sort();
    expect(await projectIds(colleague.token)).toEqual([open.id]);
    for (const token of [officerA.token, assistant.token, managerA.token, bureauManager.token, admin]) {
      expect(await projectIds(token)).toEqual([open.id, secret.id].sort());
    }
    const detail = await t.request('GET', `/api/companies/${company.id}`, { token: colleague.token });
    expect(detail.body.projects).toEqual([{ id: open.id, code: open.code, name: open.name, stage: 'intention', totalInvestment: 52000 }]);
  });

  it('pages through 7 companies with limit=3, newest first, each exactly once', async () => {
    const park = await makePark(t, unique('分页园区'));
    const officer = await makeUser(t, 'officer', { parkId: park.id });
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await makeCompany(t, officer.token, { name: `分页企业${i}` })).id);

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: CompanyRow[]; nextCursor: string | null } } =
        await t.request('GET', `/api/companies?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: officer.token });
      expect(res.status).toBe(200);
      pages.push(res.body.items.map((c) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual([...created].reverse());

    expect((await t.request('GET', '/api/companies?limit=201', { token: officer.token })).status).toBe(400);
    const badCursor = await t.request('GET', '/api/companies?cursor=garbage', { token: officer.token });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.details).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });
});
