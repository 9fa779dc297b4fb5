import { daysBetween, toZonedDate } from '../dates';
import { BLOCKER_CATEGORY_LABELS, type BlockerCategory } from '../enums';
import { zonedMinutesOfDay } from '../office-hours';
import { MILESTONE_LABELS, type MilestoneKey } from '../permit-chain';
import { STAGE_LABELS, type Stage } from '../stages';
import { offsetText, TARGET_LABELS, ESCALATION_TARGETS, type EscalationLevel, type Offset, type ReminderRule } from './rules';

/** The three dates an agreement commits to (约定供地 / 约定开工 / 约定投产). */
export const COMMITTED_DATE_KINDS = ['land', 'start', 'production'] as const;
export type CommittedDateKind = (typeof COMMITTED_DATE_KINDS)[number];
export const COMMITTED_DATE_KIND_LABELS: Record<CommittedDateKind, string> = {
  land: '约定供地日期',
  start: '约定开工日期',
  production: '约定投产日期',
};

/**
 * The two deadlines of the idle-land rules (闲置土地处置办法) counted from the committed construction start:
 * one year unbuilt → an idle-land fee of 20% of the land price; two years → the land can be taken back.
 */
export const IDLE_LAND_STEPS = [
  { step: 'fee', years: 1 },
  { step: 'reclaim', years: 2 },
] as const;
export type IdleLandStep = (typeof IDLE_LAND_STEPS)[number]['step'];

/** What a reminder's text says, read from the cause's records when it fires. */
export interface ReminderMessageInput {
  rule: ReminderRule;
  level: EscalationLevel;
  projectName?: string | null;
  /** Task title, lead title, or blocker description. */
  subjectTitle?: string | null;
  leadCompanyName?: string | null;
  milestoneKey?: string | null;
  blockerCategory?: string | null;
  committedKind?: CommittedDateKind | null;
  /** idle_land_deadline: which deadline (one year: the fee; two years: the land taken back). */
  idleLandStep?: IdleLandStep | null;
  dueAt?: Date | null;
  dueOn?: string | null;
  lastActivityAt?: Date | null;
  stage?: Stage | null;
  /** lead_unassigned: the rule's threshold; stale_project: the stage's. */
  threshold?: Offset | null;
  /** Who should have acted (named in escalations). */
  responsibleName?: string | null;
}

export interface ReminderMessage {
  title: string;
  body: string;
}

/**
 * The Chinese text of a reminder: the project, what is due, how overdue ("已逾期 3 天", calendar days in the
 * park's time zone), and for an escalation who is responsible and to whom it was escalated.
 */
