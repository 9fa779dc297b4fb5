import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Escalation, ExternalChannel, Offset, ReminderRule, StageThresholds } from '@zs/domain';

/** An admin's settings of one reminder rule (`/api/reminder-rules`); the defaults are seeded by a migration. */
@Entity('reminder_rules')
export class ReminderRuleSettings {
  @PrimaryColumn({ type: 'varchar', length: 40 }) rule: ReminderRule;
  @Column({ type: 'boolean', default: true }) enabled: boolean;
  @Column({ type: 'jsonb', nullable: true }) threshold: Offset | null;
  @Column({ type: 'jsonb', nullable: true }) stageThresholds: StageThresholds | null;
  @Column({ type: 'jsonb' }) escalation: Escalation;
  @Column({ type: 'varchar', length: 16, array: true, default: () => "'{}'" }) channels: ExternalChannel[];
  @Column({ type: 'uuid', nullable: true }) updatedById: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn({ default: 1 }) version: number;
}
