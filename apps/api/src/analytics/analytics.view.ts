import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PIPELINE_STAGES, STAGES, type PipelineStage, type Stage } from '@zs/domain';

export class PeriodView {
  @ApiProperty({ format: 'date', example: '2026-01-01' }) from: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) to: string;
}

// ——— funnel ———

export class LeadFunnelView {
  @ApiProperty({ description: 'leads received in the period (by receivedOn)' }) received: number;
  @ApiProperty({ description: 'of those, converted by now' }) converted: number;
  @ApiProperty({ description: 'of those, rejected by now' }) rejected: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'converted ÷ received; null when none received' }) conversionRate: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'median days from receivedOn to the screening' }) medianDaysToScreen: number | null;
}

export class FunnelStageView {
  @ApiProperty({ enum: PIPELINE_STAGES }) stage: PipelineStage;
  @ApiProperty({ description: 'the stage’s name in the request’s language' }) label: string;
  @ApiProperty({ description: 'projects that reached this stage or one beyond it for the first time in the period' }) entered: number;
  @ApiProperty({ description: '万元: the total investment of those projects' }) totalInvestment: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'entered(next) ÷ entered(this); null for the last stage or when none entered' }) conversionToNext: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'median days spent in the stage (one decimal)' }) medianDays: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '90th percentile of the days spent in the stage (one decimal)' }) p90Days: number | null;
  @ApiProperty({ description: 'projects dropped from this stage in the period' }) dropped: number;
  @ApiProperty({ description: 'projects put on hold from this stage in the period' }) onHold: number;
}

export class SnapshotStageView {
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
  @ApiProperty({ description: '万元' }) totalInvestment: number;
}

export class FunnelDefinitionsView {
  @ApiProperty() period: string;
  @ApiProperty() leads: string;
  @ApiProperty() entered: string;
  @ApiProperty() totalInvestment: string;
  @ApiProperty() conversionToNext: string;
  @ApiProperty() medianDays: string;
  @ApiProperty() p90Days: string;
  @ApiProperty() dropped: string;
  @ApiProperty() onHold: string;
  @ApiProperty() snapshot: string;
}

export class FunnelView {
  @ApiProperty({ type: PeriodView }) period: PeriodView;
  @ApiProperty({ type: LeadFunnelView }) leads: LeadFunnelView;
  @ApiProperty({ type: [FunnelStageView], description: 'the pipeline stages in order' }) stages: FunnelStageView[];
  @ApiProperty({ type: [SnapshotStageView], description: 'where every open project stands now' }) snapshot: SnapshotStageView[];
  @ApiProperty({ type: FunnelDefinitionsView, description: 'one sentence per figure, in the request’s language' }) definitions: FunnelDefinitionsView;
}

// ——— KPIs ———

export class StageGroupView {
  @ApiProperty() count: number;
  @ApiProperty({ description: '万元' }) totalInvestment: number;
}

export class ActiveFiguresView extends StageGroupView {
  @ApiProperty({ description: '亿元以上: total investment ≥ 10,000 万元' }) over100m: number;
  @ApiProperty({ description: '≥ 5,000 万元, the 亿元 projects included' }) over50m: number;
}

export class EnteredView {
  @ApiProperty({ description: '签约: reached agreement (or beyond) for the first time in the period' }) signed: number;
  @ApiProperty({ description: '合同: reached contract (or beyond)' }) contracted: number;
  @ApiProperty({ description: '落地: reached land_delivered (or beyond)' }) landed: number;
  @ApiProperty({ description: '开工: reached construction (or beyond)' }) started: number;
  @ApiProperty({ description: '投产: reached production' }) producing: number;
}

export class KpiFiguresView {
  @ApiProperty({ type: ActiveFiguresView, description: '正在招商引资: not dropped at the end of the period' }) active: ActiveFiguresView;
  @ApiProperty({ type: StageGroupView, description: '正在对接: active, before land_delivered' }) inContact: StageGroupView;
  @ApiProperty({ type: StageGroupView, description: '已落地: active, land_delivered or later' }) landed: StageGroupView;
  @ApiProperty({ type: EnteredView, description: 'counts of projects entering each stage in the period' }) entered: EnteredView;
  @ApiProperty({ type: EnteredView, description: '万元: the total investment of the projects counted in `entered`' }) enteredInvestment: EnteredView;
  @ApiProperty({ description: '实际到位资金 received in the period, 万元' }) fundsInPlace: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '开工率, 0..1' }) startRate: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '投产率, 0..1' }) productionRate: number | null;
}

