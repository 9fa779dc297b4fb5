import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Park } from './park.entity';
import { User } from './user.entity';
import type { Channel, LeadStatus } from '@zs/domain';
import { decimalTransformer, SoftDeletableRecord } from './base.entity';

/** 招商线索: a tip before it is a project; assigned, screened (研判), then converted or rejected. */
@Entity('leads')
@Index('IDX_leads_name_bigrams', { synchronize: false })
@Index('IDX_leads_company_name_norm_trgm', { synchronize: false })
// the funnel's lead figures, index-only (migration LeadFunnelCoveringIndex: an INCLUDE list TypeORM cannot declare)
@Index('IDX_leads_received_on_funnel', { synchronize: false })
@Index(['parkId', 'createdAt', 'id'])
@Index(['assigneeId', 'createdAt', 'id'])
@Index(['reportedById', 'createdAt', 'id'])
@Index(['status', 'createdAt', 'id'])
/** Keyset lists across several parks, and by industry / channel (migration ListKeysetIndexes). */
@Index('IDX_leads_created_at_id', ['createdAt', 'id'])
@Index('IDX_leads_industry_created_at_id', ['industry', 'createdAt', 'id'])
@Index('IDX_leads_channel_created_at_id', ['channel', 'createdAt', 'id'])
export class Lead extends SoftDeletableRecord {
  @Column({ type: 'uuid' }) parkId: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'varchar', length: 200 }) companyName: string;
  @Index() @Column({ type: 'varchar', length: 200 }) companyNameNorm: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) nameBigrams: string[];
  @Column({ type: 'uuid', nullable: true }) companyId: string | null;
  @Index() @Column({ type: 'varchar', length: 18, nullable: true }) creditCode: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) contactName: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) contactMobile: string | null;
  @Index() @Column({ type: 'varchar', length: 32, nullable: true }) contactMobileNorm: string | null;
  @Column({ type: 'varchar', length: 64 }) industry: string;
  @Column({ type: 'varchar', length: 32 }) channel: Channel;
  @Column({ type: 'varchar', length: 200, nullable: true }) referrer: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) originRegion: string | null;
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: decimalTransformer }) estimatedInvestment: number | null;
  @Column({ type: 'text' }) summary: string;
  @Index() @Column({ type: 'date' }) receivedOn: string;
  @Column({ type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) assignedAt: Date | null;
  @Column({ type: 'varchar', length: 16, default: 'new' }) status: LeadStatus;
  @Column({ type: 'date', nullable: true }) screeningDueOn: string | null;
  @Column({ type: 'timestamptz', nullable: true }) screenedAt: Date | null;
  @Column({ type: 'text', nullable: true }) screeningOpinion: string | null;
  @Column({ type: 'text', nullable: true }) screeningNote: string | null;
  @Column({ type: 'uuid', nullable: true }) projectId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) convertedAt: Date | null;
  @Column({ type: 'uuid' }) reportedById: string;

  @ManyToOne(() => Park, { nullable: true }) @JoinColumn({ name: 'park_id' }) park?: Park;
  @ManyToOne(() => User, { nullable: true }) @JoinColumn({ name: 'reported_by_id' }) reportedBy?: User;
  @ManyToOne(() => User, { nullable: true }) @JoinColumn({ name: 'assignee_id' }) assignee?: User;
}
