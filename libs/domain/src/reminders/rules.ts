import { validationError } from '../domain-error';
import type { Label } from '../labels';
import type { DeliveryChannel } from '../notify-channels';
import { PIPELINE_STAGES, type PipelineStage } from '../stages';

/**
 * The reminder rules (DOMAIN.md "Reminders"): what falls due when, and who is chased at each escalation level.
 * Pure definitions and validation; the settings an admin changes live in `reminder_rules` (defaults seeded by
 * a migration, the same values as `defaults` below).
 */
export const REMINDER_RULES = [
  'lead_unassigned',
  'lead_unscreened',
  'task_due',
  'task_overdue',
  'stale_project',
  'committed_date_approaching',
  'committed_date_overdue',
  'idle_land_deadline',
  'milestone_overdue',
  'blocker_overdue',
] as const;
export type ReminderRule = (typeof REMINDER_RULES)[number];

export function isReminderRule(value: unknown): value is ReminderRule {
  return typeof value === 'string' && (REMINDER_RULES as readonly string[]).includes(value);
}

/** 0 = the responsible officer, 1 = the project's leading official (包抓领导), 2 = the managers of its park. */
export type EscalationLevel = 0 | 1 | 2;
export const ESCALATION_TARGETS = ['officer', 'leader', 'managers'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];
export const TARGET_LEVEL: Record<EscalationTarget, EscalationLevel> = { officer: 0, leader: 1, managers: 2 };

export const OFFSET_UNITS = ['working_days', 'days', 'hours'] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];
/** Escalation delays count working days or hours (issue 4). */
export const DELAY_UNITS = ['working_days', 'hours'] as const satisfies readonly OffsetUnit[];

/** A span of time: N working days (China's calendar), N calendar days, or N hours. */
export interface Offset {
  value: number;
  unit: OffsetUnit;
}

/** When each level is chased, counted from the moment the cause falls due; null = that level is not used. */
export interface Escalation {
  officer: Offset | null;
  leader: Offset | null;
  managers: Offset | null;
}

export type StageThresholds = Partial<Record<PipelineStage, Offset | null>>;

/** Channels beyond in-app (which every recipient always gets). */
export const EXTERNAL_CHANNELS = ['email', 'wecom', 'dingtalk', 'feishu'] as const satisfies readonly DeliveryChannel[];
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];

export interface RuleSettings {
  enabled: boolean;
  /** The rule's own threshold (see its definition); null for rules that fall due at a date of the record. */
  threshold: Offset | null;
  /** stale_project only: how long without a visit or change each stage may go; a stage absent or null is not watched. */
  stageThresholds: StageThresholds | null;
  escalation: Escalation;
  /** Which outbound channels the rule may use (each recipient gets those of them they have set up). */
  channels: ExternalChannel[];
}

export type ReminderSubjectType = 'lead' | 'task' | 'project' | 'agreement' | 'milestone' | 'blocker';

export interface RuleDefinition {
  rule: ReminderRule;
  label: Label;
  description: Label;
  subjectType: ReminderSubjectType;
  /** What the rule's `threshold` means, and in which units; null: the rule has none. */
  threshold: { meaning: Label; units: readonly OffsetUnit[]; min: number; max: number } | null;
  stageThresholds: boolean;
  /** The levels this rule can chase (e.g. a lead has no leading official). */
  targets: readonly EscalationTarget[];
  defaults: RuleSettings;
}

const wd = (value: number): Offset => ({ value, unit: 'working_days' });
const atOnce: Offset = { value: 0, unit: 'hours' };
const ALL_CHANNELS: ExternalChannel[] = [...EXTERNAL_CHANNELS];
const settings = (escalation: Partial<Escalation>, extra: Partial<RuleSettings> = {}): RuleSettings => ({
  enabled: true,
  threshold: null,
  stageThresholds: null,
  escalation: { officer: null, leader: null, managers: null, ...escalation },
  channels: ALL_CHANNELS,
  ...extra,
});

