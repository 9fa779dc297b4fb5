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
