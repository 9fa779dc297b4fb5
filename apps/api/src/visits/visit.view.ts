import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VISIT_KINDS, type VisitKind } from '@zs/domain';
import type { Visit } from '@zs/db';

/** A visit or interaction (走访/洽谈记录) as the API shows it. */
export class VisitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) projectName: string | null;
  @ApiProperty({ enum: VISIT_KINDS }) kind: VisitKind;
  @ApiProperty({ format: 'date-time' }) occurredAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String }) place: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) officerIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) contactIds: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) otherParticipants: string | null;
  @ApiProperty() summary: string;
  @ApiPropertyOptional({ nullable: true, type: String }) outcome: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) nextStep: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) nextFollowUpAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) createdById: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deletedAt: Date | null;
  @ApiProperty() version: number;
}

export class VisitPage {
  @ApiProperty({ type: [VisitView] }) items: VisitView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toVisitView(v: Visit): VisitView {
  return {
    id: v.id,
    projectId: v.projectId,
    projectName: v.project?.name ?? null,
    kind: v.kind,
    occurredAt: v.occurredAt,
    place: v.place,
    officerIds: v.officerIds,
    contactIds: v.contactIds,
    otherParticipants: v.otherParticipants,
    summary: v.summary,
    outcome: v.outcome,
    nextStep: v.nextStep,
    nextFollowUpAt: v.nextFollowUpAt,
    createdById: v.createdById,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    deletedAt: v.deletedAt,
    version: v.version,
  };
}