export class PeriodFiguresView extends KpiFiguresView {
  @ApiProperty({ type: PeriodView }) period: PeriodView;
}

export class BreakdownItemView extends KpiFiguresView {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the dictionary key or the owner’s id; null: not given' }) key: string | null;
  @ApiProperty({ description: 'the key’s label in the request’s language, or the owner’s name' }) label: string;
}

export class BreakdownsView {
  @ApiProperty({ type: [BreakdownItemView] }) industry: BreakdownItemView[];
  @ApiProperty({ type: [BreakdownItemView] }) channel: BreakdownItemView[];
  @ApiProperty({ type: [BreakdownItemView] }) originRegion: BreakdownItemView[];
  @ApiProperty({ type: [BreakdownItemView], description: 'by responsible officer (考核)' }) owner: BreakdownItemView[];
}

export class KpiDefinitionsView {
  @ApiProperty() period: string;
  @ApiProperty() active: string;
  @ApiProperty() inContact: string;
  @ApiProperty() landed: string;
  @ApiProperty() totalInvestment: string;
  @ApiProperty() over100m: string;
  @ApiProperty() over50m: string;
  @ApiProperty() entered: string;
  @ApiProperty() enteredInvestment: string;
  @ApiProperty() fundsInPlace: string;
  @ApiProperty() startRate: string;
  @ApiProperty() productionRate: string;
  @ApiProperty() breakdowns: string;
  @ApiProperty() previous: string;
}

class GrowthGroupView {
  @ApiPropertyOptional({ nullable: true, type: Number }) count: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) totalInvestment: number | null;
}

class GrowthEnteredView {
  @ApiPropertyOptional({ nullable: true, type: Number }) signed: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) contracted: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) landed: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) started: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) producing: number | null;
}

/** (current − previous) ÷ previous for each figure; null when the previous figure is 0. */
export class YearOnYearView {
  @ApiProperty({ type: GrowthGroupView }) active: GrowthGroupView;
  @ApiProperty({ type: GrowthGroupView }) landed: GrowthGroupView;
  @ApiProperty({ type: GrowthEnteredView }) entered: GrowthEnteredView;
  @ApiPropertyOptional({ nullable: true, type: Number }) fundsInPlace: number | null;
}

export class KpisView extends PeriodFiguresView {
  @ApiProperty({ type: KpiDefinitionsView, description: 'one sentence per figure, in the request’s language' }) definitions: KpiDefinitionsView;
  @ApiProperty({ type: BreakdownsView }) breakdowns: BreakdownsView;
  @ApiProperty({ type: PeriodFiguresView, description: 'the same figures for the same period one year earlier' }) previous: PeriodFiguresView;
  @ApiProperty({ type: YearOnYearView }) yearOnYear: YearOnYearView;
}

// ——— dispatch list ———

export class DispatchPersonView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class DispatchItemView {
  @ApiProperty({ enum: ['task', 'milestone', 'blocker', 'committed_date'] }) kind: 'task' | 'milestone' | 'blocker' | 'committed_date';
  @ApiProperty({ format: 'uuid', description: 'the task, milestone, blocker or (committed date) agreement' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'milestone key, blocker category, or land | start | production' }) key: string | null;
  @ApiProperty({ description: 'what is overdue' }) title: string;
  @ApiProperty({ format: 'date', description: 'overdue since the end of this day' }) dueOn: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'a task’s due time' }) dueAt: string | null;
  @ApiProperty() daysOverdue: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) ownerId: string | null;
}

export class DispatchProjectView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) parkId: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty() confidential: boolean;
  @ApiPropertyOptional({ nullable: true, type: DispatchPersonView }) owner: DispatchPersonView | null;
  @ApiProperty({ format: 'date', description: 'the earliest dueOn of its items' }) overdueSince: string;
  @ApiProperty() daysOverdue: number;
  @ApiProperty({ type: [DispatchItemView] }) items: DispatchItemView[];
}

export class DispatchGroupView {
  @ApiPropertyOptional({ nullable: true, type: DispatchPersonView, description: '包抓领导; null: projects without one (last)' }) leader: DispatchPersonView | null;
  @ApiProperty({ type: [DispatchProjectView] }) projects: DispatchProjectView[];
}

export class DispatchListView {
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() projectCount: number;
  @ApiProperty() itemCount: number;
  @ApiProperty({ type: [DispatchGroupView] }) groups: DispatchGroupView[];
}
