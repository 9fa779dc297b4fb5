import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Global, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Env } from '@zs/config';
import type { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, QueueName } from './job-catalogue';
import { QueueBackendKind, selectQueueBackend } from './queue-backend';

export const QUEUE_BACKEND_KIND = Symbol('QUEUE_BACKEND_KIND');

export interface QueueModuleOptions {
  /** BullMQ key prefix on Redis (default: QUEUE_PREFIX, else `bull`); the tests use one per run. The PostgreSQL backend ignores it. */
  prefix?: string;
}

/** Every queue gets an `error` listener: an EventEmitter's unhandled `error` would crash the process. */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('Queue');

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(QueueName)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error) => this.logger.error(`queue "${name}": ${error.message}`));
    }
  }
}

/**
 * BullMQ for the API (producer) and the worker: chooses the backend once (Redis with REDIS_URL, else
 * PostgreSQL) before @nestjs/bullmq builds any queue, and registers every queue of the catalogue.
 * For the worker, @nestjs/bullmq's automatic worker registration is off: the worker starts its BullMQ
 * workers itself, once it has checked that every job of the catalogue has exactly one handler.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(role: 'producer' | 'worker', options: QueueModuleOptions = {}): DynamicModule {
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
            return {
              connection: backend.connection as never,
              defaultJobOptions: DEFAULT_JOB_OPTIONS as never,
              // an explicit `prefix: undefined` would override BullMQ's default
              ...(options.prefix || env.QUEUE_PREFIX ? { prefix: options.prefix ?? env.QUEUE_PREFIX } : {}),
            };
          },
          extraOptions: { manualRegistration: role === 'worker' },
        }),
        ...queues,
      ],
      providers: [
        { provide: QUEUE_BACKEND_KIND, inject: [Env], useFactory: (env: Env) => (env.REDIS_URL ? 'redis' : kind) },
        QueueErrorLogger,
      ],
      exports: [QUEUE_BACKEND_KIND, ...queues],
    };
  }
}

function requireUrl(env: Env): string {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required (npm start sets it for the embedded database)');
  return env.DATABASE_URL;
}
