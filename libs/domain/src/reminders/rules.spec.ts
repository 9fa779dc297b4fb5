import { DomainError } from '../domain-error';
import { applyRuleChange, escalationPlan, REMINDER_RULES, RULE_DEFINITIONS, type RuleSettings } from './rules';

const defaults = (rule: keyof typeof RULE_DEFINITIONS): RuleSettings => structuredClone(RULE_DEFINITIONS[rule].defaults);

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.details?.[0]?.field;
    throw error;
  }
  return undefined;
}

describe('the reminder rules', () => {
  it('define the defaults of DOMAIN.md: stale after 30/20/20/15 working days in negotiation/agreement/contract/land delivery', () => {
    expect(defaults('stale_project').stageThresholds).toEqual({
      negotiation: { value: 30, unit: 'working_days' },
      agreement: { value: 20, unit: 'working_days' },
      contract: { value: 20, unit: 'working_days' },
      land_delivered: { value: 15, unit: 'working_days' },
    });
    expect(defaults('lead_unassigned').threshold).toEqual({ value: 1, unit: 'working_days' });
    expect(defaults('committed_date_approaching').threshold).toEqual({ value: 7, unit: 'days' });
  });

  it('chase the officer first, then the leading official, then the managers', () => {
    expect(escalationPlan(defaults('committed_date_overdue')).map((p) => [p.level, p.target])).toEqual([[0, 'officer'], [1, 'leader'], [2, 'managers']]);
    expect(escalationPlan(defaults('lead_unassigned')).map((p) => p.target)).toEqual(['managers']);
  });

  it('accept their own defaults as valid settings', () => {
    for (const rule of REMINDER_RULES) expect(applyRuleChange(rule, defaults(rule), {})).toEqual(defaults(rule));
  });

  it('change a stage threshold and keep the others', () => {
    const next = applyRuleChange('stale_project', defaults('stale_project'), { stageThresholds: { negotiation: { value: 25, unit: 'working_days' }, intention: { value: 40, unit: 'days' } } });
    expect(next.stageThresholds).toEqual(expect.objectContaining({ negotiation: { value: 25, unit: 'working_days' }, intention: { value: 40, unit: 'days' }, land_delivered: { value: 15, unit: 'working_days' } }));
  });

  it('switch a level off with null and change a delay to hours', () => {
    const next = applyRuleChange('task_overdue', defaults('task_overdue'), { escalation: { managers: null, leader: { value: 4, unit: 'hours' } } });
    expect(next.escalation).toEqual({ officer: null, leader: { value: 4, unit: 'hours' }, managers: null });
  });

  it('refuse what a rule cannot take, naming the field', () => {
    expect(fieldOf(() => applyRuleChange('lead_unscreened', defaults('lead_unscreened'), { escalation: { leader: { value: 1, unit: 'working_days' } } }))).toBe('escalation.leader');
    expect(fieldOf(() => applyRuleChange('task_overdue', defaults('task_overdue'), { escalation: { leader: { value: 2, unit: 'days' } } }))).toBe('escalation.leader.unit');
    expect(fieldOf(() => applyRuleChange('task_overdue', defaults('task_overdue'), { escalation: { leader: { value: -1, unit: 'hours' } } }))).toBe('escalation.leader.value');
    expect(fieldOf(() => applyRuleChange('task_due', defaults('task_due'), { threshold: { value: 1, unit: 'hours' } }))).toBe('threshold');
    expect(fieldOf(() => applyRuleChange('lead_unassigned', defaults('lead_unassigned'), { threshold: null }))).toBe('threshold');
    expect(fieldOf(() => applyRuleChange('stale_project', defaults('stale_project'), { stageThresholds: { on_hold: { value: 3, unit: 'days' } } as never }))).toBe('stageThresholds.on_hold');
    expect(fieldOf(() => applyRuleChange('task_due', defaults('task_due'), { escalation: { officer: null } }))).toBe('escalation');
    expect(fieldOf(() => applyRuleChange('task_due', defaults('task_due'), { channels: ['email', 'sms' as never] }))).toBe('channels[1]');
  });
});
