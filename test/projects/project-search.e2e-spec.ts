import { nameBigrams } from '@zs/domain';
import { createTestApp, TestApp } from '../support/test-app';
import { makeCompany, makeProject, makeUser, TestUser, unique } from '../support/factories';

/**
 * `GET /api/projects?q=`: a case-folded substring of the project's name or of its live company's name, read from
 * the project's own search columns (migration ProjectSearchColumns), which triggers keep on every write.
 */
describe('project list q over project and company names', () => {
  let t: TestApp;
  let officer: TestUser;
  let manager: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    [officer, manager] = await Promise.all([makeUser(t, 'officer'), makeUser(t, 'manager')]);
  });
  afterAll(async () => { await t.close(); });

  const found = async (q: string, extra = '') => {
    const res = await t.request('GET', `/api/projects?q=${encodeURIComponent(q)}${extra}`, { token: manager.token });
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((p) => p.id).sort();
  };

  it('follows a company rename: its projects are found by the new name, no longer by the old one', async () => {
    const company = await makeCompany(t, officer.token, { name: unique('蓬溪旧名纺织有限公司') });
    const [a, b] = [await makeProject(t, officer, { companyId: company.id, name: unique('年产棉纱项目') }), await makeProject(t, officer, { companyId: company.id, name: unique('印染项目') })];
    const other = await makeProject(t, officer, { name: unique('旧名无关项目') }); // its own name matches 旧名, its company not
    expect(await found('蓬溪旧名')).toEqual([a.id, b.id].sort());
    expect(await found('射洪锦华')).toEqual([]);

    const current = await t.request('GET', `/api/companies/${company.id}`, { token: officer.token });
    const renamed = await t.request('PATCH', `/api/companies/${company.id}`, {
      token: officer.token, body: { name: '射洪锦华纺织有限公司', version: current.body.version },
    });
    expect(renamed.status).toBe(200);
    expect(await found('射洪锦华')).toEqual([a.id, b.id].sort());
    expect(await found('锦华纺织', '&sort=nextFollowUpAt')).toEqual([a.id, b.id].sort());
    expect(await found('蓬溪旧名')).toEqual([]);
    expect(await found('旧名')).toEqual([other.id]);
    const rows = await t.db.query(`SELECT search_bigrams, search_text, name FROM projects WHERE id = $1`, [a.id]);
    expect(rows[0].search_text).toBe(`${rows[0].name.toLowerCase()}\u001f射洪锦华纺织有限公司`);
    expect([...rows[0].search_bigrams].sort()).toEqual([...new Set([...nameBigrams(rows[0].name), ...nameBigrams('射洪锦华纺织有限公司')])].sort());
  });

  it('follows a project rename and a move to another company', async () => {
    const from = await makeCompany(t, officer.token, { name: unique('遂宁岷江电子有限公司') });
    const to = await makeCompany(t, officer.token, { name: unique('内江沱牌光电有限公司') });
    const project = await makeProject(t, officer, { companyId: from.id, name: unique('显示模组项目') });
    expect(await found('岷江电子')).toEqual([project.id]);
    const moved = await t.request('PATCH', `/api/projects/${project.id}`, {
      token: officer.token, body: { companyId: to.id, name: unique('背光源项目'), version: project.version },
    });
    expect(moved.status).toBe(200);
    expect(await found('岷江电子')).toEqual([]);
    expect(await found('显示模组')).toEqual([]);
    expect(await found('沱牌光电')).toEqual([project.id]);
    expect(await found('背光源')).toEqual([project.id]);
  });

  it('matches case-folded, with one character, and never across the two names', async () => {
    const company = await makeCompany(t, officer.token, { name: unique('Zigong 龘鑫 Lighting 有限公司') });
    const project = await makeProject(t, officer, { companyId: company.id, name: unique('灯组Alpha项目') });
    expect(await found('LIGHTING')).toEqual([project.id]);
    expect(await found('alpha')).toEqual([project.id]);
    expect(await found('龘')).toEqual([project.id]);
    // the project's name ends …项目<suffix>, the company's starts Zigong: no match spans them
    const [{ name }] = await t.db.query(`SELECT name FROM projects WHERE id = $1`, [project.id]);
    expect(await found(`${name.slice(-2)}Zigong`)).toEqual([]);
    expect(await found(`${name.slice(-2)}\u001fZigong`)).toEqual([]);
  });

  it('ignores a deleted company’s name, as the list’s company join does, and sees it again once the company is restored', async () => {
    const admin = await t.adminToken();
    const company = await makeCompany(t, officer.token, { name: unique('眉山彭祖食品有限公司') });
    const project = await makeProject(t, officer, { companyId: company.id, name: unique('调味品项目') });
    // a company is deleted once its live projects are: delete the project, then the company
    expect((await t.request('DELETE', `/api/projects/${project.id}`, { token: manager.token })).status).toBe(204);
    expect((await t.request('DELETE', `/api/companies/${company.id}`, { token: manager.token })).status).toBe(204);
    const inDeleted = async (q: string) => {
      const res = await t.request('GET', `/api/projects?deleted=true&q=${encodeURIComponent(q)}`, { token: admin });
      expect(res.body.items.every((p: { companyName: string | null }) => p.companyName === null)).toBe(true);
      return res.body.items.map((p: { id: string }) => p.id);
    };
    expect(await inDeleted('彭祖食品')).toEqual([]);
    expect(await inDeleted('调味品')).toEqual([project.id]);
    // restored, the project is live while its company is still deleted
    expect((await t.request('POST', `/api/projects/${project.id}/restore`, { token: admin })).status).toBe(200);
    expect(await found('彭祖食品')).toEqual([]);
    expect(await found('调味品')).toEqual([project.id]);
    expect((await t.request('POST', `/api/companies/${company.id}/restore`, { token: admin })).status).toBe(200);
    expect(await found('彭祖食品')).toEqual([project.id]);
  });
});
