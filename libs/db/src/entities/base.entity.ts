import { CreateDateColumn, DeleteDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** id, timestamps (created_at in milliseconds, so that keyset cursors round-trip through JS dates exactly) and the optimistic `version` every mutable record carries (API.md conventions). */
export abstract class BaseRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  /** Checked explicitly (`UPDATE … WHERE version = $n`): TypeORM's save() does not. */
  @VersionColumn({ default: 1 }) version: number;
}

/** A record deleted softly: `DELETE` sets `deletedAt`, admins list and restore it. */
export abstract class SoftDeletableRecord extends BaseRecord {
  @DeleteDateColumn({ type: 'timestamptz', nullable: true }) deletedAt: Date | null;
}

/** numeric columns come back from pg as strings; amounts in 万元 and areas in 亩 are read as numbers. */
export const decimalTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
