import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { MILESTONE_STATUSES, type MilestoneStatus } from '@zs/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (field: string) => ({ message: `${field} 须为 YYYY-MM-DD 日期 (date YYYY-MM-DD)` });

/** Steps come from the standard list: only their progress changes (`not_needed` instead of deleting). */
export class UpdateMilestoneDto {
  @ApiPropertyOptional({ enum: MILESTONE_STATUSES, description: '`done` without doneOn sets doneOn to today (park time zone)' })
  @ValidateIf((_, value) => value !== undefined) @IsIn(MILESTONE_STATUSES)
  status?: MilestoneStatus;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional() @IsDateString({ strict: true }, dateMessage('dueOn')) @Matches(DATE, dateMessage('dueOn'))
  dueOn?: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'only with status done; not in the future' })
  @IsOptional() @IsDateString({ strict: true }, dateMessage('doneOn')) @Matches(DATE, dateMessage('doneOn'))
  doneOn?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'an active user of the project’s park' })
  @IsOptional() @IsUUID()
  ownerId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) note?: string | null;
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
}
