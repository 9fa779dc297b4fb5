import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { validationError } from '@zs/domain';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { CalendarYearView } from './calendar.view';
import { CalendarService } from './calendar.service';
import { CalendarQueryDto, ReplaceCalendarDto } from './dto/calendar.dto';

const yearParam = new ParseIntPipe({ exceptionFactory: () => validationError('year', 'year 须为年份数字 (must be a year)') });

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOperation({ summary: '工作日历 / The year’s holidays and 调休 days, and whether official data exists (?year=2027)' })
  @ApiOkResponse({ type: CalendarYearView })
  get(@Query() query: CalendarQueryDto): Promise<CalendarYearView> {
    return this.calendar.year(query.year);
  }

  @Put(':year')
  @Roles('admin')
  @ApiOperation({ summary: '录入年度放假安排 / Replace the year’s overrides with the State Council arrangement (admin)' })
  @ApiOkResponse({ type: CalendarYearView })
  replace(@CurrentActor() actor: Actor, @Param('year', yearParam) year: number, @Body() body: ReplaceCalendarDto): Promise<CalendarYearView> {
    return this.calendar.replace(actor, year, body);
  }
}
