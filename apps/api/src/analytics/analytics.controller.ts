import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/auth.decorators';
import { RequestLanguage, type Language } from '../dictionaries/language';
import { AnalyticsService } from './analytics.service';
import { DispatchListView, FunnelView, KpisView } from './analytics.view';
import { AnalyticsQueryDto, DispatchQueryDto } from './dto/analytics-query.dto';

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('funnel')
  @ApiOperation({ summary: '招商漏斗 / Pipeline funnel of a period from the stage history (leads, stages, snapshot, definitions)' })
  @ApiOkResponse({ type: FunnelView })
  funnel(@CurrentActor() actor: Actor, @Query() query: AnalyticsQueryDto, @RequestLanguage() language: Language): Promise<FunnelView> {
    return this.analytics.funnel(actor, query, language);
  }

  @Get('kpis')
  @ApiOperation({ summary: '考核指标 / KPIs of a year, month or period, with breakdowns, the year before and definitions' })
  @ApiOkResponse({ type: KpisView })
  kpis(@CurrentActor() actor: Actor, @Query() query: AnalyticsQueryDto, @RequestLanguage() language: Language): Promise<KpisView> {
    return this.analytics.kpis(actor, query, language);
  }

  @Get('dispatch')
  @ApiOperation({ summary: '每周调度 / Weekly dispatch list: projects with overdue tasks, milestones, blockers or committed dates, by leader' })
  @ApiOkResponse({ type: DispatchListView })
  dispatch(@CurrentActor() actor: Actor, @Query() query: DispatchQueryDto): Promise<DispatchListView> {
    return this.analytics.dispatch(actor, query);
  }
}
