import { createTestApp, TestApp } from '../support/test-app';

describe('migrations', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('match the entities: generating a migration now would produce nothing', async () => {
    const pending = await t.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('create the database with a UTF-8 ctype, so that trigrams see Chinese characters', async () => {
    const [{ grams }] = await t.db.query(`SELECT array_length(show_trgm('天齐锂业'), 1) AS grams`);
    expect(grams).toBeGreaterThan(0);
  });

  it('seed the dictionaries with the seed reports’ industries', async () => {
    const res = await t.request('GET', '/api/dictionaries', { token: await t.adminToken() });
    expect(res.status).toBe(200);
    expect(res.body.industries).toEqual(expect.arrayContaining([{ key: 'textile', label: '纺织服装' }, { key: 'lithium_materials', label: '锂电新材料' }]));
  });
});
