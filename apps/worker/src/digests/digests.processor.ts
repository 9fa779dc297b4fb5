import { Processor } from '@nestjs/bullmq';
import { JobName, type JobPayloads, QueueName } from '@zs/queue';
import type { Job } from 'bullmq';
import { CatalogueProcessor } from '../catalogue-processor';
import { HandlesJob } from '../job-handler.decorator';
import { type DigestRunResult, DigestsService } from './digests.service';

/** The `digests` queue: the morning digests and the weekly dispatch list (recurring, see SCHEDULES). */
@Processor(QueueName.Digests)
export class DigestsProcessor extends CatalogueProcessor {
  constructor(private readonly digests: DigestsService) {
    super();
  }

  @HandlesJob(JobName.DailyDigests)
  async daily(_job: Job<JobPayloads[JobName.DailyDigests]>): Promise<DigestRunResult> {
    return this.digests.runDaily();
  }

  @HandlesJob(JobName.WeeklyDispatch)
  async weekly(_job: Job<JobPayloads[JobName.WeeklyDispatch]>): Promise<DigestRunResult> {
    return this.digests.runWeekly();
  }
}
