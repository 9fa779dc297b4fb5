import { reminderMessage } from './messages';

const TZ = 'Asia/Shanghai';
const at = (local: string) => new Date(`${local}+08:00`);

describe('reminder messages', () => {
  it('name the project, the task and its due time when a follow-up falls due', () => {
    const message = reminderMessage(
      { rule: 'task_due', level: 0, projectName: '天齐锂业氯化锂项目', subjectTitle: '回访投资方', dueAt: at('2026-09-29T10:00:00') },
      at('2026-09-29T10:00:05'),
      TZ,
    );
    expect(message.title).toBe('跟进事项已到期：天齐锂业氯化锂项目');
    expect(message.body).toBe('项目「天齐锂业氯化锂项目」的跟进事项「回访投资方」已到期（截止 2026-09-29 10:00）。');
  });

  it('say how overdue in calendar days, who is responsible and to whom it was escalated', () => {
    const message = reminderMessage(
      { rule: 'task_overdue', level: 1, projectName: '纺织项目', subjectTitle: '催办环评', dueAt: at('2026-09-29T10:00:00'), responsibleName: '王专员' },
      at('2026-10-08T10:00:00'),
      TZ,
    );
    expect(message.title).toBe('跟进事项已逾期 9 天：纺织项目');
    expect(message.body).toContain('已逾期 9 天');
    expect(message.body).toContain('责任人：王专员。');
    expect(message.body).toContain('（已升级至包抓领导）');
  });

  it('count days from the end of a dated deadline', () => {
    const message = reminderMessage({ rule: 'blocker_overdue', level: 0, projectName: 'LED 项目', subjectTitle: '变压器未到位', blockerCategory: 'power', dueOn: '2026-09-30' }, at('2026-10-03T08:00:00'), TZ);
    expect(message.body).toBe('项目「LED 项目」的问题「电力配套：变压器未到位」应于 2026-09-30 前解决，已逾期 3 天。');
  });

  it('warn of the idle-land fee when a committed construction start passes', () => {
    const message = reminderMessage({ rule: 'committed_date_overdue', level: 0, projectName: '变压器厂', committedKind: 'start', dueOn: '2026-10-15' }, at('2026-10-16T00:00:00'), TZ);
    expect(message.title).toBe('约定开工日期已逾期 1 天：变压器厂');
    expect(message.body).toContain('20%');
  });

  it('count the days left before a committed date', () => {
    const message = reminderMessage({ rule: 'committed_date_approaching', level: 0, projectName: '变压器厂', committedKind: 'land', dueOn: '2026-10-15' }, at('2026-10-08T00:00:00'), TZ);
    expect(message.body).toBe('项目「变压器厂」的约定供地日期为 2026-10-15，还有 7 天，目前尚未实现，请抓紧推进。');
  });

  it('name the idle-land deadline, what it costs and the days left', () => {
    const fee = reminderMessage({ rule: 'idle_land_deadline', level: 0, projectName: '变压器厂', idleLandStep: 'fee', dueOn: '2026-12-20' }, at('2026-10-21T00:00:00'), TZ);
    expect(fee.title).toBe('闲置土地收费期限临近：变压器厂');
    expect(fee.body).toBe('项目「变压器厂」已供地但尚未开工。2026-12-20 即满约定开工日期后一年（还有 60 天），依《闲置土地处置办法》届时仍未动工的，将按土地出让价款的 20% 征收土地闲置费，请督促企业尽快开工。');
    const reclaim = reminderMessage({ rule: 'idle_land_deadline', level: 1, projectName: '变压器厂', idleLandStep: 'reclaim', dueOn: '2027-12-20', responsibleName: '李明' }, at('2027-12-20T09:00:00'), TZ);
    expect(reclaim.title).toBe('闲置土地收回期限临近：变压器厂');
    expect(reclaim.body).toContain('满约定开工日期后两年（就是今天）');
    expect(reclaim.body).toContain('土地可被无偿收回');
    expect(reclaim.body).toContain('（已升级至包抓领导）');
  });

  it('describe a stale project with its stage and the stage threshold', () => {
    const message = reminderMessage(
      { rule: 'stale_project', level: 2, projectName: '物流园', stage: 'negotiation', lastActivityAt: at('2026-08-01T09:00:00'), threshold: { value: 30, unit: 'working_days' } },
      at('2026-09-14T09:00:00'),
      TZ,
    );
    expect(message.title).toBe('项目已 44 天无进展：物流园');
    expect(message.body).toContain('处于洽谈阶段');
    expect(message.body).toContain('本阶段时限 30 个工作日');
    expect(message.body).toContain('（已升级至招商局领导）');
  });
});
