import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from './base.entity';

export type DictionaryKind = 'industries' | 'channels' | 'regions';

/** Editable dictionaries (industries, channels, regions), seeded by a migration; retired entries stay for history. */
@Entity('dictionary_entries')
@Index(['kind', 'key'], { unique: true })
export class DictionaryEntry extends BaseRecord {
  @Column({ type: 'varchar', length: 32 }) kind: DictionaryKind;
  @Column({ type: 'varchar', length: 64 }) key: string;
  @Column({ type: 'varchar', length: 100 }) labelZh: string;
  @Column({ type: 'varchar', length: 100 }) labelEn: string;
  @Column({ type: 'int', default: 0 }) sortOrder: number;
  @Column({ type: 'timestamptz', nullable: true }) retiredAt: Date | null;
}
