import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { SoftDeletePageQueryDto } from '../../common/pagination';

/** ISO-8601 timestamps with an offset (API.md): `2026-05-01T09:30:00+08:00`, `…Z`. */
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
export const timestampMessage = (field: string) => ({ message: `${field} 须为带时区的 ISO-8601 时间 (ISO-8601 timestamp with offset)` });

export const TASK_STATUSES = ['open', 'overdue', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_SORTS = ['createdAt', 'dueAt'] as const;

export class CreateTaskDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() projectId: string;
  @ApiProperty({ example: '跟进：报送开工计划', maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiProperty({ format: 'date-time', example: '2026-05-08T09:00:00+08:00' })
  @IsISO8601({ strict: true }, timestampMessage('dueAt')) @Matches(TIMESTAMP, timestampMessage('dueAt'))
  dueAt: string;
  @ApiProperty({ format: 'uuid', description: 'an active user of the project’s park' }) @IsUUID() assigneeId: string;
}

export class UpdateTaskDto extends PartialType(OmitType(CreateTaskDto, ['projectId'] as const), { skipNullProperties: false }) {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
}

export class ListTasksQueryDto extends SoftDeletePageQueryDto {
  @ApiPropertyOptional({ description: 'a user id, or `me`' })
  @IsOptional() @Matches(/^(me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'assigneeId 须为用户 id 或 me (a user id or me)' })
  assigneeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() projectId?: string;
  @ApiPropertyOptional({ enum: TASK_STATUSES, description: '`overdue` = open and past dueAt' }) @IsOptional() @IsIn(TASK_STATUSES) status?: TaskStatus;
  @ApiPropertyOptional({ enum: TASK_SORTS, default: 'createdAt', description: '`createdAt`: newest first; `dueAt`: earliest due first' })
  @IsOptional() @IsIn(TASK_SORTS)
  sort?: (typeof TASK_SORTS)[number];
}
