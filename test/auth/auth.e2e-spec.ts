import { createTestApp, TEST_ADMIN, TestApp } from '../support/test-app';
import { makeUser } from '../support/factories';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' }); });
  afterAll(async () => { await t.close(); });

  it('logs the first admin in with 200 and a token, never the password hash', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: TEST_ADMIN });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({ username: 'admin', role: 'admin' });
    expect(res.body.user.passwordHash).toBeUndefined();
  });

  it('answers 401 without a token and with a bad one', async () => {
    expect((await t.request('GET', '/api/auth/me')).status).toBe(401);
    const bad = await t.request('GET', '/api/auth/me', { token: 'not-a-token' });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
  });

  it('throttles repeated failed logins of one account with 429 and Retry-After, and never a success', async () => {
    const user = await makeUser(t, 'officer');
    for (let i = 0; i < 3; i++) {
      expect((await t.request('POST', '/api/auth/login', { body: { username: user.username, password: 'wrong-password' } })).status).toBe(401);
    }
    const blocked = await t.request('POST', '/api/auth/login', { body: { username: user.username, password: user.password } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // another account from the same address is not blocked by this account's failures
    for (let i = 0; i < 5; i++) expect((await t.request('POST', '/api/auth/login', { body: TEST_ADMIN })).status).toBe(200);
  });

  it('rejects unknown fields in the login body naming them', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { ...TEST_ADMIN, role: 'admin' } });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'role' })]);
  });

  it('refuses a disabled user', async () => {
    const user = await makeUser(t, 'officer');
    const admin = await t.adminToken();
    const current = await t.request('GET', `/api/users/${user.id}`, { token: admin });
    const res = await t.request('PATCH', `/api/users/${user.id}`, { token: admin, body: { version: current.body.version, active: false } });
    expect(res.status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token: user.token })).status).toBe(401);
    expect((await t.request('POST', '/api/auth/login', { body: { username: user.username, password: user.password } })).status).toBe(401);
  });

  it('answers a null for a required field with 400 naming it, never a 500', async () => {
    const user = await makeUser(t, 'officer');
    const admin = await t.adminToken();
    const res = await t.request('PATCH', `/api/users/${user.id}`, { token: admin, body: { version: 1, displayName: null } });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'displayName' })]);
  });

  it('lets only admins create users (403 for others)', async () => {
    const manager = await makeUser(t, 'manager');
    const res = await t.request('POST', '/api/users', { token: manager.token, body: { username: 'x1', password: 'password-123', displayName: 'x', role: 'officer' } });
    expect(res.status).toBe(403);
  });
});
