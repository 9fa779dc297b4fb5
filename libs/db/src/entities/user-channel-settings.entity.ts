import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A user's own choice of reminder channels (`/api/me/channels`); no row = the defaults (email on). */
@Entity('user_channel_settings')
export class UserChannelSettings {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @Column({ type: 'boolean', default: true }) emailEnabled: boolean;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn({ default: 1 }) version: number;
}
