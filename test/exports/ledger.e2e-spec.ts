import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../support/test-app';
import { makeCompany, makeCreditCode, makePark, makeProject, makeProjectWithHistory, makeUser, TestUser, unique } from '../support/factories';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Cell = ExcelJS.CellValue;

/** The project ledger (项目台账) out to Excel and back in. */
describe('project ledger export and import', () => {
  let t: TestApp;
  let manager: TestUser;
  let officer: TestUser;
  let colleague: TestUser;
  let leader: TestUser;
  let parkId: string;
  let parkName: string;

  const download = async (query: string, token = manager.token) => {
    const res = await fetch(`${t.baseUrl}/api/exports/projects.xlsx?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const buffer = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, buffer };
  };
  const sheets = async (buffer: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as never);
    return workbook;
  };
  /** Rows of the ledger sheet as arrays of cell values (row 1 = headers). */
  const rowsOf = async (buffer: Buffer): Promise<Cell[][]> => {
    const sheet = (await sheets(buffer)).worksheets[0];
    const rows: Cell[][] = [];
    sheet.eachRow((row) => rows.push((row.values as Cell[]).slice(1)));
    return rows;
  };
  const upload = async (buffer: Buffer, mode?: string, token = manager.token) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(buffer)], { type: XLSX }), 'ledger.xlsx');
    const res = await fetch(`${t.baseUrl}/api/imports/projects${mode ? `?mode=${mode}` : ''}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as any };
  };
  const liveProjects = async () => (await t.db.query(`SELECT count(*)::int AS n FROM projects WHERE park_id = $1 AND deleted_at IS NULL`, [parkId]))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    parkName = unique('台账园区');
    parkId = (await makePark(t, parkName)).id;
    manager = await makeUser(t, 'manager', { parkId });
    officer = await makeUser(t, 'officer', { parkId, displayName: '李明' });
    colleague = await makeUser(t, 'officer', { parkId, displayName: '陈静' });
    leader = await makeUser(t, 'leader', { displayName: '王副总' });
    const other = await makeUser(t, 'officer', { parkId: (await makePark(t, unique('别的园区'))).id });

    const tianqi = await makeCompany(t, officer.token, { name: '天齐锂业股份有限公司', creditCode: makeCreditCode(), province: '四川', city: '射洪', industry: 'lithium_materials' });
    await makeProjectWithHistory(t, officer, {
      name: '年产1500吨高纯氯化锂项目', companyId: tianqi.id, industry: 'lithium_materials', channel: 'investor_referral', originRegion: 'sichuan',
      totalInvestment: 5200, fixedAssetInvestment: 4800.5, registeredCapital: 2000, landAreaMu: 45.5, expectedAnnualOutput: 30000, expectedTax: 1800,
      expectedJobs: 120, buildType: 'new', phase: '一期', leaderId: leader.id, assistantIds: [colleague.id], projectCode: '2105-510922-04-01-123456',
      completedOn: '2008-09-30', createdAt: '2005-06-01',
      moves: [{ to: 'negotiation', at: '2005-07-01' }, { to: 'contract', at: '2005-09-01' }, { to: 'land_delivered', at: '2005-09-20' },
        { to: 'construction', at: '2005-10-08' }, { to: 'production', at: '2008-12-01' }],
    });
    const zorlu = await makeCompany(t, officer.token, { name: '佐鲁纺织股份公司', country: 'TR', creditCode: makeCreditCode() });
    await makeProjectWithHistory(t, officer, {
      name: '佐鲁家纺印染二期项目', companyId: zorlu.id, channel: 'government', originRegion: 'overseas', totalInvestment: 60000, createdAt: '2024-03-01',
      moves: [{ to: 'negotiation', at: '2024-04-01' }, { to: 'agreement', at: '2024-08-01' }, { to: 'on_hold', at: '2025-01-15' }],
    });
    await makeProjectWithHistory(t, officer, { name: '精纺面料生产项目', channel: 'expo', totalInvestment: 6000, createdAt: '2025-05-05' });
    await makeProjectWithHistory(t, officer, {
      name: '环保制砖生产线', channel: 'door_knocking', totalInvestment: 3000, createdAt: '2025-02-01',
      moves: [{ to: 'negotiation', at: '2025-02-10' }, { to: 'dropped', at: '2025-06-01', note: '环保不达标' }],
    });
    await makeProject(t, colleague, { name: '保密的锂电池正极材料项目', confidential: true, totalInvestment: 25000 });
    await makeProject(t, other, { name: '别的园区的项目' });
  }, 60_000);

  afterAll(async () => { await t.close(); });

  it('streams the ledger as a workbook with Chinese headers, 万元 and dates formatted, and the filters on a second sheet', async () => {
    const res = await download(`parkId=${parkId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const stamp = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).replace(/-/g, '');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(`项目台账-${stamp}.xlsx`)}`);
    const workbook = await sheets(res.buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['项目台账', '筛选条件 (Filters)']);
    const ledger = workbook.worksheets[0];
    const headers = (ledger.getRow(1).values as Cell[]).slice(1);
    expect(headers.slice(0, 4)).toEqual(['项目编号', '项目名称', '企业名称', '统一社会信用代码']);
    expect(headers).toEqual(expect.arrayContaining(['总投资（万元）', '项目阶段', '供地日期', '责任人', '所属园区']));
    const rows = await rowsOf(res.buffer);
    expect(rows).toHaveLength(1 + 5); // the manager sees the confidential project too
    const col = (header: string) => headers.indexOf(header);
    const tianqi = rows.find((r) => r[col('项目名称')] === '年产1500吨高纯氯化锂项目')!;
    expect(tianqi[col('总投资（万元）')]).toBe(5200);
    expect(tianqi[col('产业类别')]).toBe('锂电新材料');
    expect(tianqi[col('项目阶段')]).toBe('投产');
    expect(tianqi[col('供地日期')]).toEqual(new Date('2005-09-20T00:00:00Z'));
    expect(tianqi[col('责任人')]).toBe('李明');
    expect(tianqi[col('包抓领导')]).toBe('王副总');
    expect(tianqi[col('所属园区')]).toBe(parkName);
    const rowNumber = rows.indexOf(tianqi) + 1;
    expect(ledger.getRow(rowNumber).getCell(col('总投资（万元）') + 1).numFmt).toBe('#,##0.00');
    expect(ledger.getRow(rowNumber).getCell(col('供地日期') + 1).numFmt).toBe('yyyy-mm-dd');
    const filters: Cell[][] = [];
    workbook.worksheets[1].eachRow((row) => filters.push((row.values as Cell[]).slice(1)));
    expect(filters).toEqual(expect.arrayContaining([['项目数', 5], ['所属园区（含片区）', parkName]]));
  });

  it('exports what the caller may see, with the list’s filters', async () => {
    const own = await rowsOf((await download('', officer.token)).buffer);
    const names = own.slice(1).map((r) => r[1]);
    expect(names).not.toContain('保密的锂电池正极材料项目');
    expect(names).not.toContain('别的园区的项目');
    expect(names).toHaveLength(4);
    const filtered = await rowsOf((await download(`parkId=${parkId}&stage=on_hold`)).buffer);
    expect(filtered.slice(1).map((r) => r[1])).toEqual(['佐鲁家纺印染二期项目']);
    expect((await download('deleted=true', officer.token)).status).toBe(403);
  });

  it('re-imports its own export without creating duplicates: every row matches and nothing changes', async () => {
    const before = await liveProjects();
    const file = (await download(`parkId=${parkId}`)).buffer;
    const dry = await upload(file);
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ rows: 5, valid: 5, invalid: 0, created: 0, updated: 5, unchanged: 5, committed: false, errors: [] });
    const commit = await upload(file, 'commit');
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ rows: 5, valid: 5, created: 0, updated: 5, committed: true });
    expect(await liveProjects()).toBe(before);
  });

  it('round-trips losslessly: the ledger imported into an empty park exports again cell for cell, with the same stage figures', async () => {
    const first = (await download(`parkId=${parkId}`)).buffer;
    const kpis = async (year: number) => (await t.request('GET', `/api/analytics/kpis?year=${year}&parkId=${parkId}`, { token: manager.token })).body;
    const figures = async () => Promise.all([2005, 2008, 2024, 2025].map(async (year) => {
      const k = await kpis(year);
      return [k.active, k.inContact, k.landed, k.entered.landed, k.entered.started, k.entered.producing];
    }));
    const figuresBefore = await figures();
    const ids: string[] = (await t.db.query(`SELECT id FROM projects WHERE park_id = $1 AND deleted_at IS NULL`, [parkId])).map((r: { id: string }) => r.id);
    for (const id of ids) expect((await t.request('DELETE', `/api/projects/${id}`, { token: manager.token })).status).toBe(204);

    const imported = await upload(first, 'commit');
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rows: 5, valid: 5, created: 5, updated: 0, errors: [] });
    const again = (await download(`parkId=${parkId}`)).buffer;
    const withoutCode = (rows: Cell[][]) => rows.map((r) => r.slice(1)).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(withoutCode(await rowsOf(again))).toEqual(withoutCode(await rowsOf(first)));
    expect(await figures()).toEqual(figuresBefore);

    const history = await t.db.query(
      `SELECT h.from_stage, h.to_stage, to_char(h.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS on
         FROM project_stage_changes h JOIN projects p ON p.id = h.project_id
        WHERE p.name = '佐鲁家纺印染二期项目' AND p.deleted_at IS NULL ORDER BY h.occurred_at, h.created_at`);
    expect(history).toEqual([
      { from_stage: null, to_stage: 'intention', on: '2024-03-01' },
      { from_stage: 'intention', to_stage: 'agreement', on: '2024-03-01' },
      { from_stage: 'agreement', to_stage: 'on_hold', on: '2025-01-15' },
    ]);
  });

  it('reports every bad cell with its row and column, and commits nothing unless asked for the valid rows', async () => {
    const headers = ['项目名称', '企业名称', '统一社会信用代码', '产业类别', '招商方式', '总投资（万元）', '项目阶段', '暂缓/终止前阶段', '供地日期', '责任人账号', '录入日期'];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('项目台账');
    sheet.addRow(headers);
    const good = makeCreditCode();
    const badCode = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    sheet.addRow(['新建锂电项目', '新锂电科技有限公司', good, '锂电新材料', '展会招商', '1.2亿', '洽谈', null, null, officer.username, '2025-03-01']); // row 2: valid
    sheet.addRow(['坏信用代码项目', '某企业', badCode, '锂电新材料', '展会招商', 5000, '意向', null, null, officer.username, null]); // row 3
    sheet.addRow(['未知产业项目', '某企业二', null, '造火箭', '敲门', '五千万', '洽谈', null, null, officer.username, null]); // row 4: three bad cells
    sheet.addRow(['阶段有误项目', '某企业三', null, '纺织服装', '展会招商', 3000, '暂缓', null, null, 'nobody-such-user', null]); // row 5
    sheet.addRow(['供地缺日期项目', '某企业四', null, '纺织服装', '展会招商', 3000, '供地', null, null, officer.username, null]); // row 6
    sheet.addRow(['日期不对项目', '某企业五', null, '纺织服装', '展会招商', 3000, '洽谈', null, '2025-02-30', officer.username, '2999-01-01']); // row 7
    sheet.addRow([]);
    sheet.addRow(['', '缺项目名称的企业', null, '纺织服装', '展会招商', null, '洽谈', null, null, officer.username, null]); // row 9
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await liveProjects();

    const dry = await upload(file, 'dry-run');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ rows: 7, valid: 1, invalid: 6, created: 1, updated: 0, committed: false });
    const cells = dry.body.errors.map((e: { row: number; column: string; field: string }) => `${e.row}:${e.column}:${e.field}`);
    expect(cells).toEqual(expect.arrayContaining([
      '3:统一社会信用代码:company.creditCode',
      '4:产业类别:industry', '4:招商方式:channel', '4:总投资（万元）:totalInvestment',
      '5:暂缓/终止前阶段:previousStage', '5:责任人账号:ownerId',
      '6:供地日期:landDeliveredOn',
      '7:供地日期:landDeliveredOn', '7:录入日期:createdAt',
      '9:项目名称:name', '9:总投资（万元）:totalInvestment',
    ]));
    expect(cells).toHaveLength(11);
    expect(dry.body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
    expect(await liveProjects()).toBe(before);

    const commit = await upload(file, 'commit');
    expect(commit.status).toBe(422);
    expect(commit.body).toMatchObject({ statusCode: 422, rows: 7, valid: 1, invalid: 6, committed: false });
    expect(commit.body.errors).toEqual(dry.body.errors);
    expect(await liveProjects()).toBe(before);

    const partial = await upload(file, 'partial');
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ rows: 7, valid: 1, invalid: 6, created: 1, committed: true });
    expect(await liveProjects()).toBe(before + 1);
    const [created] = await t.db.query(`SELECT total_investment::float8 AS amount, stage FROM projects WHERE name = '新建锂电项目'`);
    expect(created).toEqual({ amount: 12000, stage: 'negotiation' });
  });

  it('lets only managers and admins import, and wants a multipart file', async () => {
    const file = (await download(`parkId=${parkId}`)).buffer;
    expect((await upload(file, 'dry-run', officer.token)).status).toBe(403);
    const noFile = await t.request('POST', '/api/imports/projects', { token: manager.token, body: { file: 'x' } });
    expect(noFile.status).toBe(400);
    expect(noFile.body.details[0].field).toBe('file');
    const notExcel = await upload(Buffer.from('not a workbook'));
    expect(notExcel.status).toBe(400);
    const badMode = await upload(file, 'everything');
    expect(badMode.status).toBe(400);
  });
});
