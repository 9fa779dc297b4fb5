import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Company } from './company.entity';
import { SoftDeletableRecord } from './base.entity';

/** 联系人 of a company. `mobileNorm` holds digits only (no +86) for the duplicate check. */
@Entity('contacts')
@Index(['companyId', 'createdAt', 'id'])
export class Contact extends SoftDeletableRecord {
  @Column({ type: 'uuid' }) companyId: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) title: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) mobile: string | null;
  @Index() @Column({ type: 'varchar', length: 32, nullable: true }) mobileNorm: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) email: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) wechat: string | null;
  @Column({ type: 'boolean', default: false }) primary: boolean;

  @ManyToOne(() => Company, { nullable: true }) @JoinColumn({ name: 'company_id' }) company?: Company;
}
