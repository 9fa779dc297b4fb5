import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobName, QueueName, SCHEDULES } from '@zs/queue';
import type { Queue } from 'bullmq';

const RECONCILE = SCHEDULES.find((s) => s.job === JobName.ReconcileReminders)!;
/** How often a worker checks that the reconciliation's scheduler still exists. */
const GUARD_MS = 60_000;

/**
 * Keeps the reconciliation going whatever happens to Redis:
 * - a reconciliation as soon as a worker starts (besides the recurring one), so that after a crash or a flush
 *   what is due and every job Redis lost is back in the queue at once, not at the scheduler's next turn;
 * - a guard that puts the recurring scheduler back (same stable key; `upsertJobScheduler` is idempotent) if
 *   Redis lost it while the workers kept running (a FLUSHALL, a failover to an empty replica). This is a check
 *   of the scheduler, not recurring work: the work itself stays a BullMQ job.
 */
@Injectable()
export class RemindersBoot implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private guard?: NodeJS.Timeout;

  constructor(@InjectQueue(QueueName.Reminders) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue
      .add(JobName.ReconcileReminders, { scheduledBy: 'boot' }, { jobId: `reconcile-at-boot-${process.pid}-${Date.now()}`, removeOnComplete: true, removeOnFail: 100 })
      .catch((error: Error) => this.logger.warn(`could not queue the start-up reconciliation: ${error.message}`));
    this.guard = setInterval(() => void this.ensureScheduler(), GUARD_MS);
    this.guard.unref();
  }

  onApplicationShutdown(): void {
    if (this.guard) clearInterval(this.guard);
  }

  /** Re-creates the reconciliation's scheduler if it is gone; returns whether it had to. */
  async ensureScheduler(): Promise<boolean> {
    try {
      if (await this.queue.getJobScheduler(RECONCILE.key)) return false;
      await this.queue.upsertJobScheduler(RECONCILE.key, { every: RECONCILE.everyMs }, { name: RECONCILE.job, data: RECONCILE.data });
      this.logger.warn(`the scheduler "${RECONCILE.key}" was missing (Redis lost it?): re-created`);
      return true;
    } catch (error) {
      this.logger.warn(`could not check the scheduler "${RECONCILE.key}": ${(error as Error).message}`);
      return false;
    }
  }
}
