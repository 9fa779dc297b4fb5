import { ApiProperty } from '@nestjs/swagger';
import { PeriodFiguresView } from '../analytics/analytics.view';

/** 工作简报: the paragraph of figures, and the KPI figures it was written from. */
export class BriefingView {
  @ApiProperty({ example: '2026-10', description: 'the period asked for' }) period: string;
  @ApiProperty({ enum: ['zh-CN', 'en'] }) language: 'zh-CN' | 'en';
  @ApiProperty({ example: '截至2026年10月底，正在招商引资的项目45个，概算总投资123.4亿元，其中亿元以上项目8个…' }) text: string;
  @ApiProperty({ type: PeriodFiguresView, description: 'the KPI figures the text is written from (1 January to the end of the period)' }) figures: PeriodFiguresView;
}
