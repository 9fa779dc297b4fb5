import { createPostgresBackend, Queue } from 'bullmq';
import { QueueName, redisConnectionOptions } from '@zs/queue';
import { makeUser, type TestUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { readTestRun } from '../support/test-env';

/** bull-board at /admin/queues, admins only, on both BullMQ backends (PostgreSQL always, Redis when one answers). */
const run = readTestRun();
const backends: { name: 'postgres' | 'redis'; redisUrl?: string }[] = [
  { name: 'postgres' },
  ...(run.redisUrl ? [{ name: 'redis' as const, redisUrl: run.redisUrl }] : []),
];

describe.each(backends)('the queue dashboard on the $name backend', ({ name, redisUrl }) => {
  let t: TestApp;
  let officer: TestUser;
  let cookie: string;
  let producer: Queue;
  const jobId = `dashboard-${name}-${Date.now()}`;

  async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${t.baseUrl}${path}`, { headers, redirect: 'manual' });
  }

  async function openTicket(token: string): Promise<{ ticketUrl: string; response: Response }> {
    const session = await t.request('POST', '/api/admin/queues/session', { token });
    expect(session.status).toBe(201);
    return { ticketUrl: session.body.url, response: await get(session.body.url) };
  }

  beforeAll(async () => {
    t = await createTestApp(redisUrl ? { REDIS_URL: redisUrl } : {});
    officer = await makeUser(t, 'officer');
    // a job to look at: nobody processes it in this test
    producer = redisUrl
      ? new Queue(QueueName.System, { connection: redisConnectionOptions(redisUrl, 'producer') })
      : new Queue(QueueName.System, { connection: { connectionString: t.databaseUrl, schema: 'bullmq' } } as never, createPostgresBackend as never);
    producer.on('error', () => undefined);
    await producer.add('heartbeat', { scheduledBy: 'dashboard-test' }, { jobId, delay: 3_600_000 });
  }, 60_000);

  afterAll(async () => {
    await producer?.remove(jobId).catch(() => undefined);
    await producer?.close();
    await t?.close();
    delete process.env.REDIS_URL;
  }, 60_000);

  it('turns away a browser without a session with a page saying how to get in (401)', async () => {
    const res = await get('/admin/queues', { accept: 'text/html' });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('仅限系统管理员访问');
    expect(html).toContain('POST /api/admin/queues/session');
    expect((await get('/admin/queues/api/queues')).status).toBe(401);
  });

  it('gives entry links to admins only', async () => {
    const res = await t.request('POST', '/api/admin/queues/session', { token: officer.token });
    expect(res.status).toBe(403);
  });

  it('exchanges a one-time ticket for an HttpOnly, SameSite=Strict cookie scoped to the dashboard', async () => {
    const { ticketUrl, response } = await openTicket(await t.adminToken());
    expect(ticketUrl).toMatch(/^\/admin\/queues\?ticket=[\w-]{40,}$/);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/queues');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^zs_queues=[\w-]+\.[\w-]+\.[\w-]+; Path=\/admin\/queues; Max-Age=1800; HttpOnly; SameSite=Strict$/);
    cookie = setCookie.split(';')[0];
    // used once: a second visit with the same ticket is refused
    expect((await get(ticketUrl, { accept: 'text/html' })).status).toBe(401);
  });

  it('shows bull-board with the catalogue’s queues and their jobs to the admin', async () => {
    const page = await get('/admin/queues', { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('招商CRM 任务队列');
    const res = await get('/admin/queues/api/queues?activeQueue=system&status=delayed&page=1', { cookie });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { queues: { name: string; counts: Record<string, number>; jobs: { id: string }[] }[] };
    const system = body.queues.find((q) => q.name.endsWith(QueueName.System));
    expect(system).toBeDefined();
    expect(system!.counts.delayed).toBeGreaterThanOrEqual(1);
    expect(system!.jobs.map((j) => j.id)).toContain(jobId);
    // the datastore panel: Redis's INFO on Redis, PostgreSQL's own figures on the PostgreSQL backend
    const stats = await get('/admin/queues/api/redis/stats', { cookie });
    expect(stats.status).toBe(200);
    expect(await stats.json()).toEqual(expect.objectContaining({ backend: name, version: expect.any(String) }));
    // the page's scripts load (static files behind the same check)
    const html = await (await get('/admin/queues', { cookie })).text();
    const script = /src="([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await get(`/admin/queues/${script}`, { cookie })).status).toBe(200);
    expect((await get(`/admin/queues/${script}`)).status).toBe(401);
  });

  it('does not accept the dashboard cookie as an API token', async () => {
    const token = cookie.split('=')[1];
    expect((await t.request('GET', '/api/users', { token })).status).toBe(401);
  });

  it('accepts an admin’s bearer token directly, not an officer’s', async () => {
    expect((await get('/admin/queues/api/queues', { authorization: `Bearer ${await t.adminToken()}` })).status).toBe(200);
    expect((await get('/admin/queues/api/queues', { authorization: `Bearer ${officer.token}` })).status).toBe(401);
  });

  it('stops letting a disabled admin in, cookie or not', async () => {
    const admin = await makeUser(t, 'admin');
    const { response } = await openTicket(admin.token);
    const adminCookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await get('/admin/queues/api/queues', { cookie: adminCookie })).status).toBe(200);
    const user = await t.request('GET', `/api/users/${admin.id}`, { token: await t.adminToken() });
    await t.request('PATCH', `/api/users/${admin.id}`, { token: await t.adminToken(), body: { version: user.body.version, active: false } });
    expect((await get('/admin/queues/api/queues', { cookie: adminCookie })).status).toBe(401);
  });
});
