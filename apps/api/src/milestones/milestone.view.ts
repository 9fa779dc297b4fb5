import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MILESTONE_KEYS, MILESTONE_LABELS, MILESTONE_STATUSES, type Language, type MilestoneKey, type MilestoneStatus } from '@zs/domain';
import type { Milestone } from '@zs/db';

/** One permit-chain (前期手续) step as the API shows it, labelled in the request's language. */
export class MilestoneView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ enum: MILESTONE_KEYS }) key: MilestoneKey;
  @ApiProperty({ description: 'in the request’s language (Accept-Language)' }) label: string;
  @ApiProperty() sortOrder: number;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status: MilestoneStatus;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) dueOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) doneOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) ownerId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: 'pending or in progress and past dueOn (park time zone)' }) overdue: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiProperty() version: number;
}

export class MilestoneList {
  @ApiProperty({ type: [MilestoneView], description: 'every step of the chain, in order' }) items: MilestoneView[];
  @ApiProperty({ nullable: true, type: String, description: 'always null: the chain is one page' }) nextCursor: string | null;
}

export function toMilestoneView(m: Milestone, language: Language, today: string): MilestoneView {
  return {
    id: m.id,
    projectId: m.projectId,
    key: m.key,
    label: MILESTONE_LABELS[m.key]?.[language] ?? m.key,
    sortOrder: m.sortOrder,
    status: m.status,
    dueOn: m.dueOn,
    doneOn: m.doneOn,
    ownerId: m.ownerId,
    note: m.note,
    overdue: (m.status === 'pending' || m.status === 'in_progress') && m.dueOn !== null && m.dueOn < today,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    version: m.version,
  };
}
