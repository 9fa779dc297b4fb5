import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ReminderRuleSettings } from '@zs/db';
import {
  ESCALATION_TARGETS, EXTERNAL_CHANNELS, OFFSET_UNITS, PIPELINE_STAGES, REMINDER_RULES, RULE_DEFINITIONS, type Escalation, type EscalationTarget,
  type ExternalChannel, type Offset, type OffsetUnit, type ReminderRule, type StageThresholds,
} from '@zs/domain';
import { CalendarWarningView } from '../calendar/calendar.view';

export class OffsetView {
  @ApiProperty({ example: 2, minimum: 0 }) value: number;
  @ApiProperty({ enum: OFFSET_UNITS, description: 'working_days: China’s calendar (holidays off, 调休 days worked); days: calendar days; hours' }) unit: OffsetUnit;
}

export class EscalationView {
  @ApiPropertyOptional({ type: OffsetView, nullable: true, description: 'level 0, the responsible officer: how long after the cause falls due (null: not told)' }) officer: Offset | null;
  @ApiPropertyOptional({ type: OffsetView, nullable: true, description: 'level 1, the project’s leading official (包抓领导)' }) leader: Offset | null;
  @ApiPropertyOptional({ type: OffsetView, nullable: true, description: 'level 2, the managers of the project’s park' }) managers: Offset | null;
}

export class StageThresholdsView {
  @ApiPropertyOptional({ type: OffsetView, nullable: true }) intention?: Offset | null;
  @ApiPropertyOptional({ type: OffsetView, nullable: true }) negotiation?: Offset | null;
  @ApiPropertyOptional({ type: OffsetView, nullable: true }) agreement?: Offset | null;
  @ApiPropertyOptional({ type: OffsetView, nullable: true }) contract?: Offset | null;
  @ApiPropertyOptional({ type: OffsetView, nullable: true }) land_delivered?: Offset | null;
  @ApiPropertyOptional({ type: OffsetView, nullable: true }) construction?: Offset | null;
  @ApiPropertyOptional({ type: OffsetView, nullable: true }) production?: Offset | null;
}

export class RuleThresholdView {
  @ApiProperty({ description: 'what the threshold means', example: '登记后多久未分派' }) meaning: string;
  @ApiProperty({ enum: OFFSET_UNITS, isArray: true }) units: readonly OffsetUnit[];
}

/** A reminder rule with an admin's settings. */
export class ReminderRuleView {
  @ApiProperty({ enum: REMINDER_RULES }) rule: ReminderRule;
  @ApiProperty({ example: '跟进事项逾期' }) name: string;
  @ApiProperty({ example: 'Follow-up overdue' }) nameEn: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'task' }) subjectType: string;
  @ApiProperty() enabled: boolean;
  @ApiPropertyOptional({ type: OffsetView, nullable: true, description: 'the rule’s own threshold (see thresholdInfo); null for rules due at a date of the record' }) threshold: Offset | null;
  @ApiPropertyOptional({ type: RuleThresholdView, nullable: true }) thresholdInfo: RuleThresholdView | null;
  @ApiPropertyOptional({ type: StageThresholdsView, nullable: true, description: 'stale_project: how long each pipeline stage may go without a visit or change (absent or null: not watched)' })
  stageThresholds: StageThresholds | null;
  @ApiProperty({ type: EscalationView, description: 'each level’s delay after the cause falls due; null: that level is not told' }) escalation: Escalation;
  @ApiProperty({ enum: ESCALATION_TARGETS, isArray: true, description: 'the levels this rule can chase' }) targets: readonly EscalationTarget[];
  @ApiProperty({ enum: EXTERNAL_CHANNELS, isArray: true, description: 'outbound channels the rule may use (each recipient gets those they have set up); in-app is always on' }) channels: ExternalChannel[];
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class ReminderRulePage {
  @ApiProperty({ type: [ReminderRuleView] }) items: ReminderRuleView[];
  @ApiProperty({ nullable: true, type: String, description: 'always null: one page' }) nextCursor: null;
  @ApiProperty({ type: [CalendarWarningView], description: 'years counted now without official holiday data (the working-day counts may be wrong)' }) warnings: CalendarWarningView[];
}

export function toReminderRuleView(row: ReminderRuleSettings): ReminderRuleView {
  const def = RULE_DEFINITIONS[row.rule];
  return {
    rule: row.rule,
    name: def.label.zh,
    nameEn: def.label.en,
    description: def.description.zh,
    subjectType: def.subjectType,
    enabled: row.enabled,
    threshold: row.threshold,
    thresholdInfo: def.threshold ? { meaning: def.threshold.meaning.zh, units: def.threshold.units } : null,
    stageThresholds: def.stageThresholds ? orderedStages(row.stageThresholds ?? {}) : null,
    escalation: row.escalation,
    targets: def.targets,
    channels: row.channels,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

function orderedStages(thresholds: StageThresholds): StageThresholds {
  return Object.fromEntries(PIPELINE_STAGES.map((stage) => [stage, thresholds[stage] ?? null]));
}
