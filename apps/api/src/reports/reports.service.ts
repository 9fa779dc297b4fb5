import { Injectable } from '@nestjs/common';
import { briefingPeriod, briefingText } from '@zs/domain';
import type { Actor } from '../common/actor';
import type { Language } from '../dictionaries/language';
import { AnalyticsService } from '../analytics/analytics.service';
import type { BriefingView } from './briefing.view';
import type { BriefingQueryDto } from './dto/briefing-query.dto';

/** Reports written from the analytics figures: the 工作简报 paragraph. */
@Injectable()
export class ReportsService {
  constructor(private readonly analytics: AnalyticsService) {}

  /**
   * The briefing of `period` (a year, or the year to the end of a month), written from exactly the KPI
   * figures of that period, with the same visibility and filters as the KPIs.
   */
  async briefing(actor: Actor, query: BriefingQueryDto, language: Language): Promise<BriefingView> {
    const today = this.analytics.today();
    const period = briefingPeriod(query.period ?? today.slice(0, 4));
    const { period: _period, ...filters } = query;
    const figures = await this.analytics.kpiFigures(actor, filters, period);
    const text = briefingText(figures, { language, period, current: today <= period.to });
    return { period: period.key, language: language === 'en' ? 'en' : 'zh-CN', text, figures: { ...figures, period: { from: period.from, to: period.to } } };
  }
}
