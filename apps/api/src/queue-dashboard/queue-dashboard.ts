import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { QUEUE_BACKEND_KIND, type QueueBackendKind, QueueName } from '@zs/queue';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DASHBOARD_PATH, QueueDashboardService } from './queue-dashboard.service';

/**
 * Mounts bull-board at /admin/queues on the API's Fastify instance, showing every queue of the catalogue, behind
 * QueueDashboardService's admin check (ticket → cookie, or an admin bearer token). Works on both backends: on
 * PostgreSQL bull-board reads the same Queue API (job lists, counts, schedulers, retry/clean/promote) and shows
 * PostgreSQL's figures in place of Redis's memory statistics. Call before `app.init()`.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const dashboard = app.get(QueueDashboardService);
  const backend = app.get<QueueBackendKind>(QUEUE_BACKEND_KIND);
  const queues = Object.values(QueueName).map((name) => app.get<Queue>(getQueueToken(name), { strict: false }));

  const serverAdapter = new BullBoardAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    // @bull-board/fastify pins its own copy of @bull-board/api's types (9.10.1 under 9.10.2): same shape
    serverAdapter: serverAdapter as never,
    options: {
      uiConfig: {
        boardTitle: backend === 'redis' ? '招商CRM 任务队列' : '招商CRM 任务队列 (PostgreSQL)',
        locale: { lng: 'zh-CN' },
        miscLinks: [{ text: 'API 文档', url: '/api/docs' }],
      },
    },
  });

  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const url = new URL(request.url, 'http://dashboard');
        const ticket = url.searchParams.get('ticket');
        if (ticket) {
          const cookie = await dashboard.redeemTicket(ticket, request.protocol === 'https');
          if (!cookie) return deny(request, reply, '入口链接无效或已过期，请重新获取 (the ticket is invalid, used or expired)');
          url.searchParams.delete('ticket');
          return reply.header('set-cookie', cookie).header('cache-control', 'no-store').redirect(`${url.pathname}${url.search}`, 303);
        }
        if (!(await dashboard.authorize(request.headers.cookie, request.headers.authorization))) {
          return deny(request, reply, '仅限系统管理员访问，请从系统管理页面进入 (admins only: get an entry link from POST /api/admin/queues/session)');
        }
        reply.header('cache-control', 'no-store');
      });
      await scope.register(serverAdapter.registerPlugin() as never, { prefix: DASHBOARD_PATH });
    },
  );
}

function deny(request: FastifyRequest, reply: FastifyReply, message: string): FastifyReply {
  reply.code(401).header('cache-control', 'no-store');
  if ((request.headers.accept ?? '').includes('text/html')) {
    return reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>任务队列面板</title>` +
          `<body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>任务队列面板</h1><p>${message}</p>` +
          `<p>管理员可调用 <code>POST /api/admin/queues/session</code>（携带登录令牌）获取一次性入口链接，60 秒内打开有效，登录状态保持 30 分钟。</p></body></html>`,
      );
  }
  return reply.send({ statusCode: 401, error: 'Unauthorized', message });
}
