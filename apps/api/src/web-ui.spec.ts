import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerWebUi } from './web-ui';

interface Served {
  fastify: FastifyInstance;
  get(url: string): Promise<{ statusCode: number; headers: Headers; body: string }>;
}

/** registerWebUi on a bare Fastify (what Nest's adapter wraps) over real HTTP, with a stand-in build of the web UI. */
async function serve(dist: string | null): Promise<Served> {
  const fastify = Fastify();
  fastify.get('/api/health', async () => ({ status: 'ok' }));
  const app = { getHttpAdapter: () => ({ getInstance: () => fastify }), register: (plugin: never, options: never) => fastify.register(plugin, options) };
  await registerWebUi(app as never, dist);
  const base = await fastify.listen({ port: 0, host: '127.0.0.1' });
  return {
    fastify,
    get: async (url) => {
      const res = await fetch(`${base}${url}`);
      return { statusCode: res.status, headers: res.headers, body: await res.text() };
    },
  };
}

describe('serving the web UI from the API’s port', () => {
  let dist: string;
  let server: Served;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'zs-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'robots.txt'), 'User-agent: *');
    server = await serve(dist);
  });

  afterAll(async () => {
    await server.fastify.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes, never cached', async () => {
    for (const url of ['/', '/projects/board', '/projects/3f1c0c1e-0000-4000-8000-000000000000?tab=history']) {
      const res = await server.get(url);
      expect([url, res.statusCode, res.headers.get('content-type')]).toEqual([url, 200, expect.stringContaining('text/html')]);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets cached for a year, and other files of the build as they are', async () => {
    const asset = await server.get('/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await server.get('/robots.txt')).body).toBe('User-agent: *');
    expect((await server.get('/assets/missing.js')).statusCode).toBe(404);
  });

  it('leaves /api to the API: its routes answer and an unknown /api path is a 404, not the page', async () => {
    expect(JSON.parse((await server.get('/api/health')).body)).toEqual({ status: 'ok' });
    const unknown = await server.get('/api/no-such-thing');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).not.toContain('<div id="root">');
  });

  it('does not serve files outside the build', async () => {
    const res = await server.get('/..%2f..%2fetc%2fpasswd');
    expect(res.body).not.toContain('root:');
  });

  it('without a build still starts, and / says how to make one', async () => {
    const bare = await serve(null);
    const res = await bare.get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('npm run build:web');
    expect((await bare.get('/api/health')).statusCode).toBe(200);
    await bare.fastify.close();
  });
});
