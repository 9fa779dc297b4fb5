import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last sequence number handed out per year for project codes (ZS-2026-0001). */
@Entity('project_code_counters')
export class ProjectCodeCounter {
  @PrimaryColumn({ type: 'int' }) year: number;
  @Column({ type: 'int' }) last: number;
}
