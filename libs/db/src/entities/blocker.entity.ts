import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Project } from './project.entity';
import { SoftDeletableRecord } from './base.entity';

/** 问题/困难 holding a project back (power supply, permits, funding gap …), with an owner and a due date. */
@Entity('blockers')
@Index('IDX_blockers_open_by_due', ['dueOn'], { where: 'resolved_at IS NULL AND deleted_at IS NULL' })
@Index(['projectId', 'createdAt'])
export class Blocker extends SoftDeletableRecord {
  @Column({ type: 'uuid' }) projectId: string;
  @Column({ type: 'varchar', length: 64 }) category: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'uuid' }) ownerId: string;
  @Column({ type: 'date' }) dueOn: string;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ type: 'text', nullable: true }) resolution: string | null;

  @ManyToOne(() => Project, { nullable: true }) @JoinColumn({ name: 'project_id' }) project?: Project;
}
