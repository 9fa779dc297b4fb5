import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Project } from './project.entity';
import type { AgreementKind } from '@zs/domain';
import { decimalTransformer, SoftDeletableRecord } from './base.entity';

/** 签约: intent / framework / investment agreement, land-transfer contract, supplementary. */
@Entity('agreements')
@Index(['projectId', 'signedOn'])
export class Agreement extends SoftDeletableRecord {
  @Column({ type: 'uuid' }) projectId: string;
  @Column({ type: 'varchar', length: 20 }) kind: AgreementKind;
  @Column({ type: 'varchar', length: 100, nullable: true }) number: string | null;
  @Column({ type: 'date' }) signedOn: string;
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: decimalTransformer }) amount: number;
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: decimalTransformer }) landAreaMu: number | null;
  @Column({ type: 'date', nullable: true }) committedLandOn: string | null;
  @Column({ type: 'date', nullable: true }) committedStartOn: string | null;
  @Column({ type: 'date', nullable: true }) committedProductionOn: string | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;

  @ManyToOne(() => Project, { nullable: true }) @JoinColumn({ name: 'project_id' }) project?: Project;
}
