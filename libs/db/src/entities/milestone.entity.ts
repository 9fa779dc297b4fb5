import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Project } from './project.entity';
import type { MilestoneKey, MilestoneStatus } from '@zs/domain';
import { BaseRecord } from './base.entity';

/** One step of the permit chain (前期手续), created with the project from the standard list. */
@Entity('milestones')
@Index('IDX_milestones_open_by_due', ['dueOn'], { where: "status IN ('pending', 'in_progress')" })
@Index(['projectId', 'key'], { unique: true })
export class Milestone extends BaseRecord {
  @Column({ type: 'uuid' }) projectId: string;
  @Column({ type: 'varchar', length: 32 }) key: MilestoneKey;
  @Column({ type: 'int' }) sortOrder: number;
  @Column({ type: 'varchar', length: 16, default: 'pending' }) status: MilestoneStatus;
  @Column({ type: 'date', nullable: true }) dueOn: string | null;
  @Column({ type: 'date', nullable: true }) doneOn: string | null;
  @Column({ type: 'uuid', nullable: true }) ownerId: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;

  @ManyToOne(() => Project, { nullable: true }) @JoinColumn({ name: 'project_id' }) project?: Project;
}
