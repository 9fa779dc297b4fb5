import { Column, Entity, Index } from 'typeorm';
import { SoftDeletableRecord } from './base.entity';

/** bureau → park → 片区. `path` is the chain of ancestor ids ("/root/…/self/"), so a subtree is one prefix match. */
@Entity('parks')
export class Park extends SoftDeletableRecord {
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Index() @Column({ type: 'uuid', nullable: true }) parentId: string | null;
  @Index() @Column({ type: 'text' }) path: string;
}
