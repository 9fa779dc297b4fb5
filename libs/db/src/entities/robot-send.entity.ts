import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One message to one robot webhook about one cause at one escalation level: the key that makes a park's
 * webhook receive a reminder once, however many of its users are recipients of that cause and level
 * (each of their `deliveries` rows resolves to the same webhook). Claimed with a lease before sending.
 */
@Entity('robot_sends')
@Index(['webhookId', 'causeKey', 'level'], { unique: true })
export class RobotSend {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) webhookId: string;
  @Column({ type: 'varchar', length: 300 }) causeKey: string;
  @Column({ type: 'int' }) level: number;
  /** pending → sent; a failure leaves it pending with `lastError` (the delivery's retries try again). */
  @Column({ type: 'varchar', length: 16, default: 'pending' }) status: 'pending' | 'sent';
  /** The delivery sending it now, and until when that claim holds (a crashed sender's claim expires). */
  @Column({ type: 'uuid', nullable: true }) claimedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) claimedUntil: Date | null;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
