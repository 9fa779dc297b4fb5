import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/auth.decorators';
import { RequestLanguage, type Language } from '../dictionaries/language';
import { BriefingView } from './briefing.view';
import { BriefingQueryDto } from './dto/briefing-query.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('briefing')
  @ApiOperation({ summary: '工作简报 / The briefing paragraph of a year or of the year to a month’s end (Accept-Language: en for English)' })
  @ApiOkResponse({ type: BriefingView })
  briefing(@CurrentActor() actor: Actor, @Query() query: BriefingQueryDto, @RequestLanguage() language: Language): Promise<BriefingView> {
    return this.reports.briefing(actor, query, language);
  }
}
