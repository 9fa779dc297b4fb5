import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The ledger of what fell due: one row per cause and escalation level, written once (unique key) in the
 * transaction that creates its deliveries. A level with no one to tell (a project without a leading
 * official) is recorded too, so that it is decided once.
 */
@Entity('reminders')
@Index(['causeKey', 'level'], { unique: true })
@Index(['createdAt', 'id'])
export class Reminder {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 300 }) causeKey: string;
  @Column({ type: 'varchar', length: 40 }) rule: string;
  @Column({ type: 'smallint' }) level: number;
  @Column({ type: 'varchar', length: 20 }) subjectType: string;
  @Column({ type: 'uuid' }) subjectId: string;
  @Column({ type: 'uuid', nullable: true }) projectId: string | null;
  /** When the cause reached this level. */
  @Column({ type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'int' }) recipientCount: number;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
