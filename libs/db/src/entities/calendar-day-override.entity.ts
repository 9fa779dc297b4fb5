import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An admin's entry in the working-day calendar (`PUT /api/calendar/:year`): the State Council's arrangement
 * for a year the `chinese-days` package does not hold yet, or a local day off. Overrides the package's data.
 */
@Entity('calendar_overrides')
export class CalendarDayOverride {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index({ unique: true }) @Column({ type: 'date' }) date: string;
  @Column({ type: 'varchar', length: 10 }) kind: 'holiday' | 'workday';
  @Column({ type: 'varchar', length: 50, nullable: true }) name: string | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
