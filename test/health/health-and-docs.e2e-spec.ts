import { createTestApp, TestApp } from '../support/test-app';
import { readTestRun } from '../support/test-env';

const backends = [
  { name: 'PostgreSQL', env: {} as Record<string, string> },
  ...(readTestRun().redisUrl ? [{ name: 'Redis', env: { REDIS_URL: readTestRun().redisUrl as string } }] : []),
];

describe.each(backends)('health on the $name queue backend', ({ name, env }) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(env); });
  afterAll(async () => { await t.close(); });

  it('reports the database and the queue backend up, without a token', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database.status).toBe('up');
    expect(res.body.info.queue).toMatchObject({ status: 'up', backend: name === 'Redis' ? 'redis' : 'postgres' });
  });
});

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('is served at /api/docs-json with every operation, the bearer scheme and the Idempotency-Key header', async () => {
    const res = await t.request('GET', '/api/docs-json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const path of ['/api/auth/login', '/api/projects', '/api/projects/{id}/transitions', '/api/projects/{id}/history', '/api/leads', '/api/companies', '/api/users', '/api/parks', '/api/dictionaries', '/api/health']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const createProject = doc.paths['/api/projects'].post;
    expect(createProject.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]));
    expect(createProject.responses['201'].content['application/json'].schema.$ref).toMatch(/ProjectView/);
    const listProjects = doc.paths['/api/projects'].get;
    expect(listProjects.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['limit', 'cursor', 'q', 'stage', 'ownerId']));
    expect((await t.request('GET', '/api/docs')).status).toBe(200);
  });
});
