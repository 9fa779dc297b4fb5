import { jest } from '@jest/globals';
import { Clock } from '@zs/config';
import { createTestApp, TestApp } from '../support/test-app';
import { makePark, makeProjectWithHistory, makeUser, TestUser, unique } from '../support/factories';

/**
 * The funnel on a hand-checked stage history (every move at 09:00 Asia/Shanghai, so that days are whole):
 *
 *   A 10000  created 2025-01-01 → negotiation 01-11 → agreement 02-10 → contract 03-12 → land 04-11 → construction 05-11 → production 06-10
 *   B  8000  created 2025-01-01 → contract 01-21 (skips 2) → back to negotiation 03-02 → agreement 03-12 → contract 04-01
 *   C  3000  created 2025-02-01 → negotiation 02-11 → on_hold 03-13 → negotiation 04-12 (reactivated) → dropped 05-02
 *   D  6000  created 2024-12-01 → negotiation 2024-12-11 → agreement 2025-01-10 → on_hold 02-09
 *   E 20000  created 2025-03-01 → land 03-31 (skips 3) → construction 05-30           (industry led, the others textile)
 *   G  5000  created 2025-01-01 → land 02-01 (skips 3) → on_hold 03-03
 *   F  1000  created 2026-01-05 → negotiation 2026-01-15                              (after the period)
 *   H  3000  created 2026-02-01 → negotiation 2026-02-10, confidential, another officer's
 */
