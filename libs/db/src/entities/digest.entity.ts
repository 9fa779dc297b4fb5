import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A digest decided for one recipient and period: the daily digest (`daily`, period = the working day) and
 * the weekly dispatch list (`weekly`, period = that week's Monday). The unique key makes it once per
 * recipient and period, however many workers run the schedule; an empty digest is recorded and not sent.
 */
@Entity('digests')
@Index(['kind', 'recipientId', 'period'], { unique: true })
export class Digest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 16 }) kind: 'daily' | 'weekly';
  @Column({ type: 'uuid' }) recipientId: string;
  @Column({ type: 'date' }) period: string;
  /** Overdue or due items it lists (0: nothing to send). */
  @Column({ type: 'int' }) itemCount: number;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
