import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

export interface WorkerAppOptions {
  /** false: no logs at all (the tests). */
  logger?: boolean;
  /** BullMQ key prefix on Redis (the tests use one per run); the PostgreSQL backend ignores it. */
  queuePrefix?: string;
}

/**
 * Builds the worker (used by main.ts and by the integration tests alike): a Nest application context with no
 * HTTP server. By the time it resolves, the handler check has passed, the BullMQ workers run and the job
 * schedulers are upserted. The queue backend follows REDIS_URL as read from the environment now.
 */
export async function createWorkerApp(options: WorkerAppOptions = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.register({ queue: { prefix: options.queuePrefix } }), {
    bufferLogs: true,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  return app;
}
