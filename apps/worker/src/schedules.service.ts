import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JOB_QUEUE, QueueName, SCHEDULES } from '@zs/queue';
import type { Queue } from 'bullmq';

/**
 * Recurring work: every SCHEDULES entry is upserted at boot as a BullMQ job scheduler under its stable key
 * (idempotent, safe with several workers; never `setInterval`). Schedulers whose key left the catalogue are removed.
 */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Schedules');

  constructor(private readonly moduleRef: ModuleRef) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const schedule of SCHEDULES) {
      await this.queue(JOB_QUEUE[schedule.job]).upsertJobScheduler(
        schedule.key,
        { every: schedule.everyMs },
        { name: schedule.job, data: schedule.data },
      );
    }
    for (const name of Object.values(QueueName)) {
      const queue = this.queue(name);
      const wanted = new Set(SCHEDULES.filter((s) => JOB_QUEUE[s.job] === name).map((s) => s.key));
      for (const scheduler of await queue.getJobSchedulers()) {
        if (scheduler.key && !wanted.has(scheduler.key)) {
          await queue.removeJobScheduler(scheduler.key);
          this.logger.log(`removed the scheduler "${scheduler.key}" of queue "${name}": no longer in the catalogue`);
        }
      }
    }
    this.logger.log(`schedules: ${SCHEDULES.map((s) => `${s.key} every ${s.everyMs / 1000}s`).join(', ')}`);
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