export function reminderMessage(input: ReminderMessageInput, now: Date, timeZone: string): ReminderMessage {
  const today = toZonedDate(now, timeZone);
  const project = input.projectName ? `项目「${input.projectName}」` : '项目';
  const subject = input.subjectTitle ?? '';
  const short = input.projectName ?? subject;
  let title: string;
  let body: string;
  switch (input.rule) {
    case 'task_due':
    case 'task_overdue': {
      const due = input.dueAt ?? now;
      const late = lateText(daysBetween(toZonedDate(due, timeZone), today), '已到期');
      title = `跟进事项${late}：${short}`;
      body = `${project}的跟进事项「${subject}」${late}（截止 ${dateTimeText(due, timeZone)}）。`;
      break;
    }
    case 'lead_unassigned': {
      const threshold = input.threshold ? offsetText(input.threshold) : '时限';
      title = `线索超过 ${threshold}未分派：${subject}`;
      body = `线索「${subject}」${input.leadCompanyName ? `（${input.leadCompanyName}）` : ''}于 ${input.dueOn ?? ''} 收到，已超过 ${threshold}仍未分派，请尽快分派研判人员。`;
      break;
    }
    case 'lead_unscreened': {
      const late = lateText(daysBetween(input.dueOn ?? today, today), '已到研判期限');
      title = `线索研判${late}：${subject}`;
      body = `线索「${subject}」应于 ${input.dueOn ?? ''} 前完成研判，${late}。`;
      break;
    }
    case 'stale_project': {
      const since = input.lastActivityAt ?? now;
      const days = Math.max(0, daysBetween(toZonedDate(since, timeZone), today));
      const stage = input.stage ? STAGE_LABELS[input.stage].zh : '';
      title = `项目已 ${days} 天无进展：${short}`;
      body = `${project}处于${stage}阶段，自 ${toZonedDate(since, timeZone)} 起已 ${days} 天没有走访或更新` +
        `${input.threshold ? `（本阶段时限 ${offsetText(input.threshold)}）` : ''}，请尽快跟进。`;
      break;
    }
    case 'committed_date_approaching': {
      const what = COMMITTED_DATE_KIND_LABELS[input.committedKind ?? 'start'];
      const left = daysBetween(today, input.dueOn ?? today);
      const when = left > 0 ? `还有 ${left} 天` : '就是今天';
      title = `${what}临近：${short}`;
      body = `${project}的${what}为 ${input.dueOn ?? ''}，${when}，目前尚未实现，请抓紧推进。`;
      break;
    }
    case 'committed_date_overdue': {
      const kind = input.committedKind ?? 'start';
      const what = COMMITTED_DATE_KIND_LABELS[kind];
      const late = lateText(daysBetween(input.dueOn ?? today, today), '已到期');
      title = `${what}${late}：${short}`;
      body = `${project}的${what} ${input.dueOn ?? ''} ${late}，仍未实现。` +
        (kind === 'start' ? '依《闲置土地处置办法》，超过约定动工日期满一年未动工的，可征收土地出让价款 20% 的土地闲置费，满两年可无偿收回土地。' : '');
      break;
    }
    case 'idle_land_deadline': {
      const left = daysBetween(today, input.dueOn ?? today);
      const when = left > 0 ? `还有 ${left} 天` : '就是今天';
      const reclaim = input.idleLandStep === 'reclaim';
      title = `闲置土地${reclaim ? '收回' : '收费'}期限临近：${short}`;
      body = `${project}已供地但尚未开工。${input.dueOn ?? ''} 即满约定开工日期后${reclaim ? '两' : '一'}年（${when}），` +
        `依《闲置土地处置办法》${reclaim ? '届时仍未动工的，土地可被无偿收回' : '届时仍未动工的，将按土地出让价款的 20% 征收土地闲置费'}，请督促企业尽快开工。`;
      break;
    }
    case 'milestone_overdue': {
      const step = input.milestoneKey ? (MILESTONE_LABELS[input.milestoneKey as MilestoneKey]?.zh ?? input.milestoneKey) : subject;
      const late = lateText(daysBetween(input.dueOn ?? today, today), '已到期');
      title = `前期手续${late}：${short}`;
      body = `${project}的前期手续「${step}」应于 ${input.dueOn ?? ''} 前完成，${late}。`;
      break;
    }
    case 'blocker_overdue': {
      const category = input.blockerCategory ? (BLOCKER_CATEGORY_LABELS[input.blockerCategory as BlockerCategory]?.zh ?? input.blockerCategory) : '问题';
      const late = lateText(daysBetween(input.dueOn ?? today, today), '已到期');
      title = `问题${late}未解决：${short}`;
      body = `${project}的问题「${category}：${subject}」应于 ${input.dueOn ?? ''} 前解决，${late}。`;
      break;
    }
  }
  if (input.responsibleName) body += `责任人：${input.responsibleName}。`;
  if (input.level > 0) body += `（已升级至${TARGET_LABELS[ESCALATION_TARGETS[input.level]].zh}）`;
  return { title, body };
}

/** "已逾期 3 天" (calendar days), or `onTime` on the day itself. */
export function lateText(days: number, onTime: string): string {
  return days > 0 ? `已逾期 ${days} 天` : onTime;
}

/** `2026-09-29 10:00` in the time zone. */
export function dateTimeText(at: Date, timeZone: string): string {
  const minutes = zonedMinutesOfDay(at, timeZone);
  return `${toZonedDate(at, timeZone)} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
