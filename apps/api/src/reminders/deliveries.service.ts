import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Delivery, User } from '@zs/db';
import { DomainError, ErrorCode } from '@zs/domain';
import { DataSource } from 'typeorm';
import { notFound } from '../common/optimistic-update';
import { keysetPage } from '../common/pagination';
import type { ListDeliveriesQueryDto } from './dto/delivery.dto';
import { DeliveryPage, DeliveryView } from './delivery.view';

/** Admins: what the reminder engine sent, holds, gave up on (failed) or cancelled; a failed one can be retried. */
@Injectable()
export class DeliveriesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: ListDeliveriesQueryDto): Promise<DeliveryPage> {
    const qb = this.db.createQueryBuilder(Delivery, 'd').leftJoinAndMapOne('d.recipient', User, 'u', 'u.id = d.recipient_id').where('TRUE');
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.channel) qb.andWhere('d.channel = :channel', { channel: query.channel });
    if (query.rule) qb.andWhere('d.rule = :rule', { rule: query.rule });
    if (query.recipientId) qb.andWhere('d.recipient_id = :recipientId', { recipientId: query.recipientId });
    if (query.projectId) qb.andWhere('d.project_id = :projectId', { projectId: query.projectId });
    const page = await keysetPage(qb, 'd', query);
    return { items: page.items.map(toDeliveryView), nextCursor: page.nextCursor };
  }

  /** Puts a failed delivery back in the outbox: the next reconciliation (within 15 s) sends it again. */
  async retry(id: string): Promise<DeliveryView> {
    const [, affected] = await this.db.query(
      `UPDATE deliveries SET status = 'pending', locked_until = NULL, enqueued_at = NULL, updated_at = now() WHERE id = $1 AND status = 'failed'`,
      [id],
    );
    const delivery = await this.db.createQueryBuilder(Delivery, 'd').leftJoinAndMapOne('d.recipient', User, 'u', 'u.id = d.recipient_id')
      .where('d.id = :id', { id }).getOne();
    if (!delivery) throw notFound('发送记录');
    if (!affected) throw new DomainError(ErrorCode.Conflict, `只有发送失败的记录可以重试，当前状态 ${delivery.status} (only a failed delivery can be retried)`);
    return toDeliveryView(delivery);
  }
}

function toDeliveryView(d: Delivery): DeliveryView {
  return {
    id: d.id,
    causeKey: d.causeKey,
    rule: d.rule,
    level: d.level,
    recipient: { id: d.recipientId, displayName: d.recipient?.displayName ?? '' },
    channel: d.channel,
    projectId: d.projectId,
    subjectType: d.subjectType,
    subjectId: d.subjectId,
    title: d.title,
    body: d.body,
    link: d.link,
    dueAt: d.dueAt,
    notBefore: d.notBefore,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    sentAt: d.sentAt,
    createdAt: d.createdAt,
  };
}
