import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, STAGES, type Channel, type PipelineStage, type Stage } from '@zs/domain';
import type { Project } from '@zs/db';

/** A project as the API shows it (API.md "/api/projects"). */
export class ProjectView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ZS-2026-0001' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) parkId: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) companyName: string | null;
  @ApiProperty() industry: string;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiPropertyOptional({ nullable: true, type: String }) originRegion: string | null;
  @ApiProperty({ description: '万元' }) totalInvestment: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) fixedAssetInvestment: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) registeredCapital: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) landAreaMu: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) expectedAnnualOutput: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) expectedTax: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) expectedJobs: number | null;
  @ApiPropertyOptional({ nullable: true, enum: ['new', 'continuing'] }) buildType: 'new' | 'continuing' | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phase: string | null;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) leaderId: string | null;
  @ApiProperty({ type: [String] }) assistantIds: string[];
  @ApiProperty() confidential: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) projectCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) landDeliveredOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) constructionStartedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) completedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) productionStartedOn: string | null;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ format: 'date-time' }) stageEnteredAt: Date;
  @ApiPropertyOptional({ nullable: true, enum: STAGES, description: 'the stage left for on_hold / dropped' }) previousStage: PipelineStage | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'the earliest open task’s due time' }) nextFollowUpAt: Date | null;
  @ApiProperty({ format: 'date-time' }) lastActivityAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) leadId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deletedAt: Date | null;
  @ApiProperty() version: number;
}

export class ProjectPage {
  @ApiProperty({ type: [ProjectView] }) items: ProjectView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toProjectView(p: Project): ProjectView {
  return {
    id: p.id, code: p.code, name: p.name, parkId: p.parkId, companyId: p.companyId, companyName: p.company?.name ?? null,
    industry: p.industry, channel: p.channel, originRegion: p.originRegion, totalInvestment: p.totalInvestment,
    fixedAssetInvestment: p.fixedAssetInvestment, registeredCapital: p.registeredCapital, landAreaMu: p.landAreaMu,
    expectedAnnualOutput: p.expectedAnnualOutput, expectedTax: p.expectedTax, expectedJobs: p.expectedJobs,
    buildType: p.buildType, phase: p.phase, ownerId: p.ownerId, leaderId: p.leaderId, assistantIds: p.assistantIds,
    confidential: p.confidential, projectCode: p.projectCode, landDeliveredOn: p.landDeliveredOn,
    constructionStartedOn: p.constructionStartedOn, completedOn: p.completedOn, productionStartedOn: p.productionStartedOn,
    stage: p.stage, stageEnteredAt: p.stageEnteredAt, previousStage: p.previousStage, nextFollowUpAt: p.nextFollowUpAt,
    lastActivityAt: p.lastActivityAt, leadId: p.leadId, createdAt: p.createdAt, updatedAt: p.updatedAt, deletedAt: p.deletedAt,
    version: p.version,
  };
}

class PersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class StageHistoryEntry {
  @ApiPropertyOptional({ nullable: true, enum: STAGES }) from: Stage | null;
  @ApiProperty({ enum: STAGES }) to: Stage;
  @ApiProperty({ format: 'date-time' }) at: Date;
  @ApiPropertyOptional({ nullable: true, type: PersonRef }) by: PersonRef | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
}

export class FieldHistoryEntry {
  @ApiProperty() field: string;
  @ApiPropertyOptional({ nullable: true, description: 'the value before' }) from: unknown;
  @ApiPropertyOptional({ nullable: true, description: 'the value after' }) to: unknown;
  @ApiProperty({ format: 'date-time' }) at: Date;
  @ApiPropertyOptional({ nullable: true, type: PersonRef }) by: PersonRef | null;
}

export class ProjectHistory {
  @ApiProperty({ type: [StageHistoryEntry] }) stages: StageHistoryEntry[];
  @ApiProperty({ type: [FieldHistoryEntry] }) changes: FieldHistoryEntry[];
}
