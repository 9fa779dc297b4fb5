import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DELIVERY_JOB_OPTIONS, JobName, QueueName } from '@zs/queue';
import type { JobsOptions, Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/** What the relay needs of a delivery row (its channel: in-app rows are delivered in batches). */
export interface RelayRow {
  id: string;
  channel?: string;
}

/**
 * In-app deliveries per DeliverInApp job: big enough to save round trips and statement planning (each job
 * plans five statements, the rule's cause query among them: with 50, a burst of 100,000 was 2,000 jobs and
 * delivery fell behind recording at 1M projects), small enough that jobs spread over the workers.
 */
export const IN_APP_BATCH = 200;

/**
 * The outbox relay: hands pending deliveries to BullMQ after their rows are committed, with the delivery id
 * as the job id (adding an id that is already queued is a no-op on both backends). Run by every
 * reconciliation too, so that a job Redis lost (a flush, a failover) is re-created from PostgreSQL.
 */
@Injectable()
export class DeliveryRelay {
  private readonly logger = new Logger('DeliveryRelay');
  /** Retries and backoff of Deliver jobs (the tests shorten them). */
  jobOptions: JobsOptions = DELIVERY_JOB_OPTIONS as JobsOptions;
  /** A pending row handed over longer ago than this (real time) has its job checked, and re-created if finished. */
  staleAfterMs = 60_000;
  /**
   * A pending in-app row handed over longer ago than this is put in a new batch (its batch job cannot be looked
   * up by the row; a batch that finds its rows settled costs one query).
   */
  inAppStaleAfterMs = 15_000;
  /** At most this many pending rows per reconciliation. */
  batchSize = 2000;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
  ) {}

  /**
   * Enqueues these (committed) deliveries now: in-app ones as DeliverInApp jobs of up to IN_APP_BATCH rows
   * (job id from the batch's ids), the others one Deliver job each (job id = delivery id).
   */
  async enqueue(rows: readonly RelayRow[], options: { marked?: boolean } = {}): Promise<void> {
    if (!rows.length) return;
    const inApp = rows.filter((r) => r.channel === 'in_app');
    const single = rows.filter((r) => r.channel !== 'in_app');
    for (let i = 0; i < inApp.length; i += 100 * IN_APP_BATCH) {
      const jobs = [];
      for (let j = i; j < Math.min(inApp.length, i + 100 * IN_APP_BATCH); j += IN_APP_BATCH) {
        const ids = inApp.slice(j, j + IN_APP_BATCH).map((r) => r.id);
        jobs.push({ name: JobName.DeliverInApp, data: { deliveryIds: ids }, opts: { ...this.jobOptions, jobId: batchJobId(ids) } });
      }
      await this.queue.addBulk(jobs);
      if (!options.marked) await this.markEnqueued(jobs.flatMap((job) => job.data.deliveryIds));
    }
    for (let i = 0; i < single.length; i += 500) {
      const chunk = single.slice(i, i + 500);
      await this.queue.addBulk(chunk.map((row) => this.job(row.id)));
      if (!options.marked) await this.markEnqueued(chunk.map((r) => r.id));
    }
  }

  private async markEnqueued(ids: string[]): Promise<void> {
    await this.db.query(`UPDATE deliveries SET enqueued_at = now() WHERE id = ANY($1) AND status = 'pending'`, [ids]);
  }

  /**
   * Every pending delivery that may be sent at `now` is (re-)added to the queue; one never handed over (written
   * by another producer, put back by an admin, or its process died right after the commit) or handed over a
   * while ago whose job has finished without settling the row (a crash between two steps, a held send) gets a
   * new job.
   */
  async relayDue(now: Date): Promise<{ relayed: number; recreated: number }> {
    const rows: { id: string; channel: string; stale: boolean }[] = await this.db.query(
      `SELECT id, channel, (enqueued_at IS NULL OR enqueued_at < now() - make_interval(secs => CASE WHEN channel = 'in_app' THEN $4::float8 ELSE $3::float8 END)) AS stale
         FROM deliveries
        WHERE status = 'pending' AND not_before <= $1
        ORDER BY not_before, id
        LIMIT $2`,
      [now, this.batchSize, this.staleAfterMs / 1000, Math.min(this.staleAfterMs, this.inAppStaleAfterMs) / 1000],
    );
    if (!rows.length) return { relayed: 0, recreated: 0 };
    let recreated = 0;
    // in-app rows are re-sent in a new batch (a stale batch job, finished or lost, is not looked up)
    for (const row of rows.filter((r) => r.stale && r.channel !== 'in_app')) {
      const job = await this.queue.getJob(row.id);
      const state = job ? await job.getState() : 'missing';
      if (state === 'completed' || state === 'failed' || state === 'unknown') {
        await job?.remove().catch(() => undefined);
        recreated++;
      }
    }
    // a pending in-app row is handed over again only once stale: a new batch would not replace the old one by its id
    await this.enqueue(rows.filter((r) => r.channel !== 'in_app' || r.stale));
    if (recreated) this.logger.warn(`re-created ${recreated} delivery job(s) that had finished without settling their delivery`);
    return { relayed: rows.length, recreated };
  }

  private job(deliveryId: string): { name: JobName; data: { deliveryId: string }; opts: JobsOptions } {
    return { name: JobName.DeliverReminder, data: { deliveryId }, opts: { ...this.jobOptions, jobId: deliveryId } };
  }
}

/** A batch's job id: the same ids give the same job (adding it again while it exists is a no-op). */
function batchJobId(ids: readonly string[]): string {
  return `in-app-${createHash('sha1').update([...ids].sort().join(',')).digest('hex')}`;
}
