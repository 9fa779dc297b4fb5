import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Project } from './project.entity';
import type { VisitKind } from '@zs/domain';
import { SoftDeletableRecord } from './base.entity';

/** 走访/洽谈记录. */
@Entity('visits')
@Index(['projectId', 'occurredAt'])
@Index(['occurredAt', 'id'])
/** The keyset order of `GET /api/visits` (migration ListKeysetIndexes). */
@Index('IDX_visits_created_at_id', ['createdAt', 'id'])
export class Visit extends SoftDeletableRecord {
  @Column({ type: 'uuid' }) projectId: string;
  @Column({ type: 'varchar', length: 32 }) kind: VisitKind;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'varchar', length: 200, nullable: true }) place: string | null;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) officerIds: string[];
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) contactIds: string[];
  @Column({ type: 'text', nullable: true }) otherParticipants: string | null;
  @Column({ type: 'text' }) summary: string;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ type: 'text', nullable: true }) nextStep: string | null;
  @Column({ type: 'timestamptz', nullable: true }) nextFollowUpAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;

  @ManyToOne(() => Project, { nullable: true }) @JoinColumn({ name: 'project_id' }) project?: Project;
}
