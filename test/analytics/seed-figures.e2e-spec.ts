import { createTestApp, TestApp } from '../support/test-app';
import { makePark, makeProjectWithHistory, makeUser, TestUser } from '../support/factories';

/**
 * A fixture built from the seed reports' own figures (shared/seed, DOMAIN.md "Figures from the seed"): the KPIs
 * and the briefing must give back the reports' numbers.
 */
describe('KPIs on the seed reports’ figures', () => {
  let t: TestApp;
  let manager: TestUser;
  const parks: Record<'city' | 'guandu' | 'dadaowan' | 'desheng' | 'nuanquan', string> = {} as never;
  const officers: Record<'liming' | 'chenjing' | 'zhaolei', TestUser> = {} as never;

  const kpis = async (query: string, token = manager.token, headers: Record<string, string> = {}) => {
    const res = await t.request('GET', `/api/analytics/kpis?${query}`, { token, headers });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    parks.city = (await makePark(t, '工业城')).id;
    parks.guandu = (await makePark(t, '官渡工业园区')).id;
    parks.dadaowan = (await makePark(t, '大道湾园区')).id;
    parks.desheng = (await makePark(t, '德胜片区', parks.dadaowan)).id;
    parks.nuanquan = (await makePark(t, '暖泉片区', parks.dadaowan)).id;
    manager = await makeUser(t, 'manager');
    officers.liming = await makeUser(t, 'officer', { parkId: parks.city });
    officers.chenjing = await makeUser(t, 'officer', { parkId: parks.guandu });
    officers.zhaolei = await makeUser(t, 'officer', { parkId: parks.dadaowan });

    // 官渡工业园区, 2010 (fourth report): 25 firms entered the park (land delivered), 12 of them started construction.
    const guandu = Array.from({ length: 25 }, (_, i) => makeProjectWithHistory(t, officers.chenjing, {
      name: `官渡入园企业${i + 1}生产基地项目`, industry: ['precision_manufacturing', 'auto_parts', 'food_processing', 'biomedicine', 'logistics'][i % 5],
      totalInvestment: 3000 + ((i * 1370) % 12000), createdAt: '2009-03-01',
      moves: [
        { to: 'negotiation', at: '2009-05-01' },
        { to: 'contract', at: '2009-11-01' },
        { to: 'land_delivered', at: `2010-${String(1 + (i % 9)).padStart(2, '0')}-10` },
        ...(i < 12 ? [{ to: 'construction', at: `2010-${String(3 + (i % 9)).padStart(2, '0')}-20` }] : []),
      ],
    }));

    // 工业城, the 11th five-year plan (2006–2010, first report): 30 industrial projects, 4 of ≥ 1 亿元 and 16 of ≥ 5,000 万元,
    // 28 completed and producing, 12.8 亿元 invested.
    const amounts = [
      15000, 18000, 30000, 10000, // ≥ 1 亿元 (10,000 万元 itself included)
      5200, 8000, 9000, 6000, 7000, 5500, 6500, 7500, 5000, 9999.99, 8500, 6200, // ≥ 5,000 万元 (5,000 itself included)
      3000, 1500, 4999.99, 2000, 2500, 1200, 4000, 3500, 800, 1000, 4500, 2200, 3300, 2800, // below
    ];
    const funds = [...Array(29).fill(4400), 128000 - 29 * 4400]; // Σ = 128,000 万元 = 12.8 亿元
    const city = amounts.map((totalInvestment, i) => makeProjectWithHistory(t, officers.liming, {
      name: `十一五工业项目${i + 1}`, industry: i % 2 ? 'textile' : 'lithium_materials', totalInvestment, createdAt: '2005-10-01',
      moves: [
        { to: 'negotiation', at: '2006-01-10' },
        { to: 'contract', at: `2006-0${1 + (i % 8)}-20` },
        { to: 'land_delivered', at: `2007-0${1 + (i % 8)}-05` },
        { to: 'construction', at: `2008-0${1 + (i % 8)}-05` },
        ...(i < 28 ? [{ to: 'production', at: `2010-0${1 + (i % 8)}-15` }] : []),
      ],
      funds: [{ amount: funds[i], receivedOn: `2009-0${1 + (i % 8)}-01` }],
    }));

    // 大道湾园区, 2021 (second report's figures): 11 projects entered with 21.05 亿元 and land fees paid, in the two
    // sub-areas; 10 more preparing planning approval (contract); 22 in negotiation.
    const landedAmounts = [35000, 28000, 25500, 22000, 20000, 18000, 16000, 15000, 13000, 10000, 8000];
    const dadaowan = [
      ...landedAmounts.map((totalInvestment, i) => makeProjectWithHistory(t, manager, {
        name: `大道湾入园项目${i + 1}`, ownerId: officers.zhaolei.id, parkId: i % 2 ? parks.desheng : parks.nuanquan,
        industry: 'fine_chemicals', totalInvestment, createdAt: '2020-06-01',
        moves: [{ to: 'negotiation', at: '2020-07-01' }, { to: 'contract', at: '2020-12-01' }, { to: 'land_delivered', at: `2021-0${1 + (i % 9)}-15` }],
      })),
      ...Array.from({ length: 10 }, (_, i) => makeProjectWithHistory(t, officers.zhaolei, {
        name: `规划报批项目${i + 1}`, totalInvestment: 4000 + i * 900, createdAt: '2021-01-05',
        moves: [{ to: 'negotiation', at: '2021-02-01' }, { to: 'contract', at: `2021-0${3 + (i % 6)}-01` }],
      })),
      ...Array.from({ length: 22 }, (_, i) => makeProjectWithHistory(t, officers.zhaolei, {
        name: `在谈项目${i + 1}`, totalInvestment: 2000 + ((i * 2300) % 20000), createdAt: '2021-03-01',
        moves: [{ to: 'negotiation', at: `2021-0${4 + (i % 6)}-01` }],
      })),
    ];
    for (const batch of [guandu, city, dadaowan]) await Promise.all(batch);
  }, 240_000);

  afterAll(async () => { await t.close(); });

  it('gives Guandu park’s 2010: 25 firms entered, 12 started, start rate 48%', async () => {
    const body = await kpis(`year=2010&parkId=${parks.guandu}`);
    expect(body.period).toEqual({ from: '2010-01-01', to: '2010-12-31' });
    expect(body.entered).toMatchObject({ landed: 25, started: 12 });
    expect(body.startRate).toBe(0.48);
    expect(body.landed.count).toBe(25);
    expect(body.definitions.startRate).toContain('开工率');
  });

  it('gives the 11th five-year plan: 30 projects, 4 of ≥ 1 亿元, 16 of ≥ 5,000 万元, 28 producing, 12.8 亿元 in place', async () => {
    const body = await kpis(`from=2006-01-01&to=2010-12-31&parkId=${parks.city}`);
    expect(body.active).toEqual({ count: 30, totalInvestment: amounts30(), over100m: 4, over50m: 16 });
    expect(body.entered.producing).toBe(28);
    expect(body.productionRate).toBe(28 / 30);
    expect(body.fundsInPlace).toBe(128000);
  });

  it('gives Dadaowan’s 11 landed projects worth 21.05 亿元 (210,500 万元), with the sub-areas counted in their park', async () => {
    const body = await kpis(`year=2021&parkId=${parks.dadaowan}`);
    expect(body.landed).toEqual({ count: 11, totalInvestment: 210500 });
    expect(body.inContact.count).toBe(32);
    expect(body.entered.landed).toBe(11);
    const sub = await kpis(`year=2021&parkId=${parks.desheng}`);
    expect(sub.landed.count).toBe(5);
  });

  it('writes the briefing from the same figures, 21.05 亿元 printed as 21.1 (rounded half up)', async () => {
    const res = await t.request('GET', `/api/reports/briefing?period=2021&parkId=${parks.dadaowan}`, { token: manager.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: '2021', language: 'zh-CN' });
    expect(res.body.text).toContain('截至2021年底');
    expect(res.body.text).toContain('已落地项目11个，概算投资21.1亿元');
    expect(res.body.text).toContain('正在对接的项目32个');
    expect(res.body.figures.landed).toEqual({ count: 11, totalInvestment: 210500 });

    const guandu = await t.request('GET', `/api/reports/briefing?period=2010-10&parkId=${parks.guandu}`, { token: manager.token });
    expect(guandu.body.text).toContain('截至2010年10月底');
    expect(guandu.body.text).toContain('2010年1—10月');
  });

  it('answers in English with Accept-Language: en', async () => {
    const body = await kpis(`year=2010&parkId=${parks.guandu}`, manager.token, { 'accept-language': 'en' });
    expect(body.definitions.startRate).toMatch(/^Start rate/);
    const res = await t.request('GET', `/api/reports/briefing?period=2021&parkId=${parks.dadaowan}`, { token: manager.token, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.body.language).toBe('en');
    expect(res.body.text).toContain('11 projects have landed, with an estimated investment of 21.1 hundred million yuan');
  });

  it('breaks the figures down by industry, channel, origin region and officer', async () => {
    const body = await kpis(`year=2010&parkId=${parks.guandu}`);
    const industries = body.breakdowns.industry;
    expect(industries.map((g: { key: string }) => g.key).sort()).toEqual(['auto_parts', 'biomedicine', 'food_processing', 'logistics', 'precision_manufacturing']);
    expect(industries.reduce((sum: number, g: { entered: { landed: number } }) => sum + g.entered.landed, 0)).toBe(25);
    expect(industries.find((g: { key: string }) => g.key === 'food_processing').label).toBe('食品加工');
    expect(body.breakdowns.owner).toEqual([expect.objectContaining({ key: officers.chenjing.id, label: `officer-${officers.chenjing.username}`, entered: expect.objectContaining({ landed: 25, started: 12 }) })]);
    expect(body.breakdowns.channel).toHaveLength(1);
  });

  it('compares with the same period a year earlier', async () => {
    const body = await kpis(`year=2011&parkId=${parks.guandu}`);
    expect(body.previous.period).toEqual({ from: '2010-01-01', to: '2010-12-31' });
    expect(body.previous.entered).toMatchObject({ landed: 25, started: 12 });
    expect(body.previous.startRate).toBe(0.48);
    expect(body.entered.landed).toBe(0);
    expect(body.yearOnYear.entered.landed).toBe(-1);
  });

  it('lets an officer see only the figures of what they may see', async () => {
    const own = await kpis('year=2010', officers.chenjing.token);
    expect(own.entered).toMatchObject({ landed: 25, started: 12 });
    const other = await kpis(`year=2010&parkId=${parks.guandu}`, officers.liming.token);
    expect(other.entered.landed).toBe(0);
    expect(other.active.count).toBe(0);
  });

  it('gives an owner the figures of their row in the breakdown by officer (ownerId reads funds per project)', async () => {
    for (const query of [`from=2006-01-01&to=2010-12-31&parkId=${parks.city}`, `year=2021&parkId=${parks.dadaowan}`, `year=2010&parkId=${parks.guandu}`]) {
      const body = await kpis(query);
      expect(body.breakdowns.owner.length).toBeGreaterThan(0);
      for (const { key, label: _label, ...figures } of body.breakdowns.owner as { key: string; label: string }[]) {
        const filtered = await kpis(`${query}&ownerId=${key}`);
        const { period: _period, definitions: _definitions, breakdowns: _breakdowns, previous: _previous, yearOnYear: _yearOnYear, ...own } = filtered;
        expect(own).toEqual(figures);
        expect(filtered.breakdowns.owner).toEqual([expect.objectContaining({ key, ...figures })]);
      }
    }
    const city = await kpis(`from=2006-01-01&to=2010-12-31&parkId=${parks.city}`);
    expect(city.breakdowns.owner.reduce((sum: number, g: { fundsInPlace: number }) => sum + g.fundsInPlace, 0)).toBe(128000);
  });

  it('gives the same figures whatever the order of the filters', async () => {
    const a = await kpis(`parkId=${parks.guandu}&year=2010&industry=logistics`);
    const b = await kpis(`industry=logistics&year=2010&parkId=${parks.guandu}`);
    expect(a).toEqual(b);
    expect(a.entered.landed).toBe(5);
  });
});

function amounts30(): number {
  return [15000, 18000, 30000, 10000, 5200, 8000, 9000, 6000, 7000, 5500, 6500, 7500, 5000, 9999.99, 8500, 6200,
    3000, 1500, 4999.99, 2000, 2500, 1200, 4000, 3500, 800, 1000, 4500, 2200, 3300, 2800].reduce((a, b) => Math.round((a + b) * 100) / 100, 0);
}
