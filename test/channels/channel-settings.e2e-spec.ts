import { createTestApp, TestApp } from '../support/test-app';
import { makePark, makeUser, type TestUser } from '../support/factories';

const DINGTALK_URL = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef';
const DINGTALK_SECRET = 'SEC0123456789abcdefSECRETxyz9';
const WECOM_URL = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa';

describe('reminder channel settings', () => {
  let t: TestApp;
  let parkA: { id: string };
  let parkB: { id: string };
  let officer: TestUser;
  let managerA: TestUser;
  let managerB: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:2525' });
    parkA = await makePark(t);
    parkB = await makePark(t);
    officer = await makeUser(t, 'officer', { parkId: parkA.id });
    managerA = await makeUser(t, 'manager', { parkId: parkA.id });
    managerB = await makeUser(t, 'manager', { parkId: parkB.id });
  }, 60_000);
  afterAll(async () => { await t.close(); }, 60_000);

  describe('GET/PUT /api/me/channels', () => {
    it('starts with email on and only in-app active for a user without an address', async () => {
      const res = await t.request('GET', '/api/me/channels', { token: officer.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ email: null, emailEnabled: true, emailAvailable: true, webhooks: [], teamWebhooks: [], activeChannels: ['in_app'] });
    });

    it('adds a personal DingTalk webhook and never shows its secret or token in full', async () => {
      const res = await t.request('PUT', '/api/me/channels', {
        token: officer.token,
        body: { webhooks: [{ kind: 'dingtalk', url: DINGTALK_URL, secret: DINGTALK_SECRET, name: '我的钉钉' }] },
      });
      expect(res.status).toBe(200);
      expect(res.body.webhooks).toEqual([expect.objectContaining({
        kind: 'dingtalk', name: '我的钉钉', userId: officer.id, parkId: null, enabled: true, hasSecret: true,
        secret: '••••••xyz9', url: 'https://oapi.dingtalk.com/robot/send?access_token=0123…cdef',
      })]);
      expect(JSON.stringify(res.body)).not.toContain(DINGTALK_SECRET);
      expect(JSON.stringify(res.body)).not.toContain('0123456789abcdef0123456789abcdef');
      expect(res.body.activeChannels).toEqual(['in_app', 'dingtalk']);
      const [row] = await t.db.query(`SELECT url, secret FROM robot_webhooks WHERE id = $1`, [res.body.webhooks[0].id]);
      expect(row).toEqual({ url: DINGTALK_URL, secret: DINGTALK_SECRET });
    });

    it('keeps the URL and secret of a listed webhook when they are not sent, and can disable it', async () => {
      const before = await t.request('GET', '/api/me/channels', { token: officer.token });
      const id = before.body.webhooks[0].id;
      const res = await t.request('PUT', '/api/me/channels', { token: officer.token, body: { webhooks: [{ id, kind: 'dingtalk', enabled: false }] } });
      expect(res.status).toBe(200);
      expect(res.body.webhooks).toEqual([expect.objectContaining({ id, enabled: false, hasSecret: true })]);
      expect(res.body.activeChannels).toEqual(['in_app']);
      const [row] = await t.db.query(`SELECT url, secret FROM robot_webhooks WHERE id = $1`, [id]);
      expect(row).toEqual({ url: DINGTALK_URL, secret: DINGTALK_SECRET });
    });

    it('turns email off and on', async () => {
      const off = await t.request('PUT', '/api/me/channels', { token: managerA.token, body: { emailEnabled: false } });
      expect(off.status).toBe(200);
      expect(off.body.emailEnabled).toBe(false);
      const on = await t.request('PUT', '/api/me/channels', { token: managerA.token, body: { emailEnabled: true } });
      expect(on.body.emailEnabled).toBe(true);
    });

    it('rejects a secret on a WeCom robot, a new webhook without url and a webhook of someone else, naming the field', async () => {
      const secret = await t.request('PUT', '/api/me/channels', { token: officer.token, body: { webhooks: [{ kind: 'wecom', url: WECOM_URL, secret: 'x' }] } });
      expect(secret.status).toBe(400);
      expect(secret.body.details).toEqual([expect.objectContaining({ field: 'webhooks.0.secret' })]);
      const noUrl = await t.request('PUT', '/api/me/channels', { token: officer.token, body: { webhooks: [{ kind: 'feishu' }] } });
      expect(noUrl.status).toBe(400);
      expect(noUrl.body.details).toEqual([expect.objectContaining({ field: 'webhooks.0.url' })]);
      const mine = await t.request('GET', '/api/me/channels', { token: officer.token });
      const other = await t.request('PUT', '/api/me/channels', { token: managerA.token, body: { webhooks: [{ id: mine.body.webhooks[0].id, kind: 'dingtalk' }] } });
      expect(other.status).toBe(400);
      expect(other.body.details).toEqual([expect.objectContaining({ field: 'webhooks.0.id' })]);
    });

    it('refuses a webhook pointing outside the allowed robot hosts (an internal address), keeping what was stored', async () => {
      const before = await t.request('GET', '/api/me/channels', { token: officer.token });
      const internal = await t.request('PUT', '/api/me/channels', {
        token: officer.token,
        body: { webhooks: [{ kind: 'feishu', url: 'http://10.20.30.40:8080/internal/admin' }] },
      });
      expect(internal.status).toBe(400);
      expect(internal.body.details).toEqual([expect.objectContaining({ field: 'webhooks.0.url' })]);
      expect((await t.request('GET', '/api/me/channels', { token: officer.token })).body).toEqual(before.body);
      const team = await t.request('POST', '/api/robot-webhooks', {
        token: managerA.token,
        body: { kind: 'wecom', url: 'https://qyapi.weixin.qq.com.attacker.example/cgi-bin/webhook/send?key=x' },
      });
      expect(team.status).toBe(400);
      expect(team.body.details).toEqual([expect.objectContaining({ field: 'url' })]);
    });

    it('rejects a URL that is not http(s) and unknown fields', async () => {
      const bad = await t.request('PUT', '/api/me/channels', { token: officer.token, body: { webhooks: [{ kind: 'wecom', url: 'ftp://x.example/hook' }] } });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('webhooks.0.url');
      const unknown = await t.request('PUT', '/api/me/channels', { token: officer.token, body: { sms: true } });
      expect(unknown.status).toBe(400);
    });

    it('removes the own webhooks left out of the list', async () => {
      const res = await t.request('PUT', '/api/me/channels', { token: officer.token, body: { webhooks: [] } });
      expect(res.status).toBe(200);
      expect(res.body.webhooks).toEqual([]);
    });
  });

  describe('/api/robot-webhooks (team webhooks)', () => {
    let webhook: { id: string; version: number };

    it('is for managers and admins only', async () => {
      const res = await t.request('GET', '/api/robot-webhooks', { token: officer.token });
      expect(res.status).toBe(403);
    });

    it('lets a manager add a WeCom webhook for their park (the default), shown masked to the park’s users', async () => {
      const res = await t.request('POST', '/api/robot-webhooks', { token: managerA.token, body: { kind: 'wecom', url: WECOM_URL, name: '招商一组' } });
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expect.objectContaining({
        kind: 'wecom', parkId: parkA.id, userId: null, enabled: true, hasSecret: false, secret: null, version: 1,
        url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…5aaa',
      }));
      webhook = res.body;
      const mine = await t.request('GET', '/api/me/channels', { token: officer.token });
      expect(mine.body.teamWebhooks).toEqual([expect.objectContaining({ id: webhook.id, name: '招商一组' })]);
      expect(mine.body.activeChannels).toEqual(['in_app', 'wecom']);
    });

    it('hides another park’s webhook (404) and leaves it out of the list', async () => {
      expect((await t.request('GET', `/api/robot-webhooks/${webhook.id}`, { token: managerB.token })).status).toBe(404);
      expect((await t.request('PATCH', `/api/robot-webhooks/${webhook.id}`, { token: managerB.token, body: { version: 1, enabled: false } })).status).toBe(404);
      const list = await t.request('GET', '/api/robot-webhooks', { token: managerB.token });
      expect(list.body.items.map((w: { id: string }) => w.id)).not.toContain(webhook.id);
      const own = await t.request('GET', `/api/robot-webhooks?parkId=${parkA.id}`, { token: managerA.token });
      expect(own.body.items.map((w: { id: string }) => w.id)).toEqual([webhook.id]);
    });

    it('refuses a park outside the caller’s parks, and both parkId and userId', async () => {
      const other = await t.request('POST', '/api/robot-webhooks', { token: managerA.token, body: { kind: 'wecom', url: WECOM_URL, parkId: parkB.id } });
      expect(other.status).toBe(400);
      expect(other.body.details).toEqual([expect.objectContaining({ field: 'parkId' })]);
      const both = await t.request('POST', '/api/robot-webhooks', { token: managerA.token, body: { kind: 'wecom', url: WECOM_URL, parkId: parkA.id, userId: officer.id } });
      expect(both.status).toBe(400);
    });

    it('lets a manager give a user of their park a personal Feishu webhook with a secret', async () => {
      const res = await t.request('POST', '/api/robot-webhooks', {
        token: managerA.token,
        body: { kind: 'feishu', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/1a2b3c4d-aaaa-bbbb-cccc-0123456789ff', secret: 'feishu-secret-0001', userId: officer.id },
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expect.objectContaining({ userId: officer.id, parkId: null, secret: '••••••0001', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/1a2b…89ff' }));
    });

    it('updates with the version read (409 when stale) and can replace the secret', async () => {
      const ok = await t.request('PATCH', `/api/robot-webhooks/${webhook.id}`, { token: managerA.token, body: { version: 1, enabled: false, name: '招商二组' } });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual(expect.objectContaining({ enabled: false, name: '招商二组', version: 2 }));
      const stale = await t.request('PATCH', `/api/robot-webhooks/${webhook.id}`, { token: managerA.token, body: { version: 1, enabled: true } });
      expect(stale.status).toBe(409);
      const secret = await t.request('PATCH', `/api/robot-webhooks/${webhook.id}`, { token: managerA.token, body: { version: 2, secret: 'abc' } });
      expect(secret.status).toBe(400);
      const readOnly = await t.request('PATCH', `/api/robot-webhooks/${webhook.id}`, { token: managerA.token, body: { version: 2, parkId: parkB.id } });
      expect(readOnly.status).toBe(400);
    });

    it('deletes softly (204, then 404) and admins restore it', async () => {
      expect((await t.request('DELETE', `/api/robot-webhooks/${webhook.id}`, { token: managerA.token })).status).toBe(204);
      expect((await t.request('GET', `/api/robot-webhooks/${webhook.id}`, { token: managerA.token })).status).toBe(404);
      const deleted = await t.request('GET', '/api/robot-webhooks?deleted=true', { token: await t.adminToken() });
      expect(deleted.body.items.map((w: { id: string }) => w.id)).toContain(webhook.id);
      expect((await t.request('POST', `/api/robot-webhooks/${webhook.id}/restore`, { token: managerA.token })).status).toBe(403);
      const restored = await t.request('POST', `/api/robot-webhooks/${webhook.id}/restore`, { token: await t.adminToken() });
      expect(restored.status).toBe(200);
      expect(restored.body.deletedAt).toBeNull();
    });
  });
});
