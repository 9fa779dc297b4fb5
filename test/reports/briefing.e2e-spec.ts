import { toZonedDate } from '@zs/domain';
import { createTestApp, TestApp } from '../support/test-app';
import { makePark, makeProjectWithHistory, makeUser, TestUser, unique } from '../support/factories';

/** The 工作简报 paragraph, written from the KPI figures of the year to the end of a month. */
describe('briefing', () => {
  let t: TestApp;
  let manager: TestUser;
  let outsider: TestUser;
  let parkId: string;

  const briefing = (query: string, token = manager.token, headers: Record<string, string> = {}) =>
    t.request('GET', `/api/reports/briefing?${query}`, { token, headers });

  beforeAll(async () => {
    t = await createTestApp();
    parkId = (await makePark(t, unique('简报园区'))).id;
    manager = await makeUser(t, 'manager', { parkId });
    const officer = await makeUser(t, 'officer', { parkId });
    outsider = await makeUser(t, 'officer', { parkId: (await makePark(t, unique('别的园区'))).id });
    await Promise.all([
      makeProjectWithHistory(t, officer, { name: '小额开工项目', totalInvestment: 500, createdAt: '2025-01-10',
        moves: [{ to: 'land_delivered', at: '2025-03-10' }, { to: 'construction', at: '2025-05-10' }], funds: [{ amount: 650, receivedOn: '2025-06-01' }] }),
      makeProjectWithHistory(t, officer, { name: '亿元供地项目', totalInvestment: 12345, createdAt: '2025-01-10', moves: [{ to: 'land_delivered', at: '2025-04-10' }] }),
      makeProjectWithHistory(t, officer, { name: '在谈项目', totalInvestment: 8000, createdAt: '2025-02-01', moves: [{ to: 'negotiation', at: '2025-02-10' }] }),
      makeProjectWithHistory(t, officer, { name: '十一月供地项目', totalInvestment: 3000, createdAt: '2025-02-01', moves: [{ to: 'land_delivered', at: '2025-11-10' }] }),
    ]);
  }, 60_000);

  afterAll(async () => { await t.close(); });

  it('writes the paragraph of the year to the end of the month from its KPI figures, amounts in 亿元 rounded half up', async () => {
    const res = await briefing(`period=2025-10&parkId=${parkId}`);
    expect(res.status).toBe(200);
    expect(res.body.period).toBe('2025-10');
    expect(res.body.language).toBe('zh-CN');
    expect(res.body.text).toBe(
      '截至2025年10月底，正在招商引资的项目4个，概算总投资2.4亿元，其中亿元以上项目1个、5000万元以上项目2个；' +
      '已落地项目2个，概算投资1.3亿元；正在对接的项目2个，概算投资1.1亿元。' +
      '2025年1—10月，新签约项目2个，新落地项目2个，新开工项目1个，开工率50%；新投产项目0个，投产率0%；' +
      '已完成招商引资实际到位资金0.1亿元。',
    );
    const kpis = await t.request('GET', `/api/analytics/kpis?from=2025-01-01&to=2025-10-31&parkId=${parkId}`, { token: manager.token });
    const { definitions: _d, breakdowns: _b, previous: _p, yearOnYear: _y, ...figures } = kpis.body;
    expect(res.body.figures).toEqual(figures);
  });

  it('counts the whole year for a year, and says 截至目前 for the period still running', async () => {
    const year = await briefing(`period=2025&parkId=${parkId}`);
    expect(year.body.text).toMatch(/^截至2025年底，.*已落地项目3个，概算投资1.6亿元；.*2025年，新签约项目3个，新落地项目3个/);
    const thisYear = toZonedDate(new Date(), 'Asia/Shanghai').slice(0, 4);
    const current = await briefing(`parkId=${parkId}`);
    expect(current.body.period).toBe(thisYear);
    expect(current.body.text).toMatch(new RegExp(`^截至目前，.*${thisYear}年以来，`));
  });

  it('writes English with Accept-Language: en', async () => {
    const res = await briefing(`period=2025-10&parkId=${parkId}`, manager.token, { 'accept-language': 'en' });
    expect(res.body.language).toBe('en');
    expect(res.body.text).toMatch(/^As of the end of October 2025, 4 projects are being pursued with a total estimated investment of 2.4 hundred million yuan/);
    expect(res.body.text).toContain('start rate 50%');
  });

  it('writes only what the caller may see', async () => {
    const res = await briefing(`period=2025-10&parkId=${parkId}`, outsider.token);
    expect(res.status).toBe(200);
    expect(res.body.text).toContain('正在招商引资的项目0个，概算总投资0.0亿元');
  });

  it('refuses a period that is not YYYY or YYYY-MM, naming it', async () => {
    for (const period of ['2025-13', '25', '2025-1', 'last-year']) {
      const res = await briefing(`period=${period}`);
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('period');
    }
  });
});
