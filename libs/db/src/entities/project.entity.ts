import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Company } from './company.entity';
import { Park } from './park.entity';
import { User } from './user.entity';
import type { Channel, PipelineStage, Stage } from '@zs/domain';
import { decimalTransformer, SoftDeletableRecord } from './base.entity';

const money = { type: 'numeric' as const, precision: 14, scale: 2, nullable: true, transformer: decimalTransformer };

/**
 * What separates the project's name from its company's in `search_text` (migration ProjectSearchColumns): a
 * control character, so that a `q` match cannot span both names unless `q` holds it (project-list.ts).
 */
export const PROJECT_SEARCH_SEPARATOR = '\u001f';

/** 招商项目: one investor's intended investment, tracked from intention to production. */
@Entity('projects')
@Index('IDX_projects_name_bigrams', { synchronize: false })
/** `q`: the bigrams of the project's and its company's names (GIN, migration ProjectSearchColumns). */
@Index('IDX_projects_search_bigrams', { synchronize: false })
@Index('IDX_projects_name_trgm', { synchronize: false })
@Index('IDX_projects_assistant_ids', { synchronize: false })
@Index(['parkId', 'createdAt', 'id'])
@Index(['stage', 'ownerId', 'createdAt', 'id'])
@Index(['ownerId', 'createdAt', 'id'])
@Index(['leaderId', 'createdAt', 'id'])
@Index(['industry', 'createdAt', 'id'])
@Index(['channel', 'createdAt', 'id'])
@Index(['companyId'])
/** Keyset walks over all projects of several parks (lists, the ledger export): newest first without a sort. */
@Index('IDX_projects_created_at_id', ['createdAt', 'id'])
/** `sort=nextFollowUpAt` (soonest first, none last): an officer's own projects, and all of them. */
@Index('IDX_projects_owner_next_follow_up', ['ownerId', 'nextFollowUpAt', 'id'])
@Index('IDX_projects_next_follow_up', ['nextFollowUpAt', 'id'])
/** The stale-project scan (reminders): per stage, by time of the last visit or change. */
@Index('IDX_projects_stage_last_activity', ['stage', 'lastActivityAt'], { where: 'deleted_at IS NULL' })
export class Project extends SoftDeletableRecord {
  @Column({ type: 'uuid' }) parkId: string;
  /** Ours, e.g. ZS-2026-0001. */
  @Index({ unique: true }) @Column({ type: 'varchar', length: 20 }) code: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) nameBigrams: string[];
  /**
   * For `q` over the project's and its live company's names, kept by triggers on projects and companies (migration
   * ProjectSearchColumns), never written by the app: the union of both `name_bigrams`, and
   * lower(name) + PROJECT_SEARCH_SEPARATOR + lower(company name).
   */
  @Column({ type: 'text', array: true, default: () => "'{}'", select: false, insert: false, update: false }) searchBigrams: string[];
  @Column({ type: 'text', default: '', select: false, insert: false, update: false }) searchText: string;
  @Column({ type: 'uuid' }) companyId: string;
  @Column({ type: 'varchar', length: 64 }) industry: string;
  @Column({ type: 'varchar', length: 32 }) channel: Channel;
  @Column({ type: 'varchar', length: 64, nullable: true }) originRegion: string | null;
  @Column({ ...money, nullable: false }) totalInvestment: number;
  @Column(money) fixedAssetInvestment: number | null;
  @Column(money) registeredCapital: number | null;
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: decimalTransformer }) landAreaMu: number | null;
  @Column(money) expectedAnnualOutput: number | null;
  @Column(money) expectedTax: number | null;
  @Column({ type: 'int', nullable: true }) expectedJobs: number | null;
  /** 新建 / 续建 */
  @Column({ type: 'varchar', length: 16, nullable: true }) buildType: 'new' | 'continuing' | null;
  /** 一期 / 二期 … */
  @Column({ type: 'varchar', length: 32, nullable: true }) phase: string | null;
  @Column({ type: 'uuid' }) ownerId: string;
  @Column({ type: 'uuid', nullable: true }) leaderId: string | null;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) assistantIds: string[];
  @Column({ type: 'boolean', default: false }) confidential: boolean;
  /** The national 项目代码, once filed. */
  @Column({ type: 'varchar', length: 64, nullable: true }) projectCode: string | null;
  @Column({ type: 'date', nullable: true }) landDeliveredOn: string | null;
  @Column({ type: 'date', nullable: true }) constructionStartedOn: string | null;
  @Column({ type: 'date', nullable: true }) completedOn: string | null;
  @Column({ type: 'date', nullable: true }) productionStartedOn: string | null;
  @Column({ type: 'varchar', length: 20, default: 'intention' }) stage: Stage;
  @Column({ type: 'timestamptz' }) stageEnteredAt: Date;
  /** The pipeline stage left for on_hold / dropped: the only stage reactivation may return to. */
  @Column({ type: 'varchar', length: 20, nullable: true }) previousStage: PipelineStage | null;
  /** The earliest open task's due time, kept in step by the tasks service. */
  @Column({ type: 'timestamptz', nullable: true }) nextFollowUpAt: Date | null;
  /** Last visit or change: the stale-project rule reads it. */
  @Column({ type: 'timestamptz' }) lastActivityAt: Date;
  @Column({ type: 'uuid', nullable: true }) leadId: string | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;

  @ManyToOne(() => Park, { nullable: true }) @JoinColumn({ name: 'park_id' }) park?: Park;
  @ManyToOne(() => Company, { nullable: true }) @JoinColumn({ name: 'company_id' }) company?: Company;
  @ManyToOne(() => User, { nullable: true }) @JoinColumn({ name: 'owner_id' }) owner?: User;
  @ManyToOne(() => User, { nullable: true }) @JoinColumn({ name: 'leader_id' }) leader?: User;
}
