import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DeliveryChannel } from '@zs/domain';
import { User } from './user.entity';

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

/**
 * One reminder to one recipient at one escalation level over one channel, as the engine and the channels
 * both read it (the outbox row the Deliver job works on).
 */
export interface DeliveryRow {
  id: string;
  /** The fired level of the cause (`reminders`), null for rows another producer writes (digests). */
  reminderId: string | null;
  /** The cause, e.g. `task_overdue:<taskId>:<dueAt>`: a new due time is a new cause. */
  causeKey: string;
  rule: string;
  /** 0 = the responsible officer, 1 = the leading official, 2 = the managers. */
  level: number;
  recipientId: string;
  channel: DeliveryChannel;
  projectId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  title: string;
  body: string;
  /** Absolute URL of the page to open (the project page). */
  link: string | null;
  /** When the cause reached this level. */
  dueAt: Date;
  /** Not sent before this (in-app: ignored; other channels: the due time, which the channels may move to office hours). */
  notBefore: Date;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

/**
 * The outbox of reminders: written in the transaction that decides a cause fell due, relayed to BullMQ after
 * commit (job id = the row id), claimed in SQL when sent. The unique key makes a second delivery impossible.
 */
@Entity('deliveries')
@Index('UQ_deliveries_cause_recipient_level_channel', ['causeKey', 'recipientId', 'level', 'channel'], { unique: true })
@Index('IDX_deliveries_pending_by_not_before', ['notBefore', 'id'], { where: "status = 'pending'" })
@Index('IDX_deliveries_pending_by_project', ['projectId'], { where: "status = 'pending'" })
@Index('IDX_deliveries_pending_by_subject', ['subjectId'], { where: "status = 'pending'" })
@Index(['status', 'createdAt', 'id'])
@Index(['reminderId'])
export class Delivery implements DeliveryRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', nullable: true }) reminderId: string | null;
  @Column({ type: 'varchar', length: 300 }) causeKey: string;
  @Column({ type: 'varchar', length: 40 }) rule: string;
  @Column({ type: 'smallint' }) level: number;
  @Column({ type: 'uuid' }) recipientId: string;
  @Column({ type: 'varchar', length: 16 }) channel: DeliveryChannel;
  @Column({ type: 'uuid', nullable: true }) projectId: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) subjectType: string | null;
  @Column({ type: 'uuid', nullable: true }) subjectId: string | null;
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) link: string | null;
  @Column({ type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'timestamptz' }) notBefore: Date;
  @Column({ type: 'varchar', length: 16, default: 'pending' }) status: DeliveryStatus;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
  /** A sender's lease on an outbound send (real time): another attempt waits until it expires. */
  @Column({ type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  /** When the relay last handed it to BullMQ (real time); the reconciliation re-creates a job lost since. */
  @Column({ type: 'timestamptz', nullable: true }) enqueuedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => User, { nullable: false }) @JoinColumn({ name: 'recipient_id' }) recipient?: User;
}
