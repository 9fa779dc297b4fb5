import { Processor } from '@nestjs/bullmq';
import { JobName, type JobPayloads, QueueName } from '@zs/queue';
import type { Job } from 'bullmq';
import { CatalogueProcessor } from '../catalogue-processor';
import { HandlesJob } from '../job-handler.decorator';
import { DeliveryService, type DeliveryOutcome } from './delivery.service';
import { type ReconcileResult, ReminderScanner } from './reminder-scanner.service';

/**
 * The `reminders` queue. A short lock (renewed while a job runs) lets a job of a killed worker run again
 * within about 15 s; the handlers are safe to run twice (their effects are claimed in PostgreSQL).
 */
@Processor(QueueName.Reminders, { concurrency: 8, lockDuration: 10_000, stalledInterval: 5_000 })
export class RemindersProcessor extends CatalogueProcessor {
  constructor(
    private readonly scanner: ReminderScanner,
    private readonly deliveries: DeliveryService,
  ) {
    super();
  }

  @HandlesJob(JobName.ReconcileReminders)
  reconcile(job: Job<JobPayloads[JobName.ReconcileReminders]>): Promise<ReconcileResult> {
    const { rules, dueAfter, dueBefore, burst } = job.data;
    const date = (iso?: string) => (iso ? new Date(iso) : undefined);
    return this.scanner.reconcile(rules ? { rules, dueAfter: date(dueAfter), dueBefore: date(dueBefore), burst } : { exclusive: true });
  }

  @HandlesJob(JobName.DeliverInApp)
  deliverInApp(job: Job<JobPayloads[JobName.DeliverInApp]>): Promise<{ sent: number; cancelled: number }> {
    return this.deliveries.deliverInAppBatch(job.data.deliveryIds);
  }

  @HandlesJob(JobName.DeliverReminder)
  deliver(job: Job<JobPayloads[JobName.DeliverReminder]>): Promise<{ outcome: DeliveryOutcome }> {
    return this.deliveries.deliver(job);
  }
}
