import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CalendarDayView {
  @ApiProperty({ example: '2027-10-01' }) date: string;
  @ApiProperty({ enum: ['holiday', 'workday'], description: 'holiday: a day off (法定节假日); workday: a weekend day worked (调休上班)' }) kind: 'holiday' | 'workday';
  @ApiPropertyOptional({ nullable: true, type: String, example: '国庆节' }) name: string | null;
  @ApiProperty({ enum: ['official', 'override'], description: 'official: the State Council arrangement (chinese-days); override: entered by an admin' }) source: 'official' | 'override';
}

/** A year of the working-day calendar: its holidays and 调休 days, and whether its official arrangement is known. */
export class CalendarYearView {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ description: 'false: neither the calendar package nor an admin has this year’s arrangement; Monday–Friday are counted as working days' }) hasOfficialData: boolean;
  @ApiProperty({ description: 'the `chinese-days` package holds this year' }) packageData: boolean;
  @ApiProperty({ description: 'days an admin entered for this year' }) overrideCount: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'set when the year has no official data' }) warning: string | null;
  @ApiProperty({ type: [CalendarDayView], description: 'holidays and make-up working days, in date order (ordinary weekdays and weekends are not listed)' }) days: CalendarDayView[];
}

/** The reminder engine counts working days in these years now; a year without data is a warning. */
export class CalendarWarningView {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty() message: string;
}
