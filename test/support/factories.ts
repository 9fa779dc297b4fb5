import ExcelJS from 'exceljs';
import type { Role } from '@zs/domain';
import type { TestApp } from './test-app';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '@zs/domain';

let seq = 0;
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++seq).toString(36)}`;

export interface TestUser {
  id: string;
  username: string;
  password: string;
  role: Role;
  parkId: string;
  token: string;
}

/** Creates a user through the admin API and signs them in. */
export async function makeUser(t: TestApp, role: Role, overrides: { parkId?: string; displayName?: string } = {}): Promise<TestUser> {
  const username = unique(role);
  const password = 'password-123';
  const res = await t.request('POST', '/api/users', {
    token: await t.adminToken(),
    body: { username, password, displayName: overrides.displayName ?? `${role}-${username}`, role, ...(overrides.parkId ? { parkId: overrides.parkId } : {}) },
  });
  if (res.status !== 201) throw new Error(`makeUser: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, username, password, role, parkId: res.body.parkId, token: await t.login(username, password) };
}

/** Creates a park under `parentId` (default: the root) through the admin API. */
export async function makePark(t: TestApp, name = unique('园区'), parentId?: string): Promise<{ id: string; name: string }> {
  const res = await t.request('POST', '/api/parks', { token: await t.adminToken(), body: { name, ...(parentId ? { parentId } : {}) } });
  if (res.status !== 201) throw new Error(`makePark: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates a company (201) with the caller's token; the industry must be a dictionary key. */
export async function makeCompany(t: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; name: string; parkId: string }> {
  const res = await t.request('POST', '/api/companies', { token, body: { name: unique('测试企业'), country: 'CN', industry: 'textile', ...overrides } });
  if (res.status !== 201) throw new Error(`makeCompany: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates a project owned by `owner` (who must be able to write it), with a new company unless one is given. */
export async function makeProject(
  t: TestApp,
  owner: { id: string; token: string },
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; code: string; name: string; stage: string; version: number; companyId: string; [k: string]: any }> {
  const companyId = (overrides.companyId as string | undefined) ?? (await makeCompany(t, owner.token)).id;
  const res = await t.request('POST', '/api/projects', {
    token: owner.token,
    body: { name: unique('项目'), companyId, industry: 'textile', channel: 'door_knocking', totalInvestment: 5200, ownerId: owner.id, ...overrides },
  });
  if (res.status !== 201) throw new Error(`makeProject: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A valid, random 统一社会信用代码 (17 characters + the check character computed by @zs/domain). */
export function makeCreditCode(prefix = '91510700'): string {
  let body = prefix;
  while (body.length < 17) body += CREDIT_CODE_CHARSET[Math.floor(Math.random() * CREDIT_CODE_CHARSET.length)];
  return body + creditCodeCheckChar(body);
}

export interface FixtureMove {
  to: string;
  /** `YYYY-MM-DD` (09:00 in Asia/Shanghai) or an ISO timestamp. */
  at: string;
  note?: string;
}

const fixtureInstant = (at: string) => (/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T09:00:00+08:00` : at);

/**
 * A project whose life began at `createdAt` (its creation and first history entry backdated in SQL, as the
 * demo loader does), then moved through `moves` with the real transitions API and their `occurredAt`.
 * A land-transfer agreement signed on the creation day gives the evidence for agreement and contract.
 */
export async function makeProjectWithHistory(
  t: TestApp,
  owner: { id: string; token: string },
  options: { createdAt: string; moves?: FixtureMove[]; funds?: { amount: number; receivedOn: string }[]; [field: string]: unknown },
): Promise<{ id: string; code: string; name: string; companyId: string; [k: string]: any }> {
  const { createdAt, moves = [], funds = [], ...overrides } = options;
  const project = await makeProject(t, owner, overrides);
  const created = new Date(fixtureInstant(createdAt));
  await t.db.query(`UPDATE projects SET created_at = $2, stage_entered_at = $2, last_activity_at = $2 WHERE id = $1`, [project.id, created]);
  await t.db.query(`UPDATE project_stage_changes SET occurred_at = $2 WHERE project_id = $1`, [project.id, created]);
  if (moves.some((m) => ['agreement', 'contract', 'land_delivered', 'construction', 'production'].includes(m.to))) {
    const res = await t.request('POST', `/api/projects/${project.id}/agreements`, {
      token: owner.token,
      body: { kind: 'land_transfer', signedOn: createdAt.slice(0, 10), amount: (overrides.totalInvestment as number | undefined) ?? 5200 },
    });
    if (res.status !== 201) throw new Error(`makeProjectWithHistory agreement: ${res.status} ${JSON.stringify(res.body)}`);
  }
  for (const move of moves) {
    const res = await t.request('POST', `/api/projects/${project.id}/transitions`, {
      token: owner.token,
      body: { to: move.to, occurredAt: fixtureInstant(move.at), ...(move.note || ['dropped'].includes(move.to) ? { note: move.note ?? 'fixture' } : {}) },
    });
    if (res.status !== 200) throw new Error(`makeProjectWithHistory ${move.to}@${move.at}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  for (const fund of funds) {
    const res = await t.request('POST', `/api/projects/${project.id}/funds`, { token: owner.token, body: fund });
    if (res.status !== 201) throw new Error(`makeProjectWithHistory funds: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return project;
}

/** The header row of the ledger the analytics tests import (a subset of the export's columns). */
const LEDGER_IMPORT_HEADER = ['项目名称', '企业名称', '产业类别', '招商方式', '总投资（万元）', '项目阶段', '供地日期', '开工日期', '责任人账号', '录入日期', '所属园区'];

/** Commits an Excel ledger of `rows` (under LEDGER_IMPORT_HEADER) through `POST /api/imports/projects?mode=commit`. */
export async function commitLedgerImport(t: TestApp, user: TestUser, rows: unknown[][]): Promise<{ created: number; errors: unknown[] }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目台账');
  sheet.addRow(LEDGER_IMPORT_HEADER);
  for (const row of rows) sheet.addRow(row);
  const form = new FormData();
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  form.append('file', new Blob([new Uint8Array(Buffer.from(await workbook.xlsx.writeBuffer()))], { type }), 'ledger.xlsx');
  const res = await fetch(`${t.baseUrl}/api/imports/projects?mode=commit`, { method: 'POST', body: form, headers: { authorization: `Bearer ${user.token}` } });
  return (await res.json()) as { created: number; errors: unknown[] };
}
