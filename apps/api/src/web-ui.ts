import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';

/**
 * Where the web UI's production build (`npm run build:web`, apps/web/dist) is looked for: under the working
 * directory, or next to the compiled API; the first with an index.html wins.
 */
export function webDistCandidates(): string[] {
  const candidates = [resolve(process.cwd(), 'apps/web/dist')];
  // compiled: dist/apps/api/src → the repository root is four levels up
  if (typeof __dirname === 'string') candidates.push(resolve(__dirname, '../../../../apps/web/dist'));
  return candidates;
}

export function findWebDist(): string | null {
  return webDistCandidates().find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>招商 CRM</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.7">
<h1>招商 CRM</h1>
<p>网页界面尚未构建。请运行 <code>npm run build:web</code>（或 <code>npm run build</code>）后重启。</p>
<p>The web UI has not been built: run <code>npm run build:web</code> (or <code>npm run build</code>) and restart.</p>
<p>API: <a href="/api/docs">/api/docs</a> · <a href="/api/health">/api/health</a></p></body></html>`;

/**
 * Serves the web UI from the API's own port: hashed assets under /assets/ (cached for a year), other files of
 * the build as they are, and index.html for every other non-/api path (client-side routes). /api/* is left
 * to Nest: an unknown /api path is still the API's JSON 404. Without a build, `/` says how to make one.
 * Must run before `app.init()` (routes cannot be added once Fastify is ready).
 */
export async function registerWebUi(app: Pick<NestFastifyApplication, 'getHttpAdapter' | 'register'>, dist: string | null = findWebDist()): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

  if (!dist) {
    fastify.get('/', (_request: FastifyRequest, reply: FastifyReply) => {
      void reply.type('text/html; charset=utf-8').send(NOT_BUILT);
    });
    return;
  }

  await app.register(fastifyStatic, {
    root: join(dist, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
  });

  // index.html and the build's other files are revalidated each time (the hashed assets are not)
  const fresh = { cacheControl: false } as const;
  const sendIndex = (reply: FastifyReply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html', dist, fresh);

  fastify.get('/', (_request: FastifyRequest, reply: FastifyReply) => sendIndex(reply));
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (isApi(path)) return reply.callNotFound();
    const file = normalize(join(dist, path));
    if (file.startsWith(dist + sep) && existsSync(file) && statSync(file).isFile()) {
      return reply.header('Cache-Control', 'no-cache').sendFile(file.slice(dist.length + 1), dist, fresh);
    }
    return sendIndex(reply);
  });
}
