import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { Project } from './project.entity';
import type { Stage } from '@zs/domain';

/** Every stage move (who, when, from, to, note): funnels and durations are computed from it. */
@Entity('project_stage_changes')
@Index(['projectId', 'occurredAt'])
@Index(['toStage', 'occurredAt'])
export class StageChange {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) projectId: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) fromStage: Stage | null;
  @Column({ type: 'varchar', length: 20 }) toStage: Stage;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'uuid', nullable: true }) byId: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;

  @ManyToOne(() => Project, { nullable: true }) @JoinColumn({ name: 'project_id' }) project?: Project;
}
