import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Park } from './park.entity';
import { BaseRecord } from './base.entity';
import type { Role } from '@zs/domain';

@Entity('users')
export class User extends BaseRecord {
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) username: string;
  @Column({ type: 'varchar', length: 200, select: false }) passwordHash: string;
  @Column({ type: 'varchar', length: 100 }) displayName: string;
  @Index() @Column({ type: 'varchar', length: 16 }) role: Role;
  @Column({ type: 'varchar', length: 200, nullable: true }) email: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) mobile: string | null;
  @Column({ type: 'uuid', nullable: true }) managerId: string | null;
  @Index() @Column({ type: 'uuid' }) parkId: string;
  @Column({ type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastLoginAt: Date | null;

  @ManyToOne(() => Park, { nullable: true }) @JoinColumn({ name: 'park_id' }) park?: Park;
}
