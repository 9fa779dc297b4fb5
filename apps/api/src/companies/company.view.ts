import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Company, Project } from '@zs/db';
import { STAGES, type Stage } from '@zs/domain';
import { ContactView } from './contact.view';

export class CompanyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) parkId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: '统一社会信用代码' }) creditCode: string | null;
  @ApiProperty({ example: 'CN' }) country: string;
  @ApiPropertyOptional({ nullable: true, type: String }) province: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) city: string | null;
  @ApiProperty({ description: 'an `industries` key' }) industry: string;
  @ApiPropertyOptional({ nullable: true, type: String }) size: string | null;
  @ApiProperty() listed: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) website: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '万元' }) registeredCapital: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) createdById: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deletedAt: Date | null;
}

export class CompanyProjectSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ZS-2026-0001' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ description: '万元' }) totalInvestment: number;
}

/** One company with its live contacts (primary first) and the live projects the caller may see. */
export class CompanyDetailView extends CompanyView {
  @ApiProperty({ type: [ContactView] }) contacts: ContactView[];
  @ApiProperty({ type: [CompanyProjectSummary] }) projects: CompanyProjectSummary[];
}

export class CompanyPage {
  @ApiProperty({ type: [CompanyView] }) items: CompanyView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toCompanyView(company: Company): CompanyView {
  return {
    id: company.id,
    parkId: company.parkId,
    name: company.name,
    creditCode: company.creditCode,
    country: company.country,
    province: company.province,
    city: company.city,
    industry: company.industry,
    size: company.size,
    listed: company.listed,
    website: company.website,
    registeredCapital: company.registeredCapital,
    createdById: company.createdById,
    createdAt: company.createdAt,
    updatedAt: company.updatedAt,
    version: company.version,
    deletedAt: company.deletedAt,
  };
}

export function toCompanyProjectSummary(project: Pick<Project, 'id' | 'code' | 'name' | 'stage' | 'totalInvestment'>): CompanyProjectSummary {
  return { id: project.id, code: project.code, name: project.name, stage: project.stage, totalInvestment: project.totalInvestment };
}
