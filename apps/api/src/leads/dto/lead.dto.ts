import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsDateString, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateIf,
} from 'class-validator';
import { CHANNELS, LEAD_STATUSES, type Channel, type LeadStatus } from '@zs/domain';
import { SoftDeletePageQueryDto } from '../../common/pagination';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateOnly = (field: string) => [
  IsDateString({ strict: true }, { message: `${field} 须为真实的 YYYY-MM-DD 日期 (a real date YYYY-MM-DD)` }),
  Matches(DATE, { message: `${field} 须为 YYYY-MM-DD 日期 (date YYYY-MM-DD)` }),
];
const DateOnly = (field: string): PropertyDecorator => (target, key) => dateOnly(field).forEach((d) => d(target, key));
const USER_REF = /^(me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** `POST /api/leads`: a tip as whoever heard of it logs it (API.md "/api/leads"). */
export class CreateLeadDto {
  @ApiProperty({ example: '年产1500吨高纯氯化锂项目' }) @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiProperty({ example: '天齐锂业股份有限公司' }) @IsString() @MinLength(1) @MaxLength(200) companyName: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'a known company (客商) this lead is about' }) @IsOptional() @IsUUID() companyId?: string;
  @ApiPropertyOptional({ description: '统一社会信用代码 (18 characters, check character verified)', example: '91510900MA62L0XJ2A' })
  @IsOptional() @IsString() @MaxLength(32)
  creditCode?: string;
  @ApiPropertyOptional({ example: '张明' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) contactName?: string;
  @ApiPropertyOptional({ example: '138 0000 0000' })
  @IsOptional() @IsString() @Matches(/^\+?[0-9 ()-]{5,24}$/, { message: 'contactMobile 须为电话号码 (a phone number)' })
  contactMobile?: string;
  @ApiProperty({ description: 'a key of /api/dictionaries industries', example: 'lithium_materials' }) @IsString() @MaxLength(64) industry: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel: Channel;
  @ApiPropertyOptional({ description: '推荐人 / 信息来源' }) @IsOptional() @IsString() @MaxLength(200) referrer?: string;
  @ApiPropertyOptional({ description: 'a key of /api/dictionaries regions', example: 'sichuan' }) @IsOptional() @IsString() @MaxLength(64) originRegion?: string;
  @ApiPropertyOptional({ description: '预计投资, 万元', example: 5200 })
  @IsOptional() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0)
  estimatedInvestment?: number;
  @ApiProperty({ description: '线索摘要' }) @IsString() @MinLength(1) @MaxLength(5000) summary: string;
  @ApiProperty({ format: 'date', example: '2026-03-05', description: 'the day the tip came in (not in the future)' }) @DateOnly('receivedOn') receivedOn: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'officers and leaders may only name themselves; a lead with an assignee is `assigned`' })
  @IsOptional() @IsUUID()
  assigneeId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the park the lead belongs to (who may see and screen it): default the caller’s park; a park in the caller’s subtree, so that a bureau manager can log a lead for a park’s officers' })
  @IsOptional() @IsUUID()
  parkId?: string;
}

/** `PATCH /api/leads/:id`: the version read plus any field; the assignee changes through `POST …/assign`, the park not at all. */
export class UpdateLeadDto extends PartialType(OmitType(CreateLeadDto, ['assigneeId', 'parkId'] as const)) {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
}

export class ListLeadsQueryDto extends SoftDeletePageQueryDto {
  @ApiPropertyOptional({ description: 'substring of the title or company name (Chinese included)' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: LEAD_STATUSES }) @IsOptional() @IsIn(LEAD_STATUSES) status?: LeadStatus;
  @ApiPropertyOptional({ description: 'a user id, or `me`' }) @IsOptional() @Matches(USER_REF, { message: 'assigneeId 须为用户 id 或 me' }) assigneeId?: string;
  @ApiPropertyOptional({ description: 'a user id, or `me`' }) @IsOptional() @Matches(USER_REF, { message: 'reportedById 须为用户 id 或 me' }) reportedById?: string;
  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @ApiPropertyOptional({ description: 'an industries key' }) @IsOptional() @IsString() @MaxLength(64) industry?: string;
  @ApiPropertyOptional({ format: 'date', description: 'receivedOn on or after' }) @IsOptional() @DateOnly('receivedFrom') receivedFrom?: string;
  @ApiPropertyOptional({ format: 'date', description: 'receivedOn on or before' }) @IsOptional() @DateOnly('receivedTo') receivedTo?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'that park and its sub-areas' }) @IsOptional() @IsUUID() parkId?: string;
}

/** `POST /api/leads/:id/assign` (managers). */
export class AssignLeadDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() assigneeId: string;
}

export const SCREENING_DECISIONS = ['pursue', 'reject'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

/** `POST /api/leads/:id/screen`: 研判意见 and the decision; a rejection needs its reason in `note`. */
export class ScreenLeadDto {
  @ApiProperty({ description: '研判意见: industry fit, investment intensity, environment, energy …' })
  @IsString() @Matches(/\S/, { message: 'opinion 不能为空 (required)' }) @MaxLength(5000)
  opinion: string;

  @ApiProperty({ enum: SCREENING_DECISIONS }) @IsIn(SCREENING_DECISIONS) decision: ScreeningDecision;

  @ApiPropertyOptional({ description: 'required when decision is reject: the reason' })
  @ValidateIf((o: ScreenLeadDto) => o.decision === 'reject' || o.note !== undefined)
  @IsString({ message: 'note 须为文本 (text)' })
  @Matches(/\S/, { message: 'note 必填：驳回线索须说明理由 (a rejection needs a note)' })
  @MaxLength(2000)
  note?: string;
}
