import { Column, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { Project } from './project.entity';

/** One changed field of a project (from → to, who, when). */
@Entity('project_field_changes')
@Index(['projectId', 'at'])
export class FieldChange {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) projectId: string;
  @Column({ type: 'varchar', length: 64 }) field: string;
  @Column({ type: 'jsonb', nullable: true }) fromValue: unknown;
  @Column({ type: 'jsonb', nullable: true }) toValue: unknown;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'uuid', nullable: true }) byId: string | null;

  @ManyToOne(() => Project, { nullable: true }) @JoinColumn({ name: 'project_id' }) project?: Project;
}