export const RULE_DEFINITIONS: Record<ReminderRule, RuleDefinition> = {
  lead_unassigned: {
    rule: 'lead_unassigned',
    label: { zh: '线索未分派', en: 'Lead not assigned' },
    description: { zh: '线索收到后超过时限（到期日结束时）仍未分派，提醒招商局领导分派', en: 'A new lead still unassigned at the end of the threshold after the day it came in: the managers are reminded to assign it' },
    subjectType: 'lead',
    threshold: { meaning: { zh: '收到线索后几天内须分派', en: 'days after the lead came in (receivedOn) within which it must be assigned' }, units: ['working_days', 'days'], min: 0, max: 60 },
    stageThresholds: false,
    targets: ['managers'],
    defaults: settings({ managers: atOnce }, { threshold: wd(1) }),
  },
  lead_unscreened: {
    rule: 'lead_unscreened',
    label: { zh: '线索逾期未研判', en: 'Lead not screened' },
    description: { zh: '已分派的线索过了研判期限仍未研判：先提醒研判人，再升级至招商局领导', en: 'An assigned lead not screened by its screening due date: the assignee, then the managers' },
    subjectType: 'lead',
    threshold: null,
    stageThresholds: false,
    targets: ['officer', 'managers'],
    defaults: settings({ officer: atOnce, managers: wd(1) }),
  },
  task_due: {
    rule: 'task_due',
    label: { zh: '跟进事项到期', en: 'Follow-up due' },
    description: { zh: '跟进事项到达截止时间时提醒承办人', en: 'A follow-up task reaches its due time: the assignee is reminded' },
    subjectType: 'task',
    threshold: null,
    stageThresholds: false,
    targets: ['officer', 'leader', 'managers'],
    defaults: settings({ officer: atOnce }),
  },
  task_overdue: {
    rule: 'task_overdue',
    label: { zh: '跟进事项逾期', en: 'Follow-up overdue' },
    description: { zh: '跟进事项逾期仍未完成：升级至包抓领导，再升级至招商局领导', en: 'A follow-up task still open after its due time: escalated to the leading official, then the managers' },
    subjectType: 'task',
    threshold: null,
    stageThresholds: false,
    targets: ['officer', 'leader', 'managers'],
    defaults: settings({ leader: wd(2), managers: wd(5) }),
  },
  stale_project: {
    rule: 'stale_project',
    label: { zh: '项目停滞', en: 'Stale project' },
    description: { zh: '项目在本阶段超过时限没有走访或更新：提醒责任人，再升级至招商局领导', en: 'No visit or change for longer than its stage allows: the officer, then the managers' },
    subjectType: 'project',
    threshold: null,
    stageThresholds: true,
    targets: ['officer', 'leader', 'managers'],
    defaults: settings(
      { officer: atOnce, managers: wd(10) },
      { stageThresholds: { negotiation: wd(30), agreement: wd(20), contract: wd(20), land_delivered: wd(15) } },
    ),
  },
  committed_date_approaching: {
    rule: 'committed_date_approaching',
    label: { zh: '约定日期临近', en: 'Committed date approaching' },
    description: { zh: '协议约定的供地、开工、投产日期临近且尚未实现时提醒责任人', en: 'A land-delivery, construction-start or production date committed in an agreement is near and not yet met' },
    subjectType: 'agreement',
    threshold: { meaning: { zh: '约定日期前多久提醒', en: 'how long before the committed date' }, units: ['days', 'working_days'], min: 1, max: 365 },
    stageThresholds: false,
    targets: ['officer', 'leader', 'managers'],
    defaults: settings({ officer: atOnce }, { threshold: { value: 7, unit: 'days' } }),
  },
  committed_date_overdue: {
    rule: 'committed_date_overdue',
    label: { zh: '约定日期逾期', en: 'Committed date passed unmet' },
    description: { zh: '约定日期已过仍未实现：提醒责任人，再升级至包抓领导、招商局领导', en: 'A committed date passed unmet: the officer, then the leading official, then the managers' },
    subjectType: 'agreement',
    threshold: null,
    stageThresholds: false,
    targets: ['officer', 'leader', 'managers'],
    defaults: settings({ officer: atOnce, leader: wd(3), managers: wd(10) }),
  },
  idle_land_deadline: {
    rule: 'idle_land_deadline',
    label: { zh: '闲置土地期限临近', en: 'Idle-land deadline approaching' },
    description: {
      zh: '已供地未开工的项目，距约定开工日期满一年（可征收土地出让价款 20% 的土地闲置费）或满两年（可无偿收回土地）的期限临近：提醒责任人，再升级至包抓领导、招商局领导',
      en: 'Land delivered but construction not started: the dates one year (idle-land fee of 20% of the land price) and two years (the land can be taken back) after the committed start are near — the officer, then the leading official, then the managers',
    },
    subjectType: 'agreement',
    threshold: { meaning: { zh: '期限前多久提醒', en: 'how long before the idle-land deadline' }, units: ['days', 'working_days'], min: 1, max: 365 },
    stageThresholds: false,
    targets: ['officer', 'leader', 'managers'],
    defaults: settings({ officer: atOnce, leader: wd(5), managers: wd(10) }, { threshold: { value: 60, unit: 'days' } }),
  },
  milestone_overdue: {
    rule: 'milestone_overdue',
    label: { zh: '前期手续逾期', en: 'Permit step overdue' },
    description: { zh: '前期手续步骤过了期限仍未完成：提醒负责人，再升级至包抓领导', en: 'A permit-chain step past its due date: its owner (or the project officer), then the leading official' },
    subjectType: 'milestone',
    threshold: null,
    stageThresholds: false,
    targets: ['officer', 'leader', 'managers'],
    defaults: settings({ officer: atOnce, leader: wd(3) }),
  },
  blocker_overdue: {
    rule: 'blocker_overdue',
    label: { zh: '问题逾期未解决', en: 'Blocker overdue' },
    description: { zh: '问题过了期限仍未解决：提醒负责人，再升级至包抓领导', en: 'A blocker past its due date: its owner, then the leading official' },
    subjectType: 'blocker',
    threshold: null,
    stageThresholds: false,
    targets: ['officer', 'leader', 'managers'],
    defaults: settings({ officer: atOnce, leader: wd(3) }),
  },
};

