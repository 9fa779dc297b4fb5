import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { jobHandlersOf } from './job-handler.decorator';

/**
 * Base of every processor: BullMQ calls `process(job)`, which runs the `@HandlesJob` method for the job's
 * name. A failing handler is logged with the job's id and attempt, then rethrown so that BullMQ retries it.
 * (It injects nothing: each processor declares its own dependencies.)
 */
export abstract class CatalogueProcessor extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);

  async process(job: Job): Promise<unknown> {
    const entry = jobHandlersOf(this.constructor).find((h) => h.job === job.name);
    if (!entry) {
      // cannot happen once the boot check passed, unless a job was added by hand under an unknown name
      throw new UnrecoverableError(`no handler for job "${job.name}" on queue "${job.queueName}"`);
    }
    const handler = (this as unknown as Record<string, (job: Job) => Promise<unknown>>)[entry.method];
    try {
      return await handler.call(this, job);
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      this.logger.error(
        { err, jobId: job.id, job: job.name, attempt: job.attemptsMade + 1, of: job.opts.attempts ?? 1 },
        `job ${job.name} (${job.id}) failed: ${err.message}`,
      );
      throw error;
    }
  }
}
