import type { DispatchList } from '@zs/db';
import { dailyDigestMessage, type DigestItem, MAX_LINES, weeklyDispatchMessage } from './digest-message';

const at = (text: string) => new Date(`${text}+08:00`);
const item = (overrides: Partial<DigestItem>): DigestItem => ({
  kind: 'task', id: 'i', projectId: 'p1', projectName: '天齐锂业', projectCode: 'ZS-2026-0001',
  title: '回访', key: null, dueOn: '2026-04-07', dueAt: null, ...overrides,
});

describe('the morning digest text', () => {
  it('counts overdue and due-today items and lists them by project', () => {
    const message = dailyDigestMessage([
      item({ kind: 'milestone', key: 'eia', title: null, dueOn: '2026-04-01' }),
      item({ title: '约谈', dueOn: '2026-04-07', dueAt: at('2026-04-07T08:30:00') }),
      item({ title: '签约', dueOn: '2026-04-07', dueAt: at('2026-04-07T16:00:00') }),
      item({ kind: 'blocker', key: 'funding', title: '资金缺口', projectId: 'p2', projectName: '纺织', projectCode: 'ZS-2026-0002' }),
    ], at('2026-04-07T09:00:00'), 'Asia/Shanghai');
    expect(message.title).toBe('每日待办 2026-04-07：逾期 2 项，今日到期 2 项');
    expect(message.body).toBe([
      '您今天有 4 项待办（逾期 2 项，今日到期 2 项），按项目列出：',
      '', '【天齐锂业】ZS-2026-0001', '· 前期手续「环评」已逾期 6 天', '· 跟进事项「约谈」今日 08:30 已到期', '· 跟进事项「签约」今日 16:00 到期',
      '', '【纺织】ZS-2026-0002', '· 问题「资金缺口：资金缺口」今日到期',
    ].join('\n'));
  });

  it(`lists at most ${MAX_LINES} items and counts the rest`, () => {
    const many = Array.from({ length: MAX_LINES + 5 }, (_, i) => item({ id: String(i), dueOn: '2026-04-01' }));
    const { body } = dailyDigestMessage(many, at('2026-04-07T09:00:00'), 'Asia/Shanghai');
    expect(body.split('\n').filter((l) => l.startsWith('· '))).toHaveLength(MAX_LINES);
    expect(body).toContain('……另有 5 项，请登录系统查看。');
  });
});

describe('the weekly dispatch list text', () => {
  it('lists each leading official’s projects with their overdue items', () => {
    const list: DispatchList = {
      asOf: '', today: '2026-04-07', timeZone: 'Asia/Shanghai', projectCount: 1, itemCount: 1,
      groups: [{
        leader: null,
        projects: [{
          id: 'p', code: 'ZS-2026-0002', name: '纺织', parkId: 'k', stage: 'contract', confidential: false, owner: null,
          overdueSince: '2026-03-01', daysOverdue: 37,
          items: [{ kind: 'committed_date', id: 'a', key: 'start', title: '约定开工日期', dueOn: '2026-03-01', dueAt: null, daysOverdue: 37, ownerId: null }],
        }],
      }],
    };
    expect(weeklyDispatchMessage(list)).toEqual({
      title: '每周调度 2026-04-07：1 个项目有逾期事项',
      body: '截至 2026-04-07，共 1 个项目、1 项事项逾期，按包抓领导列出：\n\n▍包抓领导：未指定（1 个项目）\n【纺织】ZS-2026-0002（最早逾期自 2026-03-01）\n· 约定日期「约定开工日期」已逾期 37 天（2026-03-01）',
    });
  });
});
