import { creditCodeCheckChar, toZonedDate } from '@zs/domain';
import { createTestApp, TestApp } from '../support/test-app';
import { makePark, makeUser, TestUser, unique } from '../support/factories';

let codeSeq = 0;
/** A valid 统一社会信用代码, different on every call. */
function creditCode(): string {
  const body = `91510922MA${String(Date.now() % 1e5).padStart(5, '0')}${String(++codeSeq).padStart(2, '0')}`;
  return body + creditCodeCheckChar(body);
}

type Duplicate = { kind: 'lead' | 'company' | 'project'; id: string; name: string; reasons: string[] };

describe('lead duplicates (重复研判)', () => {
  let t: TestApp;
  let first: TestUser; // reports, screens and converts the original lead (park East)
  let second: TestUser; // a colleague in the same park who hears of the same investment
  let manager: TestUser;
  let sibling: TestUser; // an officer of a sibling park
  const code = creditCode();
  const mobile = '13812345678';
  let original: { id: string };
  let company: { id: string };
  let project: { id: string };

  const log = async (by: TestUser, body: Record<string, unknown>) => {
    const res = await t.request('POST', '/api/leads', {
      token: by.token,
      body: { title: unique('线索'), industry: 'textile', channel: 'door_knocking', summary: '重复研判测试', receivedOn: toZonedDate(new Date(), 'Asia/Shanghai'), ...body },
    });
    if (res.status !== 201) throw new Error(`log: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const duplicatesOf = async (by: TestUser, leadId: string): Promise<Duplicate[]> => {
    const res = await t.request('GET', `/api/leads/${leadId}/duplicates`, { token: by.token });
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const find = (items: Duplicate[], kind: string, id: string) => items.find((d) => d.kind === kind && d.id === id);

  beforeAll(async () => {
    t = await createTestApp();
    const city = await makePark(t, unique('投促局'));
    const east = await makePark(t, unique('东区'), city.id);
    const west = await makePark(t, unique('西区'), city.id);
    [first, second, manager, sibling] = await Promise.all([
      makeUser(t, 'officer', { parkId: east.id }), makeUser(t, 'officer', { parkId: east.id }),
      makeUser(t, 'manager', { parkId: east.id }), makeUser(t, 'officer', { parkId: west.id }),
    ]);
    // The original: 天齐锂业, logged, assigned, screened and converted into a company, contact and project.
    original = await log(first, {
      title: '年产1500吨高纯氯化锂项目', companyName: '天齐锂业股份有限公司', creditCode: code, contactName: '张明',
      contactMobile: mobile, industry: 'lithium_materials', estimatedInvestment: 5200, assigneeId: first.id,
    });
    await t.request('POST', `/api/leads/${original.id}/screen`, { token: first.token, body: { opinion: '主导产业', decision: 'pursue' } });
    const converted = await t.request('POST', `/api/leads/${original.id}/convert`, { token: first.token, body: {} });
    expect(converted.status).toBe(201);
    company = converted.body.company;
    project = converted.body.project;
  });
  afterAll(async () => { await t.close(); });

  it('finds the first lead, its company and its project by the same credit code', async () => {
    const lead = await log(second, { companyName: '某某新能源科技有限公司', creditCode: code.toLowerCase() });
    const items = await duplicatesOf(second, lead.id);
    expect(find(items, 'lead', original.id)).toEqual({ kind: 'lead', id: original.id, name: '年产1500吨高纯氯化锂项目', reasons: ['credit_code'] });
    expect(find(items, 'company', company.id)).toEqual({ kind: 'company', id: company.id, name: '天齐锂业股份有限公司', reasons: ['credit_code'] });
    expect(find(items, 'project', project.id)).toEqual({ kind: 'project', id: project.id, name: '年产1500吨高纯氯化锂项目', reasons: ['credit_code'] });
  });

  it('finds them by the same contact mobile, written differently', async () => {
    const lead = await log(second, { companyName: '射洪某贸易公司', contactName: '张先生', contactMobile: '+86 138-1234-5678' });
    const items = await duplicatesOf(second, lead.id);
    expect(find(items, 'lead', original.id)?.reasons).toEqual(['mobile']);
    expect(find(items, 'company', company.id)?.reasons).toEqual(['mobile']);
    expect(find(items, 'project', project.id)?.reasons).toEqual(['mobile']);
  });

  it('finds them by a name equal once the legal form is removed, and the same investor, industry and amount within 20%', async () => {
    const lead = await log(second, { companyName: '天齐锂业有限公司', industry: 'lithium_materials', estimatedInvestment: 5000 });
    const items = await duplicatesOf(second, lead.id);
    expect(find(items, 'lead', original.id)?.reasons).toEqual(['similar_name', 'investor_industry_amount']);
    expect(find(items, 'project', project.id)?.reasons).toEqual(['similar_name', 'investor_industry_amount']);
    expect(find(items, 'company', company.id)?.reasons).toEqual(['similar_name']);
    // Strongest first: the two-reason matches come before the company's single reason.
    const kinds = items.map((d) => d.kind);
    expect(kinds.indexOf('company')).toBeGreaterThan(Math.max(kinds.indexOf('lead'), kinds.indexOf('project')));
  });

  it('finds a lead whose normalised name is trigram-similar (≥ 0.6) without being equal', async () => {
    // 宁德时代新能源科技 vs 宁德时代新能源: 7 common trigrams of 11 → similarity 0.64.
    const earlier = await log(first, { companyName: '宁德时代新能源科技股份有限公司' });
    const lead = await log(second, { companyName: '宁德时代新能源有限公司' });
    const items = await duplicatesOf(second, lead.id);
    expect(find(items, 'lead', earlier.id)?.reasons).toEqual(['similar_name']);
  });

  it('leaves out records that share nothing, and an amount more than 20% away', async () => {
    const lead = await log(second, { companyName: '天齐锂业集团', industry: 'lithium_materials', estimatedInvestment: 9000 });
    const items = await duplicatesOf(second, lead.id);
    expect(find(items, 'project', project.id)?.reasons).toEqual(['similar_name']);
    const unrelated = await log(second, { companyName: '宏达纺织服装有限公司' });
    expect(await duplicatesOf(second, unrelated.id)).toEqual([]);
  });

  it('does not list the lead itself nor the company and project it was converted into', async () => {
    const items = await duplicatesOf(first, original.id);
    expect(items.map((d) => d.id)).not.toContain(original.id);
    expect(find(items, 'company', company.id)).toBeUndefined();
    expect(find(items, 'project', project.id)).toBeUndefined();
    expect(items.length).toBeLessThanOrEqual(20);
    expect(items.every((d) => d.kind === 'lead')).toBe(true);
  });

  it('shows nothing of a sibling park, and hides a sibling park’s lead from this park', async () => {
    const theirs = await log(sibling, { companyName: '天齐锂业股份有限公司', creditCode: code, contactMobile: mobile, industry: 'lithium_materials', estimatedInvestment: 5200 });
    expect(await duplicatesOf(sibling, theirs.id)).toEqual([]);
    const ours = await log(manager, { companyName: '天齐锂业股份有限公司', creditCode: code });
    const items = await duplicatesOf(manager, ours.id);
    expect(items.map((d) => d.id)).not.toContain(theirs.id);
    expect(find(items, 'lead', original.id)).toBeDefined();
  });

  it('answers 404 for the duplicates of a lead the caller may not see', async () => {
    const res = await t.request('GET', `/api/leads/${original.id}/duplicates`, { token: second.token });
    expect(res.status).toBe(404);
  });
});
