import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName } from '@zs/queue';
import type { Queue } from 'bullmq';

/**
 * A reconciliation as soon as a worker starts (besides the recurring one): after a crash or a Redis flush,
 * what is due and every job Redis lost is back in the queue at once, not at the scheduler's next turn.
 */
@Injectable()
export class RemindersBoot implements OnApplicationBootstrap {
  private readonly logger = new Logger('Reminders');

  constructor(@InjectQueue(QueueName.Reminders) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue
      .add(JobName.ReconcileReminders, { scheduledBy: 'boot' }, { jobId: `reconcile-at-boot-${process.pid}-${Date.now()}`, removeOnComplete: true, removeOnFail: 100 })
      .catch((error: Error) => this.logger.warn(`could not queue the start-up reconciliation: ${error.message}`));
  }
}
