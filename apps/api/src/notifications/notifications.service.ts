import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@zs/config';
import { Notification } from '@zs/db';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { notFound } from '../common/optimistic-update';
import { keysetPage, Page } from '../common/pagination';
import type { ListNotificationsQueryDto } from './dto/notification.dto';
import { NotificationView, toNotificationView } from './notification.view';

/** The caller's own in-app notifications (written by the worker's reminder engine); nobody sees another's. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListNotificationsQueryDto): Promise<Page<NotificationView>> {
    const qb = this.db.createQueryBuilder(Notification, 'n').where('n.recipient_id = :me', { me: actor.id });
    if (query.unread === true) qb.andWhere('n.read_at IS NULL');
    if (query.unread === false) qb.andWhere('n.read_at IS NOT NULL');
    const page = await keysetPage(qb, 'n', query);
    return { items: page.items.map(toNotificationView), nextCursor: page.nextCursor };
  }

  /** Marks one read (the first read time stays); another user's notification is 404. */
  async read(actor: Actor, id: string): Promise<NotificationView> {
    await this.db.query(`UPDATE notifications SET read_at = $3 WHERE id = $1 AND recipient_id = $2 AND read_at IS NULL`, [id, actor.id, this.clock.now()]);
    const notification = await this.db.manager.findOne(Notification, { where: { id, recipientId: actor.id } });
    if (!notification) throw notFound('通知');
    return toNotificationView(notification);
  }

  async readAll(actor: Actor): Promise<{ updated: number }> {
    const [, updated] = await this.db.query(`UPDATE notifications SET read_at = $2 WHERE recipient_id = $1 AND read_at IS NULL`, [actor.id, this.clock.now()]);
    return { updated: Number(updated) || 0 };
  }

  async unreadCount(actor: Actor): Promise<{ count: number }> {
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM notifications WHERE recipient_id = $1 AND read_at IS NULL`, [actor.id]);
    return { count };
  }
}
