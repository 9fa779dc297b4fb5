import { Check, Column, Entity, Index } from 'typeorm';
import type { RobotKind } from '@zs/domain';
import { SoftDeletableRecord } from './base.entity';

/**
 * A group-robot webhook (群机器人) of WeCom, DingTalk or Feishu, owned either by one user (their own reminders
 * go to it) or by a park (the team: its users' reminders go to it, once per cause and escalation level).
 * `secret` signs DingTalk/Feishu requests; the API never shows it (nor the URL's token) in full.
 */
@Entity('robot_webhooks')
@Check('CHK_robot_webhooks_one_owner', '(park_id IS NULL) <> (user_id IS NULL)')
@Index(['parkId'], { where: 'deleted_at IS NULL AND park_id IS NOT NULL' })
@Index(['userId'], { where: 'deleted_at IS NULL AND user_id IS NOT NULL' })
@Index(['createdAt', 'id'])
export class RobotWebhook extends SoftDeletableRecord {
  @Column({ type: 'varchar', length: 16 }) kind: RobotKind;
  @Column({ type: 'varchar', length: 100, nullable: true }) name: string | null;
  @Column({ type: 'varchar', length: 1000 }) url: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) secret: string | null;
  @Column({ type: 'uuid', nullable: true }) parkId: string | null;
  @Column({ type: 'uuid', nullable: true }) userId: string | null;
  @Column({ type: 'boolean', default: true }) enabled: boolean;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
}