describe('analytics funnel', () => {
  let t: TestApp;
  let manager: TestUser;
  let officer: TestUser;
  let colleague: TestUser;
  let outsider: TestUser;
  let parkId: string;

  const funnel = async (query: string, token = manager.token, headers: Record<string, string> = {}) => {
    const res = await t.request('GET', `/api/analytics/funnel?${query}`, { token, headers });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    parkId = (await makePark(t, unique('漏斗园区'))).id;
    const otherPark = (await makePark(t, unique('兄弟园区'))).id;
    manager = await makeUser(t, 'manager');
    officer = await makeUser(t, 'officer', { parkId });
    colleague = await makeUser(t, 'officer', { parkId });
    outsider = await makeUser(t, 'officer', { parkId: otherPark });
    const textile = { industry: 'textile' };
    await Promise.all([
      makeProjectWithHistory(t, officer, { ...textile, name: '项目A', totalInvestment: 10000, createdAt: '2025-01-01', moves: [
        { to: 'negotiation', at: '2025-01-11' }, { to: 'agreement', at: '2025-02-10' }, { to: 'contract', at: '2025-03-12' },
        { to: 'land_delivered', at: '2025-04-11' }, { to: 'construction', at: '2025-05-11' }, { to: 'production', at: '2025-06-10' },
      ] }),
      makeProjectWithHistory(t, officer, { ...textile, name: '项目B', totalInvestment: 8000, createdAt: '2025-01-01', moves: [
        { to: 'contract', at: '2025-01-21' }, { to: 'negotiation', at: '2025-03-02', note: '合同条款重新谈判' },
        { to: 'agreement', at: '2025-03-12' }, { to: 'contract', at: '2025-04-01' },
      ] }),
      makeProjectWithHistory(t, officer, { ...textile, name: '项目C', totalInvestment: 3000, createdAt: '2025-02-01', moves: [
        { to: 'negotiation', at: '2025-02-11' }, { to: 'on_hold', at: '2025-03-13' }, { to: 'negotiation', at: '2025-04-12' },
        { to: 'dropped', at: '2025-05-02', note: '客商资金链断裂' },
      ] }),
      makeProjectWithHistory(t, officer, { ...textile, name: '项目D', totalInvestment: 6000, createdAt: '2024-12-01', moves: [
        { to: 'negotiation', at: '2024-12-11' }, { to: 'agreement', at: '2025-01-10' }, { to: 'on_hold', at: '2025-02-09' },
      ] }),
      makeProjectWithHistory(t, officer, { industry: 'led', name: '项目E', totalInvestment: 20000, createdAt: '2025-03-01', moves: [
        { to: 'land_delivered', at: '2025-03-31' }, { to: 'construction', at: '2025-05-30' },
      ] }),
      makeProjectWithHistory(t, officer, { ...textile, name: '项目G', totalInvestment: 5000, createdAt: '2025-01-01', moves: [
        { to: 'land_delivered', at: '2025-02-01' }, { to: 'on_hold', at: '2025-03-03' },
      ] }),
      makeProjectWithHistory(t, officer, { ...textile, name: '项目F', totalInvestment: 1000, createdAt: '2026-01-05', moves: [{ to: 'negotiation', at: '2026-01-15' }] }),
      makeProjectWithHistory(t, colleague, { ...textile, name: '项目H', totalInvestment: 3000, confidential: true, createdAt: '2026-02-01', moves: [{ to: 'negotiation', at: '2026-02-10' }] }),
    ]);
  }, 120_000);

  afterAll(async () => { await t.close(); });

  it('counts each stage’s entries of the period from the history, skips and backward moves included, with conversion to the next', async () => {
    const body = await funnel(`from=2025-01-01&to=2025-12-31&parkId=${parkId}`);
    expect(body.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    const pick = (keys: string[]) => body.stages.map((s: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, s[k]])));
    expect(pick(['stage', 'entered', 'totalInvestment'])).toEqual([
      { stage: 'intention', entered: 5, totalInvestment: 46000 }, // A B C E G (D began in 2024)
      { stage: 'negotiation', entered: 5, totalInvestment: 46000 }, // A B C, and E G by skipping it
      { stage: 'agreement', entered: 5, totalInvestment: 49000 }, // A B D E G
      { stage: 'contract', entered: 4, totalInvestment: 43000 }, // A B E G — B's second contract is no new entry
      { stage: 'land_delivered', entered: 3, totalInvestment: 35000 }, // A E G
      { stage: 'construction', entered: 2, totalInvestment: 30000 }, // A E
      { stage: 'production', entered: 1, totalInvestment: 10000 }, // A
    ]);
    expect(body.stages.map((s: { conversionToNext: number | null }) => s.conversionToNext)).toEqual([1, 1, 0.8, 0.75, 2 / 3, 0.5, null]);
  });

  it('gives median and 90th-percentile days per stage from consecutive moves, time on hold left out', async () => {
    const body = await funnel(`year=2025&parkId=${parkId}`);
    expect(body.stages.map((s: { stage: string; medianDays: number | null; p90Days: number | null }) => [s.stage, s.medianDays, s.p90Days])).toEqual([
      ['intention', 20, 30.6], // A 10, B 20, C 10, E 30, G 31 (D's stay ended in 2024)
      ['negotiation', 30, 44], // A 30, B 10 (after its backward move), C 30 + 20 = 50 (the hold between not counted), D 30
      ['agreement', 30, 30], // A 30, B 20, D 30
      ['contract', 35, 39], // A 30, B 40 (its first stay; the second is still open)
      ['land_delivered', 30, 54], // A 30, E 60, G 30
      ['construction', 30, 30], // A 30 (E still in it)
      ['production', null, null],
    ]);
  });

  it('counts drop-outs per stage: dropped and on hold from the stage they left', async () => {
    const body = await funnel(`year=2025&parkId=${parkId}`);
    const exits = Object.fromEntries(body.stages.map((s: { stage: string; dropped: number; onHold: number }) => [s.stage, [s.dropped, s.onHold]]));
    expect(exits).toEqual({
      intention: [0, 0], negotiation: [1, 1], agreement: [0, 1], contract: [0, 0], land_delivered: [0, 1], construction: [0, 0], production: [0, 0],
    });
  });

  it('shows where the open projects stand now, on hold apart, confidential ones only to those who may see them', async () => {
    const body = await funnel(`year=2025&parkId=${parkId}`);
    const snapshot = Object.fromEntries(body.snapshot.map((s: { stage: string; count: number; totalInvestment: number }) => [s.stage, [s.count, s.totalInvestment]]));
    expect(snapshot).toEqual({
      intention: [0, 0], negotiation: [2, 4000], agreement: [0, 0], contract: [1, 8000], land_delivered: [0, 0],
      construction: [1, 20000], production: [1, 10000], on_hold: [2, 11000],
    });
    const own = await funnel(`year=2025&parkId=${parkId}`, officer.token);
    expect(own.snapshot.find((s: { stage: string }) => s.stage === 'negotiation')).toMatchObject({ count: 1, totalInvestment: 1000 });
    expect(own.stages[0].entered).toBe(5);
    const outside = await funnel(`year=2025&parkId=${parkId}`, outsider.token);
    expect(outside.stages.every((s: { entered: number }) => s.entered === 0)).toBe(true);
    expect(outside.snapshot.every((s: { count: number }) => s.count === 0)).toBe(true);
  });

  it('filters by industry and owner', async () => {
    const led = await funnel(`year=2025&parkId=${parkId}&industry=led`);
    expect(led.stages.map((s: { entered: number }) => s.entered)).toEqual([1, 1, 1, 1, 1, 1, 0]);
    const none = await funnel(`year=2025&parkId=${parkId}&ownerId=${colleague.id}`);
    expect(none.stages[0].entered).toBe(0);
    const mine = await funnel(`year=2025&ownerId=me`, officer.token);
    expect(mine.stages[0].entered).toBe(5);
  });

  it('reads the KPIs from the same history: on hold counts where it left, dropped is out', async () => {
    const res = await t.request('GET', `/api/analytics/kpis?year=2025&parkId=${parkId}`, { token: manager.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      active: { count: 5, totalInvestment: 49000, over100m: 2, over50m: 5 }, // A B D E G; G's 5,000 counts as ≥ 5,000
      inContact: { count: 2, totalInvestment: 14000 }, // B, and D on hold from agreement
      landed: { count: 3, totalInvestment: 35000 }, // A E, and G on hold from land_delivered
      entered: { signed: 5, contracted: 4, landed: 3, started: 2, producing: 1 },
      enteredInvestment: { signed: 49000, contracted: 43000, landed: 35000, started: 30000, producing: 10000 },
      startRate: 2 / 3,
      productionRate: 0.5,
    });
    expect(res.body.previous).toMatchObject({
      period: { from: '2024-01-01', to: '2024-12-31' },
      active: { count: 1, totalInvestment: 6000 }, inContact: { count: 1 }, landed: { count: 0 }, startRate: null,
    });
    const funnelBody = await funnel(`year=2025&parkId=${parkId}`);
    const entered = Object.fromEntries(funnelBody.stages.map((s: { stage: string; entered: number }) => [s.stage, s.entered]));
    expect(res.body.entered).toEqual({
      signed: entered.agreement, contracted: entered.contract, landed: entered.land_delivered, started: entered.construction, producing: entered.production,
    });
  });

  it('writes the definitions in the request’s language', async () => {
    const zh = await funnel(`year=2025&parkId=${parkId}`);
    expect(zh.definitions.conversionToNext).toContain('转化率');
    expect(zh.stages[0].label).toBe('意向');
    const en = await funnel(`year=2025&parkId=${parkId}`, manager.token, { 'accept-language': 'en' });
    expect(en.definitions.conversionToNext).toMatch(/^Conversion to next/);
    expect(en.stages[0].label).toBe('Intention');
  });

  it('rejects a bad period with 400 naming the field', async () => {
    const res = await t.request('GET', `/api/analytics/funnel?from=2025-12-31&to=2025-01-01`, { token: manager.token });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'from' })]);
    const mixed = await t.request('GET', `/api/analytics/kpis?year=2025&from=2025-01-01`, { token: manager.token });
    expect(mixed.status).toBe(400);
    const month = await t.request('GET', `/api/analytics/kpis?month=2025-13`, { token: manager.token });
    expect(month.status).toBe(400);
  });

  describe('leads of the period', () => {
    let leadPark: string;
    let leadManager: TestUser;
    let screener: TestUser;

    const lead = async (receivedOn: string, assign = true) => {
      const res = await t.request('POST', '/api/leads', { token: leadManager.token, body: {
        title: unique('线索'), companyName: unique('线索企业'), industry: 'textile', channel: 'expo', summary: '展会线索', receivedOn,
        ...(assign ? { assigneeId: screener.id } : {}),
      } });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      return res.body.id as string;
    };
    const screen = (id: string, decision: 'pursue' | 'reject') => t.request('POST', `/api/leads/${id}/screen`, {
      token: screener.token, body: { opinion: '研判意见', decision, ...(decision === 'reject' ? { note: '不符合产业定位' } : {}) },
    });

    beforeAll(async () => {
      leadPark = (await makePark(t, unique('线索园区'))).id;
      leadManager = await makeUser(t, 'manager', { parkId: leadPark });
      screener = await makeUser(t, 'officer', { parkId: leadPark });
      const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2025-03-04T10:00:00+08:00'));
      try {
        const [l1, l2, l3, l4] = [await lead('2025-03-01'), await lead('2025-03-02'), await lead('2025-03-03'), await lead('2024-12-30')];
        await lead('2025-03-03', false); // received, never assigned nor screened
        expect((await screen(l1, 'pursue')).status).toBe(200); // 3 days
        expect((await screen(l2, 'reject')).status).toBe(200); // 2 days
        expect((await screen(l3, 'pursue')).status).toBe(200); // 1 day
        expect((await screen(l4, 'pursue')).status).toBe(200); // received before the period
        expect((await t.request('POST', `/api/leads/${l3}/convert`, { token: screener.token, body: {} })).status).toBe(201);
      } finally {
        spy.mockRestore();
      }
    });

    it('heads the funnel with the leads received in the period: converted, rejected, conversion and days to screen', async () => {
      const body = await funnel(`year=2025&parkId=${leadPark}`);
      expect(body.leads).toEqual({ received: 4, converted: 1, rejected: 1, conversionRate: 0.25, medianDaysToScreen: 2 });
    });

    it('shows an officer the leads they reported or were assigned, and takes ownerId as the assignee', async () => {
      expect((await funnel('year=2025', screener.token)).leads).toMatchObject({ received: 3, converted: 1 });
      expect((await funnel(`year=2025&ownerId=${screener.id}`)).leads.received).toBe(3);
    });
  });
});
