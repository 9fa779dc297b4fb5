import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength,
} from 'class-validator';
import { CHANNELS, DomainError, ErrorCode, STAGES, type Channel, type Stage } from '@zs/domain';
import { SoftDeletePageQueryDto } from '../../common/pagination';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dateMessage = (field: string) => ({ message: `${field} 须为 YYYY-MM-DD 日期 (date YYYY-MM-DD)` });
const money = () => IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false });

export class CreateProjectDto {
  @ApiProperty({ example: '年产1500吨高纯氯化锂项目' }) @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() companyId: string;
  @ApiProperty({ description: 'a key of /api/dictionaries industries', example: 'lithium_materials' }) @IsString() @MaxLength(64) industry: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel: Channel;
  @ApiPropertyOptional({ nullable: true, description: 'a key of /api/dictionaries regions', example: 'sichuan' }) @IsOptional() @IsString() @MaxLength(64) originRegion?: string;
  @ApiProperty({ description: '总投资, 万元', example: 5200 }) @money() @Min(0) totalInvestment: number;
  @ApiPropertyOptional({ nullable: true, description: '固定资产投资, 万元' }) @IsOptional() @money() @Min(0) fixedAssetInvestment?: number;
  @ApiPropertyOptional({ nullable: true, description: '注册资本, 万元' }) @IsOptional() @money() @Min(0) registeredCapital?: number;
  @ApiPropertyOptional({ nullable: true, description: '用地面积, 亩' }) @IsOptional() @money() @Min(0) landAreaMu?: number;
  @ApiPropertyOptional({ nullable: true, description: '预计年产值, 万元' }) @IsOptional() @money() @Min(0) expectedAnnualOutput?: number;
  @ApiPropertyOptional({ nullable: true, description: '预计利税, 万元' }) @IsOptional() @money() @Min(0) expectedTax?: number;
  @ApiPropertyOptional({ nullable: true, description: '新增就业' }) @IsOptional() @IsInt() @Min(0) expectedJobs?: number;
  @ApiPropertyOptional({ nullable: true, enum: ['new', 'continuing'], description: '新建 / 续建' }) @IsOptional() @IsIn(['new', 'continuing']) buildType?: 'new' | 'continuing';
  @ApiPropertyOptional({ nullable: true, example: '一期' }) @IsOptional() @IsString() @MaxLength(32) phase?: string;
  @ApiProperty({ format: 'uuid', description: '责任人' }) @IsUUID() ownerId: string;
  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: '包抓领导' }) @IsOptional() @IsUUID() leaderId?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) assistantIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() confidential?: boolean;
  @ApiPropertyOptional({ nullable: true, description: '国家项目代码' }) @IsOptional() @IsString() @MaxLength(64) projectCode?: string;
  @ApiPropertyOptional({ nullable: true, format: 'date' }) @IsOptional() @Matches(DATE, dateMessage('landDeliveredOn')) landDeliveredOn?: string;
  @ApiPropertyOptional({ nullable: true, format: 'date' }) @IsOptional() @Matches(DATE, dateMessage('constructionStartedOn')) constructionStartedOn?: string;
  @ApiPropertyOptional({ nullable: true, format: 'date' }) @IsOptional() @Matches(DATE, dateMessage('completedOn')) completedOn?: string;
  @ApiPropertyOptional({ nullable: true, format: 'date' }) @IsOptional() @Matches(DATE, dateMessage('productionStartedOn')) productionStartedOn?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'default: the creator’s park' }) @IsOptional() @IsUUID() parkId?: string;
}

/**
 * `PATCH /api/projects/:id`: the version read plus any field. An optional field sent as `null` is cleared (包抓领导,
 * region, figures, dates, codes); the fields a project cannot be without (`REQUIRED_PROJECT_FIELDS`) refuse `null`.
 */
export class UpdateProjectDto extends PartialType(OmitType(CreateProjectDto, ['parkId'] as const)) {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
}

/** What a project cannot be without: `null` for these in a PATCH is a 400 (the others are cleared by `null`). */
export const REQUIRED_PROJECT_FIELDS = ['name', 'companyId', 'industry', 'channel', 'totalInvestment', 'ownerId', 'assistantIds', 'confidential'] as const;

/** 400 with one detail per required field sent as `null` (`@IsOptional` lets `null` through, for the clearable fields). */
export function assertRequiredNotNull(dto: UpdateProjectDto): void {
  const nulls = REQUIRED_PROJECT_FIELDS.filter((field) => dto[field] === null);
  if (nulls.length) {
    throw new DomainError(ErrorCode.Validation, `${nulls.join(', ')} 不能为空 (required, cannot be cleared)`,
      nulls.map((field) => ({ field, message: `${field} 不能为空 (required, cannot be cleared)` })));
  }
}

export class TransitionDto {
  @ApiProperty({ enum: STAGES }) @IsIn(STAGES) to: Stage;
  @ApiPropertyOptional({ description: 'required for backward moves and dropped' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it happened (backdating allowed, not the future)' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, { message: 'occurredAt 须为 ISO-8601 时间 (ISO-8601 timestamp)' })
  occurredAt?: string;
}

export const PROJECT_SORTS = ['createdAt', 'nextFollowUpAt'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

export class ListProjectsQueryDto extends SoftDeletePageQueryDto {
  @ApiPropertyOptional({ description: 'substring of the project or company name (Chinese included)' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: STAGES }) @IsOptional() @IsIn(STAGES) stage?: Stage;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) industry?: string;
  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(64) originRegion?: string;
  @ApiPropertyOptional({ description: 'a user id, or `me`' }) @IsOptional() @Matches(/^(me|[0-9a-f-]{36})$/i, { message: 'ownerId 须为用户 id 或 me' }) ownerId?: string;
  @ApiPropertyOptional({ nullable: true, description: 'a user id, or `me`' }) @IsOptional() @Matches(/^(me|[0-9a-f-]{36})$/i, { message: 'leaderId 须为用户 id 或 me' }) leaderId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() companyId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'that park and its sub-areas' }) @IsOptional() @IsUUID() parkId?: string;
  @ApiPropertyOptional({ description: '万元' }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) minInvestment?: number;
  @ApiPropertyOptional({ description: '万元' }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) maxInvestment?: number;
  @ApiPropertyOptional({ description: '亿元以上 (totalInvestment ≥ 10,000 万元)' }) @IsOptional() @Transform(toBool) @IsBoolean() over100m?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() confidential?: boolean;
  @ApiPropertyOptional({
    enum: PROJECT_SORTS, default: 'createdAt',
    description: '`createdAt`: newest first; `nextFollowUpAt`: the soonest next follow-up first, projects without one last (then by id). '
      + 'The cursor belongs to its sort: a cursor of the other sort is a 400.',
  })
  @IsOptional() @IsIn(PROJECT_SORTS)
  sort?: ProjectSort;
}

/** What narrows the list, without its paging: the list's query, or the export's. */
export type ProjectFilters = Omit<ListProjectsQueryDto, 'limit' | 'cursor'>;
