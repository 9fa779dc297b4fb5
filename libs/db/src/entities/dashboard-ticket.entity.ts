import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A one-time ticket into the queue dashboard (`/admin/queues?ticket=…`), issued to an admin by
 * `POST /api/admin/queues/session` and exchanged once, within a minute, for a short-lived cookie.
 * Only the SHA-256 of the ticket is stored.
 */
@Entity('dashboard_tickets')
export class DashboardTicket {
  @PrimaryColumn({ type: 'varchar', length: 64 }) tokenHash: string;
  @Column({ type: 'uuid' }) userId: string;
  @Index() @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
