import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { ConnectionOptions } from 'bullmq';

export type QueueBackendKind = 'redis' | 'postgres';

export interface QueueBackend {
  kind: QueueBackendKind;
  /** What BullMQ's Queue/Worker take as `connection` for this backend. */
  connection: ConnectionOptions | Record<string, unknown>;
}

/** The schema BullMQ's PostgreSQL backend lives in, inside the product's own database. */
export const BULLMQ_PG_SCHEMA = 'bullmq';

/**
 * The one place the BullMQ backend is chosen: Redis when REDIS_URL is set (production), else BullMQ 6's
 * PostgreSQL backend in the product's database. For PostgreSQL it also sets the process-wide default
 * backend factory, because @nestjs/bullmq builds its queues and workers without a backend argument.
 * Call it before the Nest application module initialises.
 */
export function selectQueueBackend(options: { redisUrl?: string; databaseUrl: string; role: 'producer' | 'worker' }): QueueBackend {
  if (options.redisUrl) {
    setDefaultBackendFactory(undefined);
    return { kind: 'redis', connection: redisConnectionOptions(options.redisUrl, options.role) };
  }
  setDefaultBackendFactory(createPostgresBackend as never);
  return {
    kind: 'postgres',
    connection: { connectionString: options.databaseUrl, schema: BULLMQ_PG_SCHEMA, migrate: true, max: 5 },
  };
}

/** ioredis options from a redis:// URL: workers wait forever for Redis, producers fail fast (PITFALLS.md). */
export function redisConnectionOptions(url: string, role: 'producer' | 'worker'): ConnectionOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
  };
}
