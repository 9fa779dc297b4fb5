import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Project } from './project.entity';
import { User } from './user.entity';
import { SoftDeletableRecord } from './base.entity';

/** A follow-up task (跟进事项) on a project; a visit's `nextFollowUpAt` creates one for the owner. */
@Entity('tasks')
@Index('IDX_tasks_open_by_due', ['dueAt', 'id'], { where: 'done_at IS NULL AND deleted_at IS NULL' })
@Index(['assigneeId', 'dueAt', 'id'])
@Index(['projectId', 'dueAt'])
export class Task extends SoftDeletableRecord {
  @Column({ type: 'uuid' }) projectId: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'uuid' }) assigneeId: string;
  @Column({ type: 'timestamptz', nullable: true }) doneAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) doneById: string | null;
  @Column({ type: 'uuid', nullable: true }) visitId: string | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;

  @ManyToOne(() => Project, { nullable: true }) @JoinColumn({ name: 'project_id' }) project?: Project;
  @ManyToOne(() => User, { nullable: true }) @JoinColumn({ name: 'assignee_id' }) assignee?: User;
}
