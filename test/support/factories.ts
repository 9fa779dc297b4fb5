import type { Role } from '@zs/domain';
import type { TestApp } from './test-app';

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
