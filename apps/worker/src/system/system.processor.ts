import { Processor } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, type JobPayloads, QueueName } from '@zs/queue';
import type { Job } from 'bullmq';
import { writeFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { CatalogueProcessor } from '../catalogue-processor';
import { HandlesJob } from '../job-handler.decorator';
import { WORKER_HEALTH_FILE } from '../worker-health';

export interface HeartbeatResult {
  /** The database's clock when the heartbeat ran (ISO): proves the worker reaches PostgreSQL. */
  at: string;
  pid: number;
}

/** The `system` queue: the recurring heartbeat, which proves that a worker is alive and jobs are delivered. */
@Processor(QueueName.System)
export class SystemProcessor extends CatalogueProcessor {
  private beats = 0;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  @HandlesJob(JobName.Heartbeat)
  async heartbeat(job: Job<JobPayloads[JobName.Heartbeat]>): Promise<HeartbeatResult> {
    const [{ now }] = await this.db.query('SELECT now() AS now');
    const result: HeartbeatResult = { at: new Date(now).toISOString(), pid: process.pid };
    // the container's healthcheck reads this file's age (docker-compose.yml)
    await writeFile(WORKER_HEALTH_FILE, JSON.stringify(result)).catch(() => undefined);
    if (this.beats++ === 0) this.logger.log(`first heartbeat processed (${job.data.scheduledBy}): the worker is healthy`);
    else this.logger.debug(`heartbeat ${job.id} at ${result.at}`);
    return result;
  }
}
