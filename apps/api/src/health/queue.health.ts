import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { QUEUE_BACKEND_KIND, type QueueBackendKind, QueueName } from '@zs/queue';
import type { Queue } from 'bullmq';

/**
 * The queue backend answers, and on Redis its eviction policy is `noeviction` (an LRU policy would evict
 * BullMQ's lock keys first). The last worker heartbeat is reported for information.
 */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue,
    @Inject(QUEUE_BACKEND_KIND) private readonly kind: QueueBackendKind,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key = 'queue') {
    const indicator = this.indicators.check(key);
    try {
      const counts = await withTimeout(this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed'), 3000);
      const info: Record<string, unknown> = { backend: this.kind, counts };
      if (this.kind === 'redis') {
        const client = await (this.queue.getBackend() as unknown as { client: Promise<unknown> }).client;
        const [, policy] = (await (client as unknown as { config(...a: string[]): Promise<string[]> }).config('GET', 'maxmemory-policy')) ?? [];
        info.maxmemoryPolicy = policy;
        if (policy && policy !== 'noeviction') return indicator.down({ ...info, message: 'Redis maxmemory-policy must be noeviction' });
      }
      const [last] = await this.queue.getJobs(['completed'], 0, 0, false);
      info.lastWorkerHeartbeat = last?.finishedOn ? new Date(last.finishedOn).toISOString() : null;
      return indicator.up(info);
    } catch (error) {
      return indicator.down({ backend: this.kind, message: (error as Error).message });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}
