import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, DUPLICATE_REASONS, LEAD_STATUSES, type Channel, type DuplicateReason, type LeadStatus } from '@zs/domain';
import type { Lead } from '@zs/db';

/** A lead (招商线索) as the API shows it (API.md "/api/leads"). */
export class LeadView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) parkId: string;
  @ApiProperty() title: string;
  @ApiProperty() companyName: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) companyId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) creditCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactMobile: string | null;
  @ApiProperty() industry: string;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiPropertyOptional({ nullable: true, type: String }) referrer: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) originRegion: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '万元' }) estimatedInvestment: number | null;
  @ApiProperty() summary: string;
  @ApiProperty({ format: 'date' }) receivedOn: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) assigneeId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) assignedAt: Date | null;
  @ApiProperty({ enum: LEAD_STATUSES, description: 'read-only' }) status: LeadStatus;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'read-only: screening due (working days after assignment)' })
  screeningDueOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) screenedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: '研判意见' }) screeningOpinion: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the screening note (the reason of a rejection)' }) screeningNote: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'read-only: the project it was converted into' }) projectId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) convertedAt: Date | null;
  @ApiProperty({ format: 'uuid', description: 'read-only: who logged it' }) reportedById: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deletedAt: Date | null;
  @ApiProperty() version: number;
}

export class LeadPage {
  @ApiProperty({ type: [LeadView] }) items: LeadView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export const DUPLICATE_KINDS = ['lead', 'company', 'project'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

export class LeadDuplicate {
  @ApiProperty({ enum: DUPLICATE_KINDS }) kind: DuplicateKind;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'the lead’s title, the company’s or the project’s name' }) name: string;
  @ApiProperty({ enum: DUPLICATE_REASONS, isArray: true }) reasons: DuplicateReason[];
}

export class LeadDuplicates {
  @ApiProperty({ type: [LeadDuplicate], description: 'at most 20, strongest (most reasons) first' }) items: LeadDuplicate[];
}

export function toLeadView(l: Lead): LeadView {
  return {
    id: l.id, parkId: l.parkId, title: l.title, companyName: l.companyName, companyId: l.companyId, creditCode: l.creditCode,
    contactName: l.contactName, contactMobile: l.contactMobile, industry: l.industry, channel: l.channel, referrer: l.referrer,
    originRegion: l.originRegion, estimatedInvestment: l.estimatedInvestment, summary: l.summary, receivedOn: l.receivedOn,
    assigneeId: l.assigneeId, assignedAt: l.assignedAt, status: l.status, screeningDueOn: l.screeningDueOn, screenedAt: l.screenedAt,
    screeningOpinion: l.screeningOpinion, screeningNote: l.screeningNote, projectId: l.projectId, convertedAt: l.convertedAt,
    reportedById: l.reportedById, createdAt: l.createdAt, updatedAt: l.updatedAt, deletedAt: l.deletedAt, version: l.version,
  };
}
