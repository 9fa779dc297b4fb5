import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CHANNELS, type Channel } from '@zs/domain';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dateMessage = (field: string) => ({ message: `${field} 须为 YYYY-MM-DD 日期 (date YYYY-MM-DD)` });
const PERSON = /^(me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The filters every analytics figure takes (API.md: industry, channel, originRegion, ownerId, leaderId, parkId). */
export class AnalyticsFiltersDto {
  @ApiPropertyOptional({ description: 'an `industries` key' }) @IsOptional() @IsString() @MaxLength(64) industry?: string;
  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @ApiPropertyOptional({ description: 'a `regions` key' }) @IsOptional() @IsString() @MaxLength(64) originRegion?: string;
  @ApiPropertyOptional({ description: '责任人: a user id, or `me` (for leads: the assignee)' })
  @IsOptional() @Matches(PERSON, { message: 'ownerId 须为用户 id 或 me (a user id or me)' }) ownerId?: string;
  @ApiPropertyOptional({ description: '包抓领导: a user id, or `me` (not applied to leads, which have none)' })
  @IsOptional() @Matches(PERSON, { message: 'leaderId 须为用户 id 或 me (a user id or me)' }) leaderId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'that park and its sub-areas' }) @IsOptional() @IsUUID() parkId?: string;
}

/** A period and the filters: `year`, `month` (YYYY-MM, or 1–12 with year), or `from`/`to` (inclusive dates). Default: the current year. */
export class AnalyticsQueryDto extends AnalyticsFiltersDto {
  @ApiPropertyOptional({ example: 2026, description: 'a calendar year' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1900) @Max(9999) year?: number;
  @ApiPropertyOptional({ example: '2026-10', description: 'one month: YYYY-MM, or 1–12 together with year' })
  @IsOptional() @IsString() @Matches(/^(\d{4}-\d{2}|\d{1,2})$/, { message: 'month 须为 YYYY-MM 或 1–12 (YYYY-MM or 1–12)' }) month?: string;
  @ApiPropertyOptional({ format: 'date', description: 'first day, inclusive' }) @IsOptional() @Matches(DATE, dateMessage('from')) from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'last day, inclusive' }) @IsOptional() @Matches(DATE, dateMessage('to')) to?: string;
}

/** The dispatch list's filters. */
export class DispatchQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'that park and its sub-areas' }) @IsOptional() @IsUUID() parkId?: string;
  @ApiPropertyOptional({ description: '包抓领导: a user id, or `me`' })
  @IsOptional() @Matches(PERSON, { message: 'leaderId 须为用户 id 或 me (a user id or me)' }) leaderId?: string;
  @ApiPropertyOptional({ description: '责任人: a user id, or `me`' })
  @IsOptional() @Matches(PERSON, { message: 'ownerId 须为用户 id 或 me (a user id or me)' }) ownerId?: string;
}
