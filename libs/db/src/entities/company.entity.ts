import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Park } from './park.entity';
import { decimalTransformer, SoftDeletableRecord } from './base.entity';

/** 客商/企业. `nameNorm` and `nameBigrams` serve the duplicate check and the `q` search (GIN index). */
@Entity('companies')
@Index('IDX_companies_credit_code_live', ['creditCode'], { unique: true, where: 'deleted_at IS NULL AND credit_code IS NOT NULL' })
/** GIN indexes (name bigrams for `q`, trigrams for similar names) are created by hand in the migration. */
@Index('IDX_companies_name_bigrams', { synchronize: false })
@Index('IDX_companies_name_norm_trgm', { synchronize: false })
@Index(['parkId', 'createdAt', 'id'])
/** Keyset lists across several parks, and by industry / country (migration ListKeysetIndexes). */
@Index('IDX_companies_created_at_id', ['createdAt', 'id'])
@Index('IDX_companies_industry_created_at_id', ['industry', 'createdAt', 'id'])
@Index('IDX_companies_country_created_at_id', ['country', 'createdAt', 'id'])
export class Company extends SoftDeletableRecord {
  @Column({ type: 'uuid' }) parkId: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Index() @Column({ type: 'varchar', length: 200 }) nameNorm: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) nameBigrams: string[];
  /** 统一社会信用代码, unique among live companies (partial unique index in the migration). */
  @Column({ type: 'varchar', length: 18, nullable: true }) creditCode: string | null;
  @Column({ type: 'char', length: 2 }) country: string;
  @Column({ type: 'varchar', length: 50, nullable: true }) province: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) city: string | null;
  @Column({ type: 'varchar', length: 64 }) industry: string;
  @Column({ type: 'varchar', length: 32, nullable: true }) size: string | null;
  @Column({ type: 'boolean', default: false }) listed: boolean;
  @Column({ type: 'varchar', length: 300, nullable: true }) website: string | null;
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: decimalTransformer }) registeredCapital: number | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;

  @ManyToOne(() => Park, { nullable: true }) @JoinColumn({ name: 'park_id' }) park?: Park;
}
