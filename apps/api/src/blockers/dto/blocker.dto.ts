import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { BLOCKER_CATEGORIES, type BlockerCategory } from '@zs/domain';
import { SoftDeletePageQueryDto } from '../../common/pagination';
import { TIMESTAMP, timestampMessage } from '../../tasks/dto/task.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (field: string) => ({ message: `${field} 须为 YYYY-MM-DD 日期 (date YYYY-MM-DD)` });

export const BLOCKER_STATUSES = ['open', 'overdue', 'resolved'] as const;
export type BlockerStatus = (typeof BLOCKER_STATUSES)[number];

export class CreateBlockerDto {
  @ApiProperty({ enum: BLOCKER_CATEGORIES, description: 'GET /api/blockers/categories labels them' }) @IsIn(BLOCKER_CATEGORIES) category: BlockerCategory;
  @ApiProperty({ maxLength: 5000, example: '电力配套不到位，变压器未安装' }) @IsString() @MinLength(1) @MaxLength(5000) description: string;
  @ApiProperty({ format: 'uuid', description: 'who chases it: an active user of the project’s park' }) @IsUUID() ownerId: string;
  @ApiProperty({ format: 'date', example: '2026-06-30' })
  @IsDateString({ strict: true }, dateMessage('dueOn')) @Matches(DATE, dateMessage('dueOn'))
  dueOn: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it was resolved (not in the future); needs a resolution' })
  @IsOptional() @IsISO8601({ strict: true }, timestampMessage('resolvedAt')) @Matches(TIMESTAMP, timestampMessage('resolvedAt'))
  resolvedAt?: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(5000) resolution?: string;
}

export class UpdateBlockerDto extends PartialType(CreateBlockerDto, { skipNullProperties: false }) {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
}

export class ResolveBlockerDto {
  @ApiProperty({ maxLength: 5000, example: '供电公司已完成线路改造' }) @IsString() @MinLength(1) @MaxLength(5000) resolution: string;
}

export class ListBlockersQueryDto extends SoftDeletePageQueryDto {
  @ApiPropertyOptional({ enum: BLOCKER_STATUSES, description: '`overdue` = unresolved and past dueOn (park time zone)' })
  @IsOptional() @IsIn(BLOCKER_STATUSES)
  status?: BlockerStatus;
  @ApiPropertyOptional({ enum: BLOCKER_CATEGORIES }) @IsOptional() @IsIn(BLOCKER_CATEGORIES) category?: BlockerCategory;
  @ApiPropertyOptional({ description: 'a user id, or `me`' })
  @IsOptional() @Matches(/^(me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'ownerId 须为用户 id 或 me (a user id or me)' })
  ownerId?: string;
}
