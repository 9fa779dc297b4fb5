import { BullRegistrar, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_QUEUE } from '@zs/queue';
import { assertEveryJobHandledOnce, type DiscoveredHandler } from './handler-check';
import { jobHandlersOf, processorQueueOf } from './job-handler.decorator';

/**
 * Starts the BullMQ workers, but only once every job of the catalogue has exactly one handler (else the
 * worker refuses to start, naming each problem). Closes them first on shutdown, so that in-flight jobs
 * finish while the database connection is still open.
 */
@Injectable()
export class HandlerRegistryService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private hosts: WorkerHost[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly registrar: BullRegistrar,
  ) {}

  onModuleInit(): void {
    this.hosts = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
    const handlers: DiscoveredHandler[] = this.hosts.flatMap((host) =>
      jobHandlersOf(host.constructor).map((h) => ({
        job: h.job,
        queue: processorQueueOf(host.constructor),
        handler: `${host.constructor.name}.${h.method}`,
      })),
    );
    assertEveryJobHandledOnce(JOB_QUEUE, handlers);

    // QueueModule.forRoot('worker') turned @nestjs/bullmq's automatic registration off: start the workers now
    this.registrar.register();
    for (const host of this.hosts) {
      host.worker.on('error', (error) => this.logger.error({ err: error }, `worker "${host.worker.name}": ${error.message}`));
    }
    this.logger.log(`processing queues: ${this.hosts.map((h) => h.worker.name).join(', ')} (${handlers.length} job types)`);
  }

  /** `await worker.close()` waits for the jobs in progress; runs before any module closes its connections. */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (!this.hosts.length) return;
    this.logger.log(`stopping${signal ? ` on ${signal}` : ''}: letting the jobs in progress finish`);
    await Promise.all(this.hosts.map((host) => host.worker.close()));
    this.logger.log('workers closed');
  }
}
