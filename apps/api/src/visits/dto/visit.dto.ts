import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { VISIT_KINDS, type VisitKind } from '@zs/domain';
import { SoftDeletePageQueryDto } from '../../common/pagination';
import { TIMESTAMP, timestampMessage } from '../../tasks/dto/task.dto';

/** A date (`YYYY-MM-DD`, the whole day in the park's time zone) or a timestamp with offset. */
const DATE_OR_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/;
const rangeMessage = (field: string) => ({ message: `${field} 须为 YYYY-MM-DD 日期或带时区的 ISO-8601 时间 (date or timestamp)` });

export class CreateVisitDto {
  @ApiProperty({ enum: VISIT_KINDS }) @IsIn(VISIT_KINDS) kind: VisitKind;
  @ApiProperty({ format: 'date-time', description: 'when it happened; at most one day ahead of now', example: '2026-04-20T10:00:00+08:00' })
  @IsISO8601({ strict: true }, timestampMessage('occurredAt')) @Matches(TIMESTAMP, timestampMessage('occurredAt'))
  occurredAt: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) place?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'officers present: active users' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  officerIds?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'contacts present: contacts of the project’s company' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  contactIds?: string[];
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) otherParticipants?: string;
  @ApiProperty({ maxLength: 20000 }) @IsString() @MinLength(1) @MaxLength(20000) summary: string;
  @ApiPropertyOptional({ maxLength: 20000 }) @IsOptional() @IsString() @MaxLength(20000) outcome?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) nextStep?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'creates an open follow-up task for the project’s owner, due then' })
  @IsOptional() @IsISO8601({ strict: true }, timestampMessage('nextFollowUpAt')) @Matches(TIMESTAMP, timestampMessage('nextFollowUpAt'))
  nextFollowUpAt?: string;
}

export class UpdateVisitDto extends PartialType(CreateVisitDto, { skipNullProperties: false }) {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
}

export class ListProjectVisitsQueryDto extends SoftDeletePageQueryDto {
  @ApiPropertyOptional({ enum: VISIT_KINDS }) @IsOptional() @IsIn(VISIT_KINDS) kind?: VisitKind;
  @ApiPropertyOptional({ description: 'occurredAt from (a date: from its start in the park’s time zone)', example: '2026-01-01' })
  @IsOptional() @Matches(DATE_OR_TIMESTAMP, rangeMessage('from'))
  from?: string;
  @ApiPropertyOptional({ description: 'occurredAt up to (a date: to its end, inclusive)', example: '2026-12-31' })
  @IsOptional() @Matches(DATE_OR_TIMESTAMP, rangeMessage('to'))
  to?: string;
}

export class ListVisitsQueryDto extends ListProjectVisitsQueryDto {
  @ApiPropertyOptional({ description: 'the project owner: a user id, or `me`' })
  @IsOptional() @Matches(/^(me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'ownerId 须为用户 id 或 me (a user id or me)' })
  ownerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() projectId?: string;
}
