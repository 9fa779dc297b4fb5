import ExcelJS from 'exceljs';
import { SqlCursor } from '../../apps/api/src/common/sql-cursor';
import { createTestApp, TestApp } from '../support/test-app';
import { makePark, makeProject, makeUser, TestUser } from '../support/factories';

/**
 * The ledger export reads the list's query (ProjectsService.listQuery) through one server-side cursor: the same
 * projects as `GET /api/projects` page after page, in the same order, for each sort and each caller.
 */
describe('ledger export: the list walked through one cursor', () => {
  let t: TestApp;
  let manager: TestUser;
  let officer: TestUser;
  let parkId: string;
  let assistants: TestUser[];

  const DAY = 86_400_000;
  const at = (days: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + 2 * 3_600_000).toISOString();

  /** The codes (column 项目编号) of the exported ledger, in its order. */
  const exportedCodes = async (query: string, token: string): Promise<string[]> => {
    const res = await fetch(`${t.baseUrl}/api/exports/projects.xlsx?${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const codes: string[] = [];
    workbook.worksheets[0].eachRow((row, n) => n > 1 && codes.push(String(row.getCell(1).value)));
    return codes;
  };
  /** The codes of every page of the list, two projects a page. */
  const listedCodes = async (query: string, token: string): Promise<string[]> => {
    const codes: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { code: string }[]; nextCursor: string | null } } = await t.request('GET', `/api/projects?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token });
      expect(res.status).toBe(200);
      codes.push(...res.body.items.map((p) => p.code));
      cursor = res.body.nextCursor;
    } while (cursor);
    return codes;
  };

  beforeAll(async () => {
    t = await createTestApp();
    parkId = (await makePark(t)).id;
    manager = await makeUser(t, 'manager', { parkId });
    officer = await makeUser(t, 'officer', { parkId });
    const colleague = await makeUser(t, 'officer', { parkId });
    for (const days of [3, -2, 5, null, 10, null]) {
      const project = await makeProject(t, officer, { name: `清单项目${days ?? '无'}` });
      if (days === null) continue;
      const task = await t.request('POST', '/api/tasks', { token: officer.token, body: { projectId: project.id, title: '跟进', dueAt: at(days), assigneeId: officer.id } });
      expect(task.status).toBe(201);
    }
    assistants = [colleague, await makeUser(t, 'officer', { parkId })];
    await makeProject(t, officer, { name: '有协办的项目', assistantIds: assistants.map((a) => a.id).reverse() });
    await makeProject(t, colleague, { name: '同事的保密项目', confidential: true });
    await makeProject(t, colleague, { name: '同事的公开项目' });
  }, 60_000);

  afterAll(async () => { await t.close(); });

  it.each([
    ['the manager, newest first', 'manager', `parkId=PARK`],
    ['the manager, by next follow-up', 'manager', `parkId=PARK&sort=nextFollowUpAt`],
    ['an officer, without the colleague’s confidential project', 'officer', ``],
    ['an officer, by next follow-up, with q', 'officer', `sort=nextFollowUpAt&q=${encodeURIComponent('清单')}`],
  ])('exports what the list shows, in its order: %s', async (_label, who, template) => {
    const token = who === 'manager' ? manager.token : officer.token;
    const query = template.replace('PARK', parkId);
    const listed = await listedCodes(query, token);
    expect(listed.length).toBeGreaterThan(3);
    expect(await exportedCodes(query, token)).toEqual(listed);
  });

  it('shows the assistants’ accounts in the order of their usernames, joined with 、, and nothing for a project without', async () => {
    const res = await fetch(`${t.baseUrl}/api/exports/projects.xlsx?parkId=${parkId}`, { headers: { authorization: `Bearer ${manager.token}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const cellOf = (name: string, header: string) => {
      let value: unknown;
      sheet.eachRow((row) => { if (row.getCell(2).value === name) value = row.getCell(headers.indexOf(header) + 1).value; });
      return value;
    };
    expect(cellOf('有协办的项目', '协办人员账号')).toBe(assistants.map((a) => a.username).sort().join('、'));
    expect(cellOf('同事的公开项目', '协办人员账号')).toBeNull();
  });

  it('reads a query through a cursor, a fetch at a time, each row handed over as it arrives', async () => {
    const cursor = await SqlCursor.open<{ n: number }>(t.db, 'SELECT g AS n FROM generate_series(1, $1::int) g ORDER BY g', [7]);
    const seen: number[] = [];
    const counts = [await cursor.fetch(3, (row) => seen.push(row.n)), await cursor.fetch(3, (row) => seen.push(row.n)), await cursor.fetch(3, (row) => seen.push(row.n))];
    await cursor.close();
    expect(counts).toEqual([3, 3, 1]);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('rejects a fetch whose row handler throws, and gives the connection back once closed, more times than the pool has connections', async () => {
    for (let i = 0; i < 25; i++) {
      const cursor = await SqlCursor.open<{ n: number }>(t.db, 'SELECT g AS n FROM generate_series(1, 1000) g', []);
      await expect(cursor.fetch(10, (row) => { if (row.n === 2) throw new Error('stop'); })).rejects.toThrow('stop');
      await cursor.close();
      await cursor.close(); // once
    }
    const open = await t.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`);
    expect(open[0].n).toBe(0);
  });
});