/** The levels a rule chases with these settings, with each level's delay, in level order. */
export function escalationPlan(settings: RuleSettings): { level: EscalationLevel; target: EscalationTarget; delay: Offset }[] {
  return ESCALATION_TARGETS.flatMap((target) => {
    const delay = settings.escalation[target];
    return delay ? [{ level: TARGET_LEVEL[target], target, delay }] : [];
  });
}

/** A partial change of a rule's settings, as PATCH /api/reminder-rules/:rule sends it. */
export interface RuleSettingsChange {
  enabled?: boolean;
  threshold?: Offset | null;
  stageThresholds?: StageThresholds | null;
  escalation?: Partial<Escalation>;
  channels?: ExternalChannel[];
}

const MAX_DELAY: Record<OffsetUnit, number> = { working_days: 250, days: 365, hours: 24 * 365 };

/**
 * Applies a change to a rule's settings and checks the result against the rule's definition; throws a
 * validation error naming the field (e.g. `escalation.leader.unit`) on anything the rule cannot take.
 */
export function applyRuleChange(rule: ReminderRule, current: RuleSettings, change: RuleSettingsChange): RuleSettings {
  const def = RULE_DEFINITIONS[rule];
  const next: RuleSettings = {
    enabled: change.enabled ?? current.enabled,
    threshold: change.threshold !== undefined ? change.threshold : current.threshold,
    stageThresholds: current.stageThresholds,
    escalation: { ...current.escalation, ...definedEntries(change.escalation ?? {}) },
    channels: change.channels ?? current.channels,
  };
  if (change.stageThresholds !== undefined) {
    if (!def.stageThresholds) {
      if (change.stageThresholds !== null) throw validationError('stageThresholds', `规则 ${rule} 不按阶段设置时限 (this rule has no per-stage thresholds)`);
    } else {
      next.stageThresholds = change.stageThresholds === null ? {} : { ...(current.stageThresholds ?? {}), ...change.stageThresholds };
    }
  }

  if (def.threshold) {
    if (!next.threshold) throw validationError('threshold', `规则 ${rule} 需要时限 (this rule needs a threshold)`);
    checkOffset('threshold', next.threshold, def.threshold.units, def.threshold.min, def.threshold.max);
  } else if (next.threshold) {
    throw validationError('threshold', `规则 ${rule} 没有单独的时限 (this rule has no threshold of its own)`);
  }

  if (def.stageThresholds) {
    for (const [stage, offset] of Object.entries(next.stageThresholds ?? {})) {
      if (!(PIPELINE_STAGES as readonly string[]).includes(stage)) {
        throw validationError(`stageThresholds.${stage}`, `未知的阶段 ${stage} (unknown pipeline stage)`);
      }
      if (offset) checkOffset(`stageThresholds.${stage}`, offset, ['working_days', 'days'], 1, 365);
    }
  }

  for (const target of ESCALATION_TARGETS) {
    const delay = next.escalation[target];
    if (!delay) continue;
    if (!def.targets.includes(target)) {
      throw validationError(`escalation.${target}`, `规则 ${rule} 不提醒${TARGET_LABELS[target].zh} (this rule cannot chase the ${TARGET_LABELS[target].en})`);
    }
    checkOffset(`escalation.${target}`, delay, DELAY_UNITS, 0, MAX_DELAY[delay.unit]);
  }
  if (!escalationPlan(next).length) {
    throw validationError('escalation', '至少需要提醒一级对象；停用规则请设 enabled: false (at least one level; to switch the rule off set enabled: false)');
  }

  const seen = new Set<string>();
  next.channels.forEach((channel, i) => {
    if (!(EXTERNAL_CHANNELS as readonly string[]).includes(channel)) {
      throw validationError(`channels[${i}]`, `未知的渠道 ${channel}，可选 ${EXTERNAL_CHANNELS.join(', ')}（站内通知总是发送）(unknown channel; in-app is always on)`);
    }
    if (seen.has(channel)) throw validationError(`channels[${i}]`, `渠道 ${channel} 重复 (duplicate channel)`);
    seen.add(channel);
  });
  return next;
}

export const TARGET_LABELS: Record<EscalationTarget, Label> = {
  officer: { zh: '责任人', en: 'responsible officer' },
  leader: { zh: '包抓领导', en: 'leading official' },
  managers: { zh: '招商局领导', en: 'managers' },
};

export const OFFSET_UNIT_LABELS: Record<OffsetUnit, Label> = {
  working_days: { zh: '个工作日', en: 'working days' },
  days: { zh: '天', en: 'days' },
  hours: { zh: '小时', en: 'hours' },
};

/** "3 个工作日", "7 天", "4 小时". */
export function offsetText(offset: Offset): string {
  return `${offset.value} ${OFFSET_UNIT_LABELS[offset.unit].zh}`;
}

function checkOffset(field: string, offset: Offset, units: readonly OffsetUnit[], min: number, max: number): void {
  if (!units.includes(offset.unit)) {
    throw validationError(`${field}.unit`, `单位须为 ${units.join(' / ')} (unit must be one of ${units.join(', ')})`);
  }
  if (!Number.isInteger(offset.value) || offset.value < min || offset.value > max) {
    throw validationError(`${field}.value`, `须为 ${min} 到 ${max} 之间的整数 (an integer from ${min} to ${max})`);
  }
}

function definedEntries<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
