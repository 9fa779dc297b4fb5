import { nextMonthStart, rollupPlan } from './rollup-periods';

describe('rollupPlan', () => {
  it('reads a calendar year as one year bucket, standing as now minus the later years', () => {
    expect(rollupPlan({ from: '2025-01-01', to: '2025-12-31' })).toEqual({
      years: ['2025-01-01'], months: [], edges: [], bucketed: { from: '2025-01-01', to: '2026-01-01' }, end: '2026-01-01',
      later: { edge: null, monthsFrom: '2026-01-01', yearsFrom: '2026-01-01' }, wentOnGrain: 'y',
    });
  });

  it('reads a month as one month bucket, standing as now minus the later months and years', () => {
    expect(rollupPlan({ from: '2025-03-01', to: '2025-03-31' })).toEqual({
      years: [], months: ['2025-03-01'], edges: [], bucketed: { from: '2025-03-01', to: '2025-04-01' }, end: '2025-04-01',
      later: { edge: null, monthsFrom: '2025-04-01', yearsFrom: '2026-01-01' }, wentOnGrain: 'm',
    });
  });

  it('splits an odd period into edge days, whole months and whole years', () => {
    const plan = rollupPlan({ from: '2024-06-15', to: '2026-02-14' });
    expect(plan.edges).toEqual([{ from: '2024-06-15', to: '2024-07-01' }, { from: '2026-02-01', to: '2026-02-15' }]);
    expect(plan.months).toEqual(['2024-07-01', '2024-08-01', '2024-09-01', '2024-10-01', '2024-11-01', '2024-12-01', '2026-01-01']);
    expect(plan.years).toEqual(['2025-01-01']);
    expect(plan.bucketed).toEqual({ from: '2024-07-01', to: '2026-02-01' });
    expect(plan.later).toEqual({ edge: { from: '2026-02-15', to: '2026-03-01' }, monthsFrom: '2026-03-01', yearsFrom: '2027-01-01' });
    expect(plan.wentOnGrain).toBe('m');
  });

  it('reads a period inside one month, or across two without a whole one, from the edges only', () => {
    expect(rollupPlan({ from: '2025-03-05', to: '2025-03-25' })).toMatchObject({ years: [], months: [], edges: [{ from: '2025-03-05', to: '2025-03-26' }], bucketed: null });
    expect(rollupPlan({ from: '2024-12-20', to: '2025-01-10' })).toMatchObject({
      edges: [{ from: '2024-12-20', to: '2025-01-01' }, { from: '2025-01-01', to: '2025-01-11' }], bucketed: null,
      later: { edge: { from: '2025-01-11', to: '2025-02-01' }, monthsFrom: '2025-02-01', yearsFrom: '2026-01-01' },
    });
  });

  it('steps to the first of the next month across a year end', () => {
    expect(nextMonthStart('2025-12-31')).toBe('2026-01-01');
    expect(nextMonthStart('2025-02-14')).toBe('2025-03-01');
  });
});
