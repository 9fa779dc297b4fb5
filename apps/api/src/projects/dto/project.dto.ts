import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength,
} from 'class-validator';
import { CHANNELS, STAGES, type Channel, type Stage } from '@zs/domain';
import { SoftDeletePageQueryDto } from '../../common/pagination';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dateMessage = (field: string) => ({ message: `${field} 须为 YYYY-MM-DD 日期 (date YYYY-MM-DD)` });
const money = () => IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false });

export class CreateProjectDto {
  @ApiProperty({ example: '年产1500吨高纯氯化锂项目' }) @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() companyId: string;
  @ApiProperty({ description: 'a key of /api/dictionaries industries', example: 'lithium_materials' }) @IsString() @MaxLength(64) industry: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel: Channel;
  @ApiPropertyOptional({ description: 'a key of /api/dictionaries regions', example: 'sichuan' }) @IsOptional() @IsString() @MaxLength(64) originRegion?: string;
  @ApiProperty({ description: '总投资, 万元', example: 5200 }) @money() @Min(0) totalInvestment: number;
  @ApiPropertyOptional({ description: '固定资产投资, 万元' }) @IsOptional() @money() @Min(0) fixedAssetInvestment?: number;
  @ApiPropertyOptional({ description: '注册资本, 万元' }) @IsOptional() @money() @Min(0) registeredCapital?: number;
  @ApiPropertyOptional({ description: '用地面积, 亩' }) @IsOptional() @money() @Min(0) landAreaMu?: number;
  @ApiPropertyOptional({ description: '预计年产值, 万元' }) @IsOptional() @money() @Min(0) expectedAnnualOutput?: number;
  @ApiPropertyOptional({ description: '预计利税, 万元' }) @IsOptional() @money() @Min(0) expectedTax?: number;
  @ApiPropertyOptional({ description: '新增就业' }) @IsOptional() @IsInt() @Min(0) expectedJobs?: number;
  @ApiPropertyOptional({ enum: ['new', 'continuing'], description: '新建 / 续建' }) @IsOptional() @IsIn(['new', 'continuing']) buildType?: 'new' | 'continuing';
  @ApiPropertyOptional({ example: '一期' }) @IsOptional() @IsString() @MaxLength(32) phase?: string;
  @ApiProperty({ format: 'uuid', description: '责任人' }) @IsUUID() ownerId: string;
  @ApiPropertyOptional({ format: 'uuid', description: '包抓领导' }) @IsOptional() @IsUUID() leaderId?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) assistantIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() confidential?: boolean;
  @ApiPropertyOptional({ description: '国家项目代码' }) @IsOptional() @IsString() @MaxLength(64) projectCode?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Matches(DATE, dateMessage('landDeliveredOn')) landDeliveredOn?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Matches(DATE, dateMessage('constructionStartedOn')) constructionStartedOn?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Matches(DATE, dateMessage('completedOn')) completedOn?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Matches(DATE, dateMessage('productionStartedOn')) productionStartedOn?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'default: the creator’s park' }) @IsOptional() @IsUUID() parkId?: string;
}

export class UpdateProjectDto extends PartialType(OmitType(CreateProjectDto, ['parkId'] as const)) {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
}

export class TransitionDto {
  @ApiProperty({ enum: STAGES }) @IsIn(STAGES) to: Stage;
  @ApiPropertyOptional({ description: 'required for backward moves and dropped' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it happened (backdating allowed, not the future)' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, { message: 'occurredAt 须为 ISO-8601 时间 (ISO-8601 timestamp)' })
  occurredAt?: string;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

export class ListProjectsQueryDto extends SoftDeletePageQueryDto {
  @ApiPropertyOptional({ description: 'substring of the project or company name (Chinese included)' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: STAGES }) @IsOptional() @IsIn(STAGES) stage?: Stage;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) industry?: string;
  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) originRegion?: string;
  @ApiPropertyOptional({ description: 'a user id, or `me`' }) @IsOptional() @Matches(/^(me|[0-9a-f-]{36})$/i, { message: 'ownerId 须为用户 id 或 me' }) ownerId?: string;
  @ApiPropertyOptional({ description: 'a user id, or `me`' }) @IsOptional() @Matches(/^(me|[0-9a-f-]{36})$/i, { message: 'leaderId 须为用户 id 或 me' }) leaderId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() companyId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'that park and its sub-areas' }) @IsOptional() @IsUUID() parkId?: string;
  @ApiPropertyOptional({ description: '万元' }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) minInvestment?: number;
  @ApiPropertyOptional({ description: '万元' }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) maxInvestment?: number;
  @ApiPropertyOptional({ description: '亿元以上 (totalInvestment ≥ 10,000 万元)' }) @IsOptional() @Transform(toBool) @IsBoolean() over100m?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() confidential?: boolean;
}
