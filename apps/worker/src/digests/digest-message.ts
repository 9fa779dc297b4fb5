import type { DispatchList } from '@zs/db';
import { BLOCKER_CATEGORY_LABELS, type BlockerCategory, daysBetween, MILESTONE_LABELS, type MilestoneKey, toZonedDate, zonedMinutesOfDay } from '@zs/domain';

/** The Chinese text of the morning digest and of the weekly dispatch list (pure). */

export interface DigestItem {
  kind: 'task' | 'milestone' | 'blocker';
  id: string;
  projectId: string;
  projectName: string;
  projectCode: string;
  /** Task title or blocker description. */
  title: string | null;
  /** Milestone key or blocker category. */
  key: string | null;
  dueOn: string;
  /** A task's due time. */
  dueAt: Date | null;
}

/** At most this many item lines in one message; the rest are counted ("……另有 N 项"). */
export const MAX_LINES = 60;

export function dailyDigestMessage(items: readonly DigestItem[], now: Date, timeZone: string): { title: string; body: string } {
  const today = toZonedDate(now, timeZone);
  const overdue = items.filter((item) => isOverdue(item, now, today)).length;
  const dueToday = items.length - overdue;
  const counts = [overdue ? `逾期 ${overdue} 项` : '', dueToday ? `今日到期 ${dueToday} 项` : ''].filter(Boolean).join('，');
  const title = `每日待办 ${today}：${counts}`;
  const lines = [`您今天有 ${items.length} 项待办（${counts}），按项目列出：`];
  const byProject = new Map<string, DigestItem[]>();
  for (const item of items) byProject.set(item.projectId, [...(byProject.get(item.projectId) ?? []), item]);
  let shown = 0;
  for (const projectItems of byProject.values()) {
    if (shown >= MAX_LINES) break;
    const { projectName, projectCode } = projectItems[0];
    lines.push('', `【${projectName}】${projectCode}`);
    for (const item of projectItems) {
      if (shown >= MAX_LINES) break;
      lines.push(`· ${itemText(item, now, today, timeZone)}`);
      shown++;
    }
  }
  if (items.length > shown) lines.push('', `……另有 ${items.length - shown} 项，请登录系统查看。`);
  return { title, body: lines.join('\n') };
}

export function weeklyDispatchMessage(list: DispatchList): { title: string; body: string } {
  const title = `每周调度 ${list.today}：${list.projectCount} 个项目有逾期事项`;
  const lines = [`截至 ${list.today}，共 ${list.projectCount} 个项目、${list.itemCount} 项事项逾期，按包抓领导列出：`];
  let shown = 0;
  for (const group of list.groups) {
    if (shown >= MAX_LINES) break;
    lines.push('', `▍包抓领导：${group.leader?.displayName ?? '未指定'}（${group.projects.length} 个项目）`);
    for (const project of group.projects) {
      if (shown >= MAX_LINES) break;
      const owner = project.owner ? `责任人 ${project.owner.displayName}，` : '';
      lines.push(`【${project.name}】${project.code}（${owner}最早逾期自 ${project.overdueSince}）`);
      for (const item of project.items) {
        if (shown >= MAX_LINES) break;
        const late = item.daysOverdue > 0 ? `已逾期 ${item.daysOverdue} 天` : '今日已到期';
        lines.push(`· ${kindLabel(item.kind)}「${item.title}」${late}（${item.dueOn}）`);
        shown++;
      }
    }
  }
  if (list.itemCount > shown) lines.push('', `……另有 ${list.itemCount - shown} 项，请登录系统查看每周调度。`);
  return { title, body: lines.join('\n') };
}

function kindLabel(kind: string): string {
  return kind === 'task' ? '跟进事项' : kind === 'milestone' ? '前期手续' : kind === 'blocker' ? '问题' : '约定日期';
}

function isOverdue(item: DigestItem, now: Date, today: string): boolean {
  return item.dueAt ? item.dueAt.getTime() < now.getTime() : item.dueOn < today;
}

function itemText(item: DigestItem, now: Date, today: string, timeZone: string): string {
  const days = daysBetween(item.dueOn, today);
  let when: string;
  if (days > 0) when = `已逾期 ${days} 天`;
  else if (item.dueAt) when = item.dueAt.getTime() < now.getTime() ? `今日 ${clock(item.dueAt, timeZone)} 已到期` : `今日 ${clock(item.dueAt, timeZone)} 到期`;
  else when = '今日到期';
  switch (item.kind) {
    case 'task':
      return `跟进事项「${item.title ?? ''}」${when}`;
    case 'milestone':
      return `前期手续「${MILESTONE_LABELS[item.key as MilestoneKey]?.zh ?? item.key ?? ''}」${when}`;
    case 'blocker':
      return `问题「${BLOCKER_CATEGORY_LABELS[item.key as BlockerCategory]?.zh ?? item.key ?? ''}：${item.title ?? ''}」${when}`;
  }
}

function clock(at: Date, timeZone: string): string {
  const minutes = zonedMinutesOfDay(at, timeZone);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
