import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AnalyticsFiltersDto } from '../../analytics/dto/analytics-query.dto';

export class BriefingQueryDto extends AnalyticsFiltersDto {
  @ApiPropertyOptional({ example: '2026-10', description: '`2026` (the year) or `2026-10` (the year to the end of that month); default: the current year' })
  @IsOptional() @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'period 须为 YYYY 或 YYYY-MM (e.g. 2026 or 2026-10)' })
  period?: string;
}
