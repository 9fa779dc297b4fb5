import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDateString, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class CalendarDayDto {
  @ApiProperty({ example: '2027-10-01' })
  @IsDateString({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date 须为 YYYY-MM-DD' })
  date: string;

  @ApiPropertyOptional({ example: '国庆节', maxLength: 50 }) @IsOptional() @IsString() @MaxLength(50) name?: string;
}

/** The year's arrangement as the State Council publishes it: every day off, and every weekend day worked (调休). */
export class ReplaceCalendarDto {
  @ApiProperty({ type: [CalendarDayDto], description: 'days off (法定节假日，含调休放假的工作日)' })
  @IsArray() @ArrayMaxSize(366) @ValidateNested({ each: true }) @Type(() => CalendarDayDto)
  holidays: CalendarDayDto[];

  @ApiProperty({ type: [CalendarDayDto], description: 'weekend days worked (调休上班)' })
  @IsArray() @ArrayMaxSize(366) @ValidateNested({ each: true }) @Type(() => CalendarDayDto)
  workdays: CalendarDayDto[];
}

export class CalendarQueryDto {
  @ApiPropertyOptional({ example: 2027, description: 'default: the current year (park time zone)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;
}
