import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Delivery } from './delivery.entity';
import { User } from './user.entity';

/** An in-app notification (`/api/notifications`): written in the transaction that claims its in-app delivery. */
@Entity('notifications')
@Index(['recipientId', 'createdAt', 'id'])
@Index('IDX_notifications_unread', ['recipientId'], { where: 'read_at IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) recipientId: string;
  /** One notification per in-app delivery, ever (the one-to-one below makes it unique). */
  @Column({ type: 'uuid' }) deliveryId: string;
  @Column({ type: 'varchar', length: 40 }) rule: string;
  @Column({ type: 'smallint' }) level: number;
  @Column({ type: 'uuid', nullable: true }) projectId: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) subjectType: string | null;
  @Column({ type: 'uuid', nullable: true }) subjectId: string | null;
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) link: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) readAt: Date | null;

  @ManyToOne(() => User, { nullable: false }) @JoinColumn({ name: 'recipient_id' }) recipient?: User;
  @OneToOne(() => Delivery, { nullable: false }) @JoinColumn({ name: 'delivery_id' }) delivery?: Delivery;
}
