import { jest } from '@jest/globals';
import { creditCodeCheckChar, toZonedDate, WorkCalendar } from '@zs/domain';
import { Clock } from '@zs/config';
import { createTestApp, TestApp } from '../support/test-app';
import { makePark, makeUser, TestUser, unique } from '../support/factories';

const TZ = 'Asia/Shanghai';
const today = () => toZonedDate(new Date(), TZ);

let codeSeq = 0;
/** A valid 统一社会信用代码, different on every call. */
function creditCode(): string {
  const body = `91510900MA${String(Date.now() % 1e5).padStart(5, '0')}${String(++codeSeq).padStart(2, '0')}`;
  return body + creditCodeCheckChar(body);
}

describe('leads', () => {
  let t: TestApp;
  let reporter: TestUser;
  let assignee: TestUser;
  let stranger: TestUser;
  let manager: TestUser;

  const leadBody = (overrides: Record<string, unknown> = {}) => ({
    title: '年产1500吨高纯氯化锂项目',
    companyName: unique('天齐锂业股份有限公司'),
    industry: 'lithium_materials',
    channel: 'investor_referral',
    summary: '以商招商：客商介绍，拟建高纯氯化锂生产线',
    receivedOn: today(),
    ...overrides,
  });

  const logLead = async (by: TestUser, overrides: Record<string, unknown> = {}) => {
    const res = await t.request('POST', '/api/leads', { token: by.token, body: leadBody(overrides) });
    if (res.status !== 201) throw new Error(`logLead: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** A lead logged by `reporter`, assigned to `assignee` by the manager and screened `pursue`. */
  const pursuingLead = async (overrides: Record<string, unknown> = {}) => {
    const lead = await logLead(reporter, overrides);
    await t.request('POST', `/api/leads/${lead.id}/assign`, { token: manager.token, body: { assigneeId: assignee.id } });
    const screened = await t.request('POST', `/api/leads/${lead.id}/screen`, { token: assignee.token, body: { opinion: '产业契合，投资强度达标', decision: 'pursue' } });
    expect(screened.body.status).toBe('pursuing');
    return screened.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    [reporter, assignee, stranger, manager] = await Promise.all([
      makeUser(t, 'officer'), makeUser(t, 'officer'), makeUser(t, 'officer'), makeUser(t, 'manager'),
    ]);
  });
  afterAll(async () => { await t.close(); });

  it('takes a lead from logging through assignment and screening to a project with company, contact and permit chain', async () => {
    const code = creditCode();
    const logged = await t.request('POST', '/api/leads', {
      token: reporter.token,
      body: leadBody({
        companyName: '天齐锂业股份有限公司', creditCode: code, contactName: '张明', contactMobile: '138 1234 5678',
        originRegion: 'sichuan', estimatedInvestment: 5200, referrer: '射洪经信局',
      }),
    });
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({
      status: 'new', reportedById: reporter.id, assigneeId: null, screeningDueOn: null, projectId: null,
      creditCode: code, estimatedInvestment: 5200, version: 1,
    });
    const id = logged.body.id;

    const assigned = await t.request('POST', `/api/leads/${id}/assign`, { token: manager.token, body: { assigneeId: assignee.id } });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', assigneeId: assignee.id });
    expect(assigned.body.screeningDueOn).toBe(new WorkCalendar().addWorkingDays(today(), 3));

    const screened = await t.request('POST', `/api/leads/${id}/screen`, {
      token: assignee.token, body: { opinion: '符合锂电新材料主导产业，投资强度达标', decision: 'pursue' },
    });
    expect(screened.status).toBe(200);
    expect(screened.body).toMatchObject({ status: 'pursuing', screeningOpinion: '符合锂电新材料主导产业，投资强度达标' });
    expect(screened.body.screenedAt).toEqual(expect.any(String));

    const converted = await t.request('POST', `/api/leads/${id}/convert`, { token: assignee.token, body: {} });
    expect(converted.status).toBe(201);
    const { company, contact, project } = converted.body;
    expect(company).toMatchObject({ name: '天齐锂业股份有限公司', creditCode: code, industry: 'lithium_materials', country: 'CN' });
    expect(contact).toMatchObject({ companyId: company.id, name: '张明', mobile: '138 1234 5678' });
    expect(project).toMatchObject({
      stage: 'intention', leadId: id, companyId: company.id, name: '年产1500吨高纯氯化锂项目', industry: 'lithium_materials',
      channel: 'investor_referral', originRegion: 'sichuan', totalInvestment: 5200, ownerId: assignee.id,
    });
    expect(project.code).toMatch(new RegExp(`^ZS-${today().slice(0, 4)}-\\d{4}$`));

    const milestones = await t.request('GET', `/api/projects/${project.id}/milestones`, { token: assignee.token });
    expect(milestones.status).toBe(200);
    expect(milestones.body.items).toHaveLength(11);

    const lead = await t.request('GET', `/api/leads/${id}`, { token: reporter.token });
    expect(lead.body).toMatchObject({ status: 'converted', projectId: project.id, companyId: company.id });
    expect(lead.body.convertedAt).toEqual(expect.any(String));

    const again = await t.request('POST', `/api/leads/${id}/convert`, { token: assignee.token, body: {} });
    expect(again.status).toBe(409);
    const projects = await t.request('GET', `/api/projects?companyId=${company.id}`, { token: manager.token });
    expect(projects.body.items).toHaveLength(1);
  });

  it('counts the screening due date in working days, skipping the weekend after a Friday assignment', async () => {
    const clock = t.app.get(Clock);
    const friday = new Date('2026-11-20T10:00:00+08:00');
    const spy = jest.spyOn(clock, 'now').mockReturnValue(friday);
    try {
      const lead = await logLead(reporter, { receivedOn: '2026-11-19' });
      const res = await t.request('POST', `/api/leads/${lead.id}/assign`, { token: manager.token, body: { assigneeId: assignee.id } });
      expect(res.status).toBe(200);
      expect(res.body.screeningDueOn).toBe(new WorkCalendar().addWorkingDays('2026-11-20', 3));
      expect(res.body.screeningDueOn).toBe('2026-11-25'); // Mon 23, Tue 24, Wed 25
    } finally {
      spy.mockRestore();
    }
  });

  it('lets an officer log a lead assigned to themselves but not to anyone else (403)', async () => {
    const own = await t.request('POST', '/api/leads', { token: reporter.token, body: leadBody({ assigneeId: reporter.id }) });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ status: 'assigned', assigneeId: reporter.id, screeningDueOn: new WorkCalendar().addWorkingDays(today(), 3) });
    const other = await t.request('POST', '/api/leads', { token: reporter.token, body: leadBody({ assigneeId: assignee.id }) });
    expect(other.status).toBe(403);
  });

  it('lets only managers assign (an officer gets 403) and refuses a user of another park (400 naming assigneeId)', async () => {
    const lead = await logLead(reporter);
    const byOfficer = await t.request('POST', `/api/leads/${lead.id}/assign`, { token: reporter.token, body: { assigneeId: reporter.id } });
    expect(byOfficer.status).toBe(403);
    const park = await makePark(t);
    const outsider = await makeUser(t, 'officer', { parkId: park.id });
    const parentLead = await logLead(manager);
    const wrongPark = await t.request('POST', `/api/leads/${parentLead.id}/assign`, { token: manager.token, body: { assigneeId: outsider.id } });
    expect(wrongPark.status).toBe(400);
    expect(wrongPark.body.details[0].field).toBe('assigneeId');
  });

  it('lets a bureau manager log a lead for a park (parkId), so that its officers can be assigned; a park out of scope is 400', async () => {
    const park = await makePark(t);
    const parkOfficer = await makeUser(t, 'officer', { parkId: park.id });
    const lead = await logLead(manager, { parkId: park.id });
    expect(lead.parkId).toBe(park.id);
    const assigned = await t.request('POST', `/api/leads/${lead.id}/assign`, { token: manager.token, body: { assigneeId: parkOfficer.id } });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', assigneeId: parkOfficer.id });
    const seen = await t.request('GET', `/api/leads/${lead.id}`, { token: parkOfficer.token });
    expect(seen.status).toBe(200);

    const sibling = await makePark(t);
    const siblingOfficer = await makeUser(t, 'officer', { parkId: sibling.id });
    const outOfScope = await t.request('POST', '/api/leads', { token: parkOfficer.token, body: leadBody({ parkId: sibling.id }) });
    expect(outOfScope.status).toBe(400);
    expect(outOfScope.body.details[0].field).toBe('parkId');
    const elsewhere = await t.request('GET', `/api/leads/${lead.id}`, { token: siblingOfficer.token });
    expect(elsewhere.status).toBe(404);
  });

  it('lets the manager re-assign an assigned lead, and refuses to assign a rejected one (409)', async () => {
    const lead = await logLead(reporter);
    await t.request('POST', `/api/leads/${lead.id}/assign`, { token: manager.token, body: { assigneeId: assignee.id } });
    const again = await t.request('POST', `/api/leads/${lead.id}/assign`, { token: manager.token, body: { assigneeId: reporter.id } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'assigned', assigneeId: reporter.id });
    const rejected = await t.request('POST', `/api/leads/${lead.id}/screen`, { token: reporter.token, body: { opinion: '能耗过高', decision: 'reject', note: '不符合能耗双控要求' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', screeningNote: '不符合能耗双控要求' });
    const assignRejected = await t.request('POST', `/api/leads/${lead.id}/assign`, { token: manager.token, body: { assigneeId: assignee.id } });
    expect(assignRejected.status).toBe(409);
    const screenRejected = await t.request('POST', `/api/leads/${lead.id}/screen`, { token: reporter.token, body: { opinion: '再议', decision: 'pursue' } });
    expect(screenRejected.status).toBe(409);
    const convertRejected = await t.request('POST', `/api/leads/${lead.id}/convert`, { token: manager.token, body: {} });
    expect(convertRejected.status).toBe(409);
  });

  it('hands a pursuing lead over to another officer without re-opening its screening', async () => {
    const successor = await makeUser(t, 'officer');
    const lead = await pursuingLead();
    const res = await t.request('POST', `/api/leads/${lead.id}/assign`, { token: manager.token, body: { assigneeId: successor.id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'pursuing', assigneeId: successor.id, screeningDueOn: lead.screeningDueOn });
    const converted = await t.request('POST', `/api/leads/${lead.id}/convert`, { token: successor.token, body: {} });
    expect(converted.status).toBe(201);
    expect(converted.body.project.ownerId).toBe(successor.id);
  });

  it('lets only the assignee screen: another officer gets 404, the reporter 403; a rejection needs a note (400)', async () => {
    const lead = await logLead(reporter);
    await t.request('POST', `/api/leads/${lead.id}/assign`, { token: manager.token, body: { assigneeId: assignee.id } });
    const byStranger = await t.request('POST', `/api/leads/${lead.id}/screen`, { token: stranger.token, body: { opinion: '可以', decision: 'pursue' } });
    expect(byStranger.status).toBe(404);
    const byReporter = await t.request('POST', `/api/leads/${lead.id}/screen`, { token: reporter.token, body: { opinion: '可以', decision: 'pursue' } });
    expect(byReporter.status).toBe(403);
    const noNote = await t.request('POST', `/api/leads/${lead.id}/screen`, { token: assignee.token, body: { opinion: '不符合', decision: 'reject' } });
    expect(noNote.status).toBe(400);
    expect(noNote.body.details.map((d: { field: string }) => d.field)).toEqual(['note']);
    const still = await t.request('GET', `/api/leads/${lead.id}`, { token: assignee.token });
    expect(still.body.status).toBe('assigned');
  });

  it('refuses to screen an unassigned lead (409) and to convert a lead that is not pursuing (409)', async () => {
    const lead = await logLead(reporter);
    const screen = await t.request('POST', `/api/leads/${lead.id}/screen`, { token: manager.token, body: { opinion: '可以', decision: 'pursue' } });
    expect(screen.status).toBe(409);
    const convert = await t.request('POST', `/api/leads/${lead.id}/convert`, { token: manager.token, body: {} });
    expect(convert.status).toBe(409);
  });

  it('rolls the whole conversion back when the project is invalid: 400, nothing created, the lead still pursuing', async () => {
    const code = creditCode();
    const lead = await pursuingLead({ companyName: unique('回滚测试锂业有限公司'), creditCode: code, contactName: '李四', contactMobile: '13900001111' });
    const res = await t.request('POST', `/api/leads/${lead.id}/convert`, { token: assignee.token, body: { project: { industry: 'alchemy' } } });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('project.industry');
    const companies = await t.request('GET', `/api/companies?creditCode=${code}`, { token: manager.token });
    expect(companies.body.items).toEqual([]);
    const after = await t.request('GET', `/api/leads/${lead.id}`, { token: assignee.token });
    expect(after.body).toMatchObject({ status: 'pursuing', projectId: null, companyId: null });
    const ok = await t.request('POST', `/api/leads/${lead.id}/convert`, { token: assignee.token, body: { project: { totalInvestment: 8000, expectedJobs: 120 } } });
    expect(ok.status).toBe(201);
    expect(ok.body.project).toMatchObject({ totalInvestment: 8000, expectedJobs: 120, ownerId: assignee.id });
  });

  it('reuses an existing company with the lead’s credit code and takes overrides for the contact and project', async () => {
    const code = creditCode();
    const existing = await t.request('POST', '/api/companies', { token: manager.token, body: { name: '四川射洪锂电有限公司', creditCode: code, country: 'CN', industry: 'lithium_materials' } });
    expect(existing.status).toBe(201);
    const lead = await pursuingLead({ companyName: '射洪锂电', creditCode: code });
    const res = await t.request('POST', `/api/leads/${lead.id}/convert`, {
      token: assignee.token,
      body: { contact: { name: '王经理', title: '总经理', mobile: '13700002222' }, project: { name: '锂电池正极材料项目', totalInvestment: 12000 } },
    });
    expect(res.status).toBe(201);
    expect(res.body.company.id).toBe(existing.body.id);
    expect(res.body.contact).toMatchObject({ name: '王经理', title: '总经理', companyId: existing.body.id });
    expect(res.body.project).toMatchObject({ name: '锂电池正极材料项目', totalInvestment: 12000, companyId: existing.body.id });
  });

  it('creates no contact when neither the lead nor the request names one, and defaults the investment to 0', async () => {
    const lead = await pursuingLead();
    const res = await t.request('POST', `/api/leads/${lead.id}/convert`, { token: manager.token, body: {} });
    expect(res.status).toBe(201);
    expect(res.body.contact).toBeNull();
    expect(res.body.project).toMatchObject({ totalInvestment: 0, ownerId: assignee.id, leadId: lead.id });
  });

  it('verifies the credit code and the dictionary keys, each error naming its field (400)', async () => {
    const good = creditCode();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const code = await t.request('POST', '/api/leads', { token: reporter.token, body: leadBody({ creditCode: bad }) });
    expect(code.status).toBe(400);
    expect(code.body.details[0].field).toBe('creditCode');
    const industry = await t.request('POST', '/api/leads', { token: reporter.token, body: leadBody({ industry: 'alchemy' }) });
    expect(industry.status).toBe(400);
    expect(industry.body.details[0].field).toBe('industry');
    const region = await t.request('POST', '/api/leads', { token: reporter.token, body: leadBody({ originRegion: 'atlantis' }) });
    expect(region.status).toBe(400);
    expect(region.body.details[0].field).toBe('originRegion');
    const readOnly = await t.request('POST', '/api/leads', { token: reporter.token, body: leadBody({ status: 'converted', projectId: reporter.id, channel: 'pigeon' }) });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['channel', 'projectId', 'status']);
  });

  it('shows officers only the leads they reported or were assigned (404 otherwise) and managers all of them', async () => {
    const lead = await logLead(reporter, { companyName: unique('可见性测试企业') });
    expect((await t.request('GET', `/api/leads/${lead.id}`, { token: stranger.token })).status).toBe(404);
    expect((await t.request('GET', `/api/leads/${lead.id}`, { token: manager.token })).status).toBe(200);
    const strangerList = await t.request('GET', '/api/leads?limit=200', { token: stranger.token });
    expect(strangerList.body.items.map((l: { id: string }) => l.id)).not.toContain(lead.id);
    await t.request('POST', `/api/leads/${lead.id}/assign`, { token: manager.token, body: { assigneeId: stranger.id } });
    expect((await t.request('GET', `/api/leads/${lead.id}`, { token: stranger.token })).status).toBe(200);
    const mine = await t.request('GET', '/api/leads?assigneeId=me', { token: stranger.token });
    expect(mine.body.items.map((l: { id: string }) => l.id)).toEqual([lead.id]);
  });

  it('filters the list by status, reporter, channel, dates and q over title and company name (keyset pages)', async () => {
    const marker = unique('筛选');
    const a = await logLead(reporter, { title: `${marker}光伏组件项目`, channel: 'expo', receivedOn: '2026-03-05' });
    const b = await logLead(reporter, { companyName: `${marker}纺织集团有限公司`, industry: 'textile', receivedOn: '2026-04-10' });
    const ids = async (query: string) =>
      (await t.request('GET', `/api/leads?${query}`, { token: reporter.token })).body.items.map((l: { id: string }) => l.id);
    expect(await ids(`q=${encodeURIComponent(marker)}`)).toEqual([b.id, a.id]);
    expect(await ids(`q=${encodeURIComponent(marker + '纺织')}`)).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent(marker + '光伏')}`)).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent(marker)}&channel=expo`)).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent(marker)}&industry=textile`)).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent(marker)}&receivedFrom=2026-04-01&receivedTo=2026-04-30`)).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent(marker)}&status=new&reportedById=me`)).toEqual([b.id, a.id]);
    const page1 = await t.request('GET', `/api/leads?q=${encodeURIComponent(marker)}&limit=1`, { token: reporter.token });
    expect(page1.body.items.map((l: { id: string }) => l.id)).toEqual([b.id]);
    const page2 = await t.request('GET', `/api/leads?q=${encodeURIComponent(marker)}&limit=1&cursor=${page1.body.nextCursor}`, { token: reporter.token });
    expect(page2.body).toEqual({ items: [expect.objectContaining({ id: a.id })], nextCursor: null });
    expect((await t.request('GET', '/api/leads?status=maybe', { token: reporter.token })).status).toBe(400);
    expect((await t.request('GET', '/api/leads?limit=201', { token: reporter.token })).status).toBe(400);
  });

  it('updates with the version read (stale: 409) and refuses changes to a converted lead', async () => {
    const lead = await logLead(reporter);
    const ok = await t.request('PATCH', `/api/leads/${lead.id}`, { token: reporter.token, body: { version: lead.version, estimatedInvestment: 3000, companyName: '天齐锂业(射洪)有限公司' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ estimatedInvestment: 3000, companyName: '天齐锂业(射洪)有限公司', version: lead.version + 1 });
    const stale = await t.request('PATCH', `/api/leads/${lead.id}`, { token: reporter.token, body: { version: lead.version, estimatedInvestment: 1 } });
    expect(stale.status).toBe(409);
    const cleared = await t.request('PATCH', `/api/leads/${lead.id}`, { token: reporter.token, body: { version: ok.body.version, industry: null } });
    expect(cleared.status).toBe(400);
    const converted = await pursuingLead();
    await t.request('POST', `/api/leads/${converted.id}/convert`, { token: assignee.token, body: {} });
    const current = await t.request('GET', `/api/leads/${converted.id}`, { token: assignee.token });
    const locked = await t.request('PATCH', `/api/leads/${converted.id}`, { token: assignee.token, body: { version: current.body.version, summary: '改' } });
    expect(locked.status).toBe(409);
  });

  it('deletes softly for managers only; admins list deleted leads and restore them', async () => {
    const lead = await logLead(reporter);
    expect((await t.request('DELETE', `/api/leads/${lead.id}`, { token: reporter.token })).status).toBe(403);
    expect((await t.request('DELETE', `/api/leads/${lead.id}`, { token: manager.token })).status).toBe(204);
    expect((await t.request('GET', `/api/leads/${lead.id}`, { token: manager.token })).status).toBe(404);
    expect((await t.request('GET', '/api/leads?deleted=true', { token: manager.token })).status).toBe(403);
    const admin = await t.adminToken();
    const deleted = await t.request('GET', '/api/leads?deleted=true&limit=200', { token: admin });
    expect(deleted.body.items.map((l: { id: string }) => l.id)).toContain(lead.id);
    const restored = await t.request('POST', `/api/leads/${lead.id}/restore`, { token: admin });
    expect(restored.status).toBe(200);
    expect(restored.body.id).toBe(lead.id);
    expect((await t.request('GET', `/api/leads/${lead.id}`, { token: reporter.token })).status).toBe(200);
  });

  it('answers a repeated POST with the same Idempotency-Key once (same 201 answer), and 422 for another body', async () => {
    const key = unique('idem-');
    const body = leadBody({ companyName: unique('幂等测试企业') });
    const first = await t.request('POST', '/api/leads', { token: reporter.token, body, headers: { 'Idempotency-Key': key } });
    const second = await t.request('POST', '/api/leads', { token: reporter.token, body, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const list = await t.request('GET', `/api/leads?q=${encodeURIComponent(body.companyName as string)}`, { token: reporter.token });
    expect(list.body.items).toHaveLength(1);
    const other = await t.request('POST', '/api/leads', { token: reporter.token, body: { ...body, summary: '另一条' }, headers: { 'Idempotency-Key': key } });
    expect(other.status).toBe(422);
  });

  it('documents every lead operation in the OpenAPI document', async () => {
    const doc = await t.request('GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    for (const path of ['/api/leads', '/api/leads/{id}', '/api/leads/{id}/assign', '/api/leads/{id}/screen', '/api/leads/{id}/convert', '/api/leads/{id}/duplicates', '/api/leads/{id}/restore']) {
      expect(doc.body.paths[path]).toBeDefined();
    }
    expect(doc.body.paths['/api/leads/{id}/convert'].post.responses['201']).toBeDefined();
    expect(Object.keys(doc.body.components.schemas)).toEqual(expect.arrayContaining(['CreateLeadDto', 'LeadView', 'ConvertLeadDto', 'ConvertLeadResult', 'LeadDuplicates']));
  });

  describe('across parks', () => {
    let bureauManager: TestUser;
    let eastManager: TestUser;
    let westOfficer: TestUser;
    let eastLead: { id: string };
    let westLead: { id: string };

    beforeAll(async () => {
      const bureau = await makePark(t, unique('投促局'));
      const east = await makePark(t, unique('东区'), bureau.id);
      const west = await makePark(t, unique('西区'), bureau.id);
      [bureauManager, eastManager, westOfficer] = await Promise.all([
        makeUser(t, 'manager', { parkId: bureau.id }), makeUser(t, 'manager', { parkId: east.id }), makeUser(t, 'officer', { parkId: west.id }),
      ]);
      eastLead = await logLead(eastManager);
      westLead = await logLead(westOfficer);
    });

    it('shows a manager of the parent park the leads of both parks', async () => {
      const list = await t.request('GET', '/api/leads?limit=200', { token: bureauManager.token });
      const ids = list.body.items.map((l: { id: string }) => l.id);
      expect(ids).toEqual(expect.arrayContaining([eastLead.id, westLead.id]));
      expect((await t.request('GET', `/api/leads/${westLead.id}`, { token: bureauManager.token })).status).toBe(200);
    });

    it('hides a sibling park’s leads (404) from its manager', async () => {
      expect((await t.request('GET', `/api/leads/${westLead.id}`, { token: eastManager.token })).status).toBe(404);
      expect((await t.request('POST', `/api/leads/${westLead.id}/assign`, { token: eastManager.token, body: { assigneeId: eastManager.id } })).status).toBe(404);
      const list = await t.request('GET', '/api/leads?limit=200', { token: eastManager.token });
      expect(list.body.items.map((l: { id: string }) => l.id)).not.toContain(westLead.id);
    });
  });
});
