/**
 * The web UI end to end: Debian's Chromium (playwright-core, never a browser download) against the real API
 * (createTestApp serving the production build of apps/web) on a real PostgreSQL. One browser for the file,
 * a fresh context (its own profile, storage and viewport) per test; each test leaves a screenshot in artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { makePark, makeProject, makeProjectWithHistory, makeUser, type TestUser } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { ensureWebBuild } from '../support/web-build';

const ARTIFACTS = resolve(process.cwd(), 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIME_ZONE = 'Asia/Shanghai';
/** The page's localStorage, as code run in the browser sees it (the test is type-checked without the DOM lib). */
interface BrowserStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A browser test does more than an API test: a generous per-test limit (the suite stays within a minute). */
const TIMEOUT = 120_000;

/** `YYYY-MM-DD` of a day in the park's time zone, `offset` days from today. */
function parkDate(offset = 0): string {
  const day = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(day);
}

describe('web UI (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let officer: TestUser;
  let manager: TestUser;
  const contexts: BrowserContext[] = [];
  const diagnostics: string[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await createTestApp();
    [officer, manager] = await Promise.all([makeUser(t, 'officer', { displayName: '李明' }), makeUser(t, 'manager', { displayName: '张局长' })]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, TIMEOUT);

  afterAll(async () => {
    if (diagnostics.length) console.warn(`web UI: what the browser saw go wrong\n${diagnostics.join('\n')}`);
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  /** A fresh context; signed in as `user` (the token in localStorage, as the login page leaves it) unless null. */
  async function open(user: TestUser | null, path: string, viewport = { width: 1440, height: 900 }, language = 'zh-CN'): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: TIME_ZONE, baseURL: t.baseUrl });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    (page as Page & { errors: string[] }).errors = errors;
    // what the browser saw go wrong, printed at the end of the file (a failed step then says why)
    page.on('requestfailed', (request) => diagnostics.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
    page.on('response', (response) => response.status() >= 500 && diagnostics.push(`${response.status()} ${response.url()}`));
    page.on('response', (response) => response.status() === 404 && !response.url().includes('/api/') && diagnostics.push(`404 ${response.url()}`));
    page.on('pageerror', (error) => diagnostics.push(`page error: ${error}`));
    await context.addInitScript(([token, lang]) => {
      const storage = (globalThis as unknown as { localStorage: BrowserStorage }).localStorage;
      if (token && !storage.getItem('zs.token')) storage.setItem('zs.token', token);
      if (!storage.getItem('zs.lang')) storage.setItem('zs.lang', lang);
    }, [user?.token ?? '', language] as const);
    await page.goto(path);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `web-${name}.png`), fullPage: true });

  it('lets an officer sign in on a phone, log a visit with a follow-up date in one screen and find the task on the workbench', async () => {
    const project = await makeProject(t, officer, { name: '年产1500吨高纯氯化锂项目' });
    const page = await open(null, '/', { width: 390, height: 844 });

    await page.waitForURL('**/login');
    await page.locator('#username').fill(officer.username);
    await page.locator('#password').fill(officer.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('李明，您好').waitFor();

    await page.getByRole('button', { name: /记录走访/ }).click();
    await page.waitForURL('**/visits/new');
    const form = page.getByTestId('visit-form');
    await page.locator('#projectId').click();
    await page.locator('#projectId').fill('氯化锂');
    await page.locator('.ant-select-item-option').filter({ hasText: project.name }).click();
    await page.locator('#summary').fill('拜访天齐锂业，洽谈二期扩产用地需求');
    await page.locator('#nextStep').fill('报送用地预审材料');
    // on a phone the follow-up is the browser's own date-time picker (datetime-local)
    await page.locator('#nextFollowUpAt').fill(`${parkDate(1)}T09:30`);
    const followUp = `${parkDate(1)} 09:30`;

    // the whole form, save button included, fits the 390 × 844 screen
    const box = await page.getByTestId('save-visit').boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(844);
    expect(await form.evaluate((el) => el.scrollWidth <= 390)).toBe(true);
    await page.getByRole('heading', { name: '记录走访' }).click(); // close any dropdown for the screenshot
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, 'web-visit-form-phone.png') });

    await page.getByTestId('save-visit').click();
    await page.waitForURL((url) => url.pathname === '/');
    const task = page.getByTestId('tasks-upcoming').locator('.ant-list-item').filter({ hasText: project.name });
    await task.waitFor();
    expect(await task.textContent()).toContain(followUp);
    await shot(page, 'workbench-phone');

    const tasks = await t.request('GET', '/api/tasks?assigneeId=me&status=open', { token: officer.token });
    expect(tasks.body.items.map((x: { projectId: string }) => x.projectId)).toContain(project.id);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  }, TIMEOUT);

  it('asks for the missing agreement when a project is dragged on the kanban, then moves it', async () => {
    const project = await makeProject(t, officer, { name: '锂电池正极材料项目', totalInvestment: 25000 });
    const moved = await t.request('POST', `/api/projects/${project.id}/transitions`, { token: officer.token, body: { to: 'negotiation' } });
    expect(moved.status).toBe(200);
    const page = await open(officer, '/projects/board');

    const card = page.getByTestId('column-negotiation').locator(`[data-project-id="${project.id}"]`);
    await card.waitFor();
    await card.dragTo(page.getByTestId('column-agreement'));

    const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('evidence-form') });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('进入“签约”阶段需要至少一份签约协议记录');
    await expect(dialog.getByText('登记签约协议').count()).resolves.toBe(1);
    await page.waitForTimeout(400); // the dialog's zoom-in animation, for the screenshot
    await shot(page, 'kanban-missing-agreement');

    await page.locator('#number').fill('GXQ-2026-018');
    await page.getByRole('button', { name: '保存并推进' }).click();
    await page.getByTestId('column-agreement').locator(`[data-project-id="${project.id}"]`).waitFor();
    const after = await t.request('GET', `/api/projects/${project.id}`, { token: officer.token });
    expect(after.body.stage).toBe('agreement');
    const agreements = await t.request('GET', `/api/projects/${project.id}/agreements`, { token: officer.token });
    expect(agreements.body.items).toEqual([expect.objectContaining({ kind: 'intent', number: 'GXQ-2026-018', amount: 25000 })]);
  }, TIMEOUT);

  it('shows a manager the cockpit with the funnel figures the API computes', async () => {
    const year = Number(parkDate().slice(0, 4));
    const day = (month: number, date: number) => `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
    const today = parkDate();
    const inYear = (d: string) => (d <= today ? d : today);
    await makeProjectWithHistory(t, officer, { createdAt: inYear(day(1, 5)), totalInvestment: 52000, moves: [{ to: 'negotiation', at: inYear(day(1, 20)) }, { to: 'agreement', at: inYear(day(2, 10)) }] });
    await makeProjectWithHistory(t, officer, { createdAt: inYear(day(1, 8)), totalInvestment: 3000, moves: [{ to: 'negotiation', at: inYear(day(1, 25)) }] });
    const page = await open(manager, '/cockpit');

    const cells = page.getByTestId('funnel-entered');
    await cells.first().waitFor();
    const shown = await cells.evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-stage'), Number(td.textContent)]));
    const funnel = await t.request('GET', `/api/analytics/funnel?year=${year}`, { token: manager.token });
    expect(funnel.status).toBe(200);
    expect(shown).toEqual(funnel.body.stages.map((s: { stage: string; entered: number }) => [s.stage, s.entered]));
    expect(shown.find(([stage]) => stage === 'negotiation')?.[1]).toBeGreaterThanOrEqual(2);

    const kpis = await t.request('GET', `/api/analytics/kpis?year=${year}`, { token: manager.token });
    await expect(page.getByTestId('kpi-active').locator('.ant-statistic-content').textContent()).resolves.toBe(String(kpis.body.active.count));
    await page.getByTestId('briefing').waitFor();
    await page.waitForTimeout(500); // let the charts finish their animation for the screenshot
    await shot(page, 'cockpit');
  }, TIMEOUT);

  it('shows the API’s validation error next to the field it is about', async () => {
    const page = await open(officer, '/companies');
    await page.getByTestId('new-company').click();
    await page.locator('#name').fill('天齐锂业股份有限公司');
    await page.locator('#creditCode').fill('91510900MA62L0XJ2B');
    await page.locator('#industry').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByRole('button', { name: /保\s*存/ }).click();

    const item = page.locator('.ant-form-item').filter({ has: page.locator('#creditCode') });
    const error = item.locator('.ant-form-item-explain-error');
    await error.waitFor();
    const direct = await t.request('POST', '/api/companies', { token: officer.token, body: { name: '天齐锂业股份有限公司', creditCode: '91510900MA62L0XJ2B', country: 'CN', industry: 'textile' } });
    expect(direct.status).toBe(400);
    const detail = direct.body.details.find((d: { field: string }) => d.field === 'creditCode');
    expect(detail).toBeDefined();
    expect(detail.message).toContain((await error.textContent())!.trim());
    await expect(page.getByTestId('company-form').isVisible()).resolves.toBe(true);
    await page.waitForTimeout(300);
    await shot(page, 'validation-error');
  }, TIMEOUT);

  it('switches the labels to English, and the API’s labels with them', async () => {
    await makeProject(t, officer, { name: '精纺面料生产项目', industry: 'textile' });
    const page = await open(officer, '/projects');
    const nav = page.locator('.ant-menu');
    await nav.getByText('工作台').waitFor();
    const table = page.getByTestId('projects-table');
    await table.getByText('精纺面料生产项目').waitFor();
    const zhIndustry = (await t.request('GET', '/api/dictionaries', { token: officer.token })).body.industries.find((i: { key: string }) => i.key === 'textile').label;
    await table.getByText(zhIndustry).first().waitFor();

    await page.getByTestId('language-switch').getByText('English').click();
    await nav.getByText('Workbench').waitFor();
    await expect(nav.getByText('Projects', { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'New project' }).count()).resolves.toBe(1);
    await expect(nav.getByText('工作台').count()).resolves.toBe(0);
    const enIndustry = (await t.request('GET', '/api/dictionaries', { token: officer.token, headers: { 'accept-language': 'en' } })).body.industries.find((i: { key: string }) => i.key === 'textile').label;
    expect(enIndustry).not.toBe(zhIndustry);
    await table.getByText(enIndustry).first().waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { localStorage: BrowserStorage }).localStorage.getItem('zs.lang'))).toBe('en');
    await shot(page, 'english');
  }, TIMEOUT);
  it('offers a bureau manager only the people who may see a park’s lead, and assigns it to that park’s officer', async () => {
    const [park, sibling] = await Promise.all([makePark(t, '工业城'), makePark(t, '官渡园区')]);
    const [parkOfficer, siblingOfficer] = await Promise.all([
      makeUser(t, 'officer', { parkId: park.id, displayName: '园区专员甲' }),
      makeUser(t, 'officer', { parkId: sibling.id, displayName: '邻园专员乙' }),
    ]);
    const logged = await t.request('POST', '/api/leads', {
      token: manager.token,
      body: { title: '电池级氢氧化锂项目', companyName: '天齐锂业股份有限公司', industry: 'lithium_materials', channel: 'investor_referral', summary: '客商拟扩产', receivedOn: parkDate(), parkId: park.id },
    });
    expect(logged.status).toBe(201);
    const page = await open(manager, '/leads');
    await page.getByTestId('lead-list').getByText('电池级氢氧化锂项目').click();
    const picker = page.locator('.ant-select').filter({ hasText: '分派给' });
    await picker.locator('input').click();
    await picker.locator('input').fill('专员');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.filter({ hasText: '园区专员甲' }).waitFor();
    await expect(options.filter({ hasText: '邻园专员乙' }).count()).resolves.toBe(0); // the API would refuse them
    await options.filter({ hasText: '园区专员甲' }).click();
    await page.getByRole('button', { name: /分\s*派/ }).click();
    await page.getByTestId('duplicates').waitFor();
    await page.locator('.ant-message').getByText('已分派').waitFor();
    await shot(page, 'lead-assigned');
    const lead = await t.request('GET', `/api/leads/${logged.body.id}`, { token: parkOfficer.token });
    expect(lead.body).toMatchObject({ status: 'assigned', assigneeId: parkOfficer.id });
    const hidden = await t.request('GET', `/api/leads/${logged.body.id}`, { token: siblingOfficer.token });
    expect(hidden.status).toBe(404);

    // the park's officer sees who logged it by name, though 张局长 belongs to the bureau above the park
    const officerPage = await open(parkOfficer, '/leads');
    await officerPage.getByTestId('lead-list').getByText('电池级氢氧化锂项目').click();
    const details = officerPage.locator('.ant-descriptions').filter({ hasText: '登记人' });
    await details.getByText('张局长', { exact: true }).waitFor();
    await shot(officerPage, 'lead-reported-by-bureau');
  }, TIMEOUT);
});
