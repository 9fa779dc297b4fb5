import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Project } from './project.entity';
import type { AgreementKind } from '@zs/domain';
import { decimalTransformer, SoftDeletableRecord } from './base.entity';

/** 签约: intent / framework / investment agreement, land-transfer contract, supplementary. */
@Entity('agreements')
@Index(['projectId', 'signedOn'])
// the committed-date scans (reminders): agreements by each committed date
@Index('IDX_agreements_committed_land_on', ['committedLandOn'], { where: 'deleted_at IS NULL AND committed_land_on IS NOT NULL' })
@Index('IDX_agreements_committed_start_on', ['committedStartOn'], { where: 'deleted_at IS NULL AND committed_start_on IS NOT NULL' })
@Index('IDX_agreements_committed_production_on', ['committedProductionOn'], { where: 'deleted_at IS NULL AND committed_production_on IS NOT NULL' })
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
