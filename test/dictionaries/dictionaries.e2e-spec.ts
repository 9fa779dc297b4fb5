import { createTestApp, TestApp } from '../support/test-app';
import { makeUser, TestUser, unique } from '../support/factories';

type Item = { key: string; label: string; retired?: boolean };

describe('dictionaries', () => {
  let t: TestApp;
  let admin: string;
  let officer: TestUser;
  let manager: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    officer = await makeUser(t, 'officer');
    manager = await makeUser(t, 'manager');
  });
  afterAll(async () => { await t.close(); });

  const newKey = () => unique('k_').toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const entryOf = async (kind: string, key: string) =>
    (await t.request('GET', `/api/dictionaries/${kind}`, { token: admin })).body.items.find((e: { key: string }) => e.key === key);

  it('lists industries, channels and regions with Chinese labels by default', async () => {
    const res = await t.request('GET', '/api/dictionaries', { token: officer.token });
    expect(res.status).toBe(200);
    expect(res.body.industries).toContainEqual({ key: 'lithium_materials', label: '锂电新材料' });
    expect(res.body.channels).toContainEqual({ key: 'door_knocking', label: '叩门招商' });
    expect(res.body.regions).toContainEqual({ key: 'zhejiang', label: '浙江' });
    expect(res.body.industries.map((i: Item) => i.key)).toEqual(expect.arrayContaining(['textile', 'led', 'power_equipment', 'other']));
    expect(res.body.industries[0]).toEqual({ key: 'textile', label: '纺织服装' }); // seed order
  });

  it('labels in English when Accept-Language starts with en, in Chinese for zh-CN', async () => {
    for (const language of ['en', 'en-US,en;q=0.9,zh-CN;q=0.8']) {
      const res = await t.request('GET', '/api/dictionaries', { token: officer.token, headers: { 'accept-language': language } });
      expect(res.body.industries).toContainEqual({ key: 'lithium_materials', label: 'Lithium materials' });
      expect(res.body.channels).toContainEqual({ key: 'investor_referral', label: 'Investor referral' });
    }
    const zh = await t.request('GET', '/api/dictionaries', { token: officer.token, headers: { 'accept-language': 'zh-CN,en;q=0.5' } });
    expect(zh.body.industries).toContainEqual({ key: 'lithium_materials', label: '锂电新材料' });
  });

  it('lets an admin add an entry that then appears in both languages', async () => {
    const key = newKey();
    const res = await t.request('POST', '/api/dictionaries/industries', { token: admin, body: { key, labelZh: '新能源', labelEn: 'New energy' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'industries', key, labelZh: '新能源', labelEn: 'New energy', retired: false, version: 1 });
    const zh = await t.request('GET', '/api/dictionaries', { token: officer.token });
    expect(zh.body.industries).toContainEqual({ key, label: '新能源' });
    expect(zh.body.industries[zh.body.industries.length - 1].key).toBe(key); // appended after the seed entries
    const en = await t.request('GET', '/api/dictionaries', { token: officer.token, headers: { 'accept-language': 'en' } });
    expect(en.body.industries).toContainEqual({ key, label: 'New energy' });
  });

  it('answers 409 naming key for a duplicate key', async () => {
    const res = await t.request('POST', '/api/dictionaries/industries', { token: admin, body: { key: 'textile', labelZh: '纺织', labelEn: 'Textile' } });
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'key' })]);
  });

  it('rejects a malformed key, an unknown kind and unknown fields with 400 naming them', async () => {
    const badKey = await t.request('POST', '/api/dictionaries/industries', { token: admin, body: { key: 'New-Energy', labelZh: '新能源', labelEn: 'New energy' } });
    expect(badKey.status).toBe(400);
    expect(badKey.body.details).toEqual([expect.objectContaining({ field: 'key' })]);
    const badKind = await t.request('POST', '/api/dictionaries/colours', { token: admin, body: { key: 'red', labelZh: '红', labelEn: 'Red' } });
    expect(badKind.status).toBe(400);
    expect(badKind.body.details).toEqual([expect.objectContaining({ field: 'kind' })]);
    const unknown = await t.request('POST', '/api/dictionaries/regions', { token: admin, body: { key: newKey(), labelZh: '外省', labelEn: 'Elsewhere', colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'colour' })]);
  });

  it('forbids dictionary edits to managers and officers (403)', async () => {
    for (const user of [manager, officer]) {
      const add = await t.request('POST', '/api/dictionaries/industries', { token: user.token, body: { key: newKey(), labelZh: '新能源', labelEn: 'New energy' } });
      expect(add.status).toBe(403);
      const edit = await t.request('PATCH', '/api/dictionaries/industries/textile', { token: user.token, body: { version: 1, labelZh: '纺织' } });
      expect(edit.status).toBe(403);
    }
    expect((await entryOf('industries', 'textile')).labelZh).toBe('纺织服装');
  });

  it('retires an entry: hidden from the list, shown with retired: true on ?includeRetired=true, refused on a company, and back when un-retired', async () => {
    const key = newKey();
    const created = await t.request('POST', '/api/dictionaries/industries', { token: admin, body: { key, labelZh: '造纸', labelEn: 'Paper' } });
    const retired = await t.request('PATCH', `/api/dictionaries/industries/${key}`, { token: admin, body: { version: created.body.version, retired: true } });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ retired: true, retiredAt: expect.any(String), version: created.body.version + 1 });

    const live = await t.request('GET', '/api/dictionaries', { token: officer.token });
    expect(live.body.industries.map((i: Item) => i.key)).not.toContain(key);
    const all = await t.request('GET', '/api/dictionaries?includeRetired=true', { token: officer.token });
    expect(all.body.industries).toContainEqual({ key, label: '造纸', retired: true });
    expect(all.body.industries).toContainEqual({ key: 'textile', label: '纺织服装', retired: false });

    const company = await t.request('POST', '/api/companies', { token: officer.token, body: { name: unique('造纸厂'), country: 'CN', industry: key } });
    expect(company.status).toBe(400);
    expect(company.body.details).toEqual([expect.objectContaining({ field: 'industry' })]);

    const back = await t.request('PATCH', `/api/dictionaries/industries/${key}`, { token: admin, body: { version: retired.body.version, retired: false } });
    expect(back.body).toMatchObject({ retired: false, retiredAt: null });
    const again = await t.request('POST', '/api/companies', { token: officer.token, body: { name: unique('造纸厂'), country: 'CN', industry: key } });
    expect(again.status).toBe(201);
  });

  it('relabels an entry and answers 409 for a stale version without changing it', async () => {
    const key = newKey();
    const created = await t.request('POST', '/api/dictionaries/channels', { token: admin, body: { key, labelZh: '校友招商', labelEn: 'Alumni', sortOrder: 5 } });
    const first = await t.request('PATCH', `/api/dictionaries/channels/${key}`, { token: admin, body: { version: created.body.version, labelEn: 'Alumni network' } });
    expect(first.status).toBe(200);
    const stale = await t.request('PATCH', `/api/dictionaries/channels/${key}`, { token: admin, body: { version: created.body.version, labelZh: '旧标签' } });
    expect(stale.status).toBe(409);
    const en = await t.request('GET', '/api/dictionaries', { token: officer.token, headers: { 'accept-language': 'en' } });
    expect(en.body.channels[0]).toEqual({ key, label: 'Alumni network' }); // sortOrder 5 sorts before the seed's 10
    expect((await entryOf('channels', key)).labelZh).toBe('校友招商');
  });

  it('answers 404 for an unknown key and 400 for a read-only field in a PATCH', async () => {
    expect((await t.request('PATCH', '/api/dictionaries/industries/no_such_key', { token: admin, body: { version: 1, labelZh: 'x' } })).status).toBe(404);
    const res = await t.request('PATCH', '/api/dictionaries/industries/textile', { token: admin, body: { version: 1, key: 'textiles' } });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'key' })]);
  });
});
