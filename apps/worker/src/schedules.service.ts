import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Env } from '@zs/config';
import { officeStartCron } from '@zs/domain';
import { JOB_QUEUE, QueueName, type Schedule, SCHEDULES } from '@zs/queue';
import type { Queue, RepeatOptions } from 'bullmq';

/**
 * Recurring work: every SCHEDULES entry is upserted at boot as a BullMQ job scheduler under its stable key
 * (idempotent, safe with several workers; never `setInterval`). Schedulers whose key left the catalogue are removed.
 */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Schedules');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly env: Env,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const schedule of SCHEDULES) {
      await this.queue(JOB_QUEUE[schedule.job]).upsertJobScheduler(
        schedule.key,
        this.repeat(schedule),
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
    this.logger.log(`schedules: ${SCHEDULES.map((s) => `${s.key} ${describe(this.repeat(s))}`).join(', ')}`);
  }

  /** `every` ms, or a cron at the start of office hours in the park's time zone. */
  private repeat(schedule: Schedule): Omit<RepeatOptions, 'key'> {
    if (schedule.atOfficeStart) return { pattern: officeStartCron(this.env.OFFICE_HOURS), tz: this.env.TZ_PARK };
    if (!schedule.everyMs) throw new Error(`schedule "${schedule.key}" has neither everyMs nor atOfficeStart`);
    return { every: schedule.everyMs };
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}

function describe(repeat: Omit<RepeatOptions, 'key'>): string {
  return repeat.pattern ? `at "${repeat.pattern}" ${repeat.tz ?? ''}`.trim() : `every ${(repeat.every ?? 0) / 1000}s`;
}
