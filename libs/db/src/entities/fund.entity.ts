import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Project } from './project.entity';
import { decimalTransformer, SoftDeletableRecord } from './base.entity';

/** 实际到位资金: money actually invested, by date. */
@Entity('funds')
@Index(['projectId', 'receivedOn'])
@Index(['receivedOn'])
export class Fund extends SoftDeletableRecord {
  @Column({ type: 'uuid' }) projectId: string;
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: decimalTransformer }) amount: number;
  @Column({ type: 'date' }) receivedOn: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;

  @ManyToOne(() => Project, { nullable: true }) @JoinColumn({ name: 'project_id' }) project?: Project;
}
