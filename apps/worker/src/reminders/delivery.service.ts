import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@zs/config';
import { affectedRows, CANCELLED_NOTE, Delivery, deliverInAppBatch, isCauseOpen } from '@zs/db';
import type { JobPayloads, JobName } from '@zs/queue';
import { type Job, UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { ChannelDispatcher, ChannelHeldError } from '../channels/channel-dispatcher';

export type DeliveryOutcome = 'sent' | 'cancelled' | 'settled' | 'missing' | 'held' | 'busy';

/** How long an outbound send may take before another attempt may take the delivery over (real time). */
const SEND_LEASE_SECONDS = 120;

/**
 * The Deliver job: sends one delivery exactly once, whatever BullMQ does (at-least-once, several replicas).
 * - in-app: ONE transaction locks the row whose change would resolve the cause, checks the cause is still
 *   open, claims the delivery (`UPDATE … WHERE status = 'pending' RETURNING`) and inserts the notification;
 *   a second run finds it claimed and does nothing.
 * - other channels: checks the cause, takes a lease on the row, calls ChannelDispatcher.dispatch, then marks
 *   it sent. A failure is recorded (attempts, last error) and rethrown, so BullMQ retries with backoff; after
 *   the last attempt (or a permanent error) the row is `failed`, for the admins to see.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('Deliveries');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly dispatcher: ChannelDispatcher,
  ) {}

  async deliver(job: Job<JobPayloads[JobName.DeliverReminder]>): Promise<{ outcome: DeliveryOutcome }> {
    const delivery = await this.db.manager.findOne(Delivery, { where: { id: job.data.deliveryId } });
    if (!delivery) return { outcome: 'missing' };
    if (delivery.status !== 'pending') return { outcome: 'settled' };
    const outcome = delivery.channel === 'in_app' ? await this.deliverInApp(delivery) : await this.deliverOutbound(delivery, job);
    return { outcome };
  }

  /**
   * The DeliverInApp job: a batch of in-app deliveries in one transaction (set-based, same guarantees as one
   * by one). If the batch fails as a whole, each delivery is tried on its own, so that one bad row does not
   * hold back the others; an error of one of them is rethrown at the end (BullMQ retries the job).
   */
  async deliverInAppBatch(ids: string[]): Promise<{ sent: number; cancelled: number }> {
    try {
      const result = await this.db.transaction((tx) => deliverInAppBatch(tx, ids, this.clock.now()));
      return { sent: result.sent, cancelled: result.cancelled };
    } catch (error) {
      this.logger.warn(`in-app batch of ${ids.length} failed (${(error as Error).message}): delivering one by one`);
    }
    let sent = 0;
    let cancelled = 0;
    let failure: unknown;
    for (const id of ids) {
      try {
        const delivery = await this.db.manager.findOne(Delivery, { where: { id } });
        if (!delivery || delivery.status !== 'pending' || delivery.channel !== 'in_app') continue;
        const outcome = await this.deliverInApp(delivery);
        if (outcome === 'sent') sent++;
        if (outcome === 'cancelled') cancelled++;
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure) throw failure;
    return { sent, cancelled };
  }

  private async deliverInApp(delivery: Delivery): Promise<DeliveryOutcome> {
    return this.db.transaction(async (tx) => {
      if (!(await this.causeOpen(tx, delivery, true))) return this.cancel(tx, delivery.id);
      const now = this.clock.now();
      const claimed = await tx.query(
        `UPDATE deliveries SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL, updated_at = now()
          WHERE id = $1 AND status = 'pending'`,
        [delivery.id, now],
      );
      if (!affectedRows(claimed)) return 'settled';
      await tx.query(
        `INSERT INTO notifications (recipient_id, delivery_id, rule, level, project_id, subject_type, subject_id, title, body, link, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (delivery_id) DO NOTHING`,
        [delivery.recipientId, delivery.id, delivery.rule, delivery.level, delivery.projectId, delivery.subjectType, delivery.subjectId,
          delivery.title, delivery.body, delivery.link, now],
      );
      return 'sent';
    });
  }

  private async deliverOutbound(delivery: Delivery, job: Job): Promise<DeliveryOutcome> {
    // the channels may have moved it to office hours since it was queued: the relay queues it again then
    if (delivery.notBefore.getTime() > this.clock.now().getTime()) return 'held';
    if (!(await this.causeOpen(this.db.manager, delivery, false))) return this.cancel(this.db.manager, delivery.id);
    const lease = await this.db.query(
      `UPDATE deliveries SET locked_until = now() + make_interval(secs => $2), attempts = attempts + 1, updated_at = now()
        WHERE id = $1 AND status = 'pending' AND (locked_until IS NULL OR locked_until < now())`,
      [delivery.id, SEND_LEASE_SECONDS],
    );
    if (!affectedRows(lease)) return 'busy'; // another attempt is sending it; the reconciliation re-queues it if that one dies
    try {
      await this.dispatcher.dispatch(delivery);
    } catch (error) {
      if (error instanceof ChannelHeldError) {
        // outside office hours: the channels moved not_before; not an attempt, the relay queues it again then
        await this.db.query(`UPDATE deliveries SET locked_until = NULL, attempts = attempts - 1, updated_at = now() WHERE id = $1 AND status = 'pending'`, [delivery.id]);
        return 'held';
      }
      const err = error instanceof Error ? error : new Error(String(error));
      const final = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.db.query(
        `UPDATE deliveries SET locked_until = NULL, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END, updated_at = now()
          WHERE id = $1 AND status = 'pending'`,
        [delivery.id, err.message.slice(0, 2000), final],
      );
      if (final) this.logger.warn(`delivery ${delivery.id} (${delivery.channel} to ${delivery.recipientId}) failed for good: ${err.message}`);
      throw err;
    }
    await this.db.query(
      `UPDATE deliveries SET status = 'sent', sent_at = $2, locked_until = NULL, last_error = NULL, updated_at = now()
        WHERE id = $1 AND status = 'pending'`,
      [delivery.id, this.clock.now()],
    );
    return 'sent';
  }

  private causeOpen(manager: EntityManager, delivery: Delivery, lock: boolean): Promise<boolean> {
    return isCauseOpen(manager, { rule: delivery.rule, causeKey: delivery.causeKey, subjectId: delivery.subjectId, projectId: delivery.projectId }, { lock });
  }

  private async cancel(manager: EntityManager, id: string): Promise<DeliveryOutcome> {
    await manager.query(
      `UPDATE deliveries SET status = 'cancelled', last_error = $2, updated_at = now() WHERE id = $1 AND status = 'pending'`,
      [id, CANCELLED_NOTE],
    );
    return 'cancelled';
  }
}
