import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { Env } from '@zs/config';
import { DEFAULT_JOB_OPTIONS, QueueName } from './job-catalogue';
import { QueueBackendKind, selectQueueBackend } from './queue-backend';

export const QUEUE_BACKEND_KIND = Symbol('QUEUE_BACKEND_KIND');

/**
 * BullMQ for the API (producer) and the worker: chooses the backend once (Redis with REDIS_URL, else
 * PostgreSQL) before @nestjs/bullmq builds any queue, and registers every queue of the catalogue.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(role: 'producer' | 'worker'): DynamicModule {
    let kind: QueueBackendKind = 'postgres';
    const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [Env],
          useFactory: (env: Env) => {
            const backend = selectQueueBackend({ redisUrl: env.REDIS_URL, databaseUrl: requireUrl(env), role });
            kind = backend.kind;
            return { connection: backend.connection as never, defaultJobOptions: DEFAULT_JOB_OPTIONS as never };
          },
        }),
        ...queues,
      ],
      providers: [{ provide: QUEUE_BACKEND_KIND, inject: [Env], useFactory: (env: Env) => (env.REDIS_URL ? 'redis' : kind) }],
      exports: [QUEUE_BACKEND_KIND, ...queues],
    };
  }
}

function requireUrl(env: Env): string {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required (npm start sets it for the embedded database)');
  return env.DATABASE_URL;
}
