import { DomainError } from './domain-error';
import {
  briefingAmount, briefingPeriod, briefingText, definitionsIn, formatPercent, growth, KPI_DEFINITIONS, previousYearPeriod, rates, ratio,
  resolvePeriod, roundDays, type KpiFigures,
} from './kpi-definitions';

describe('KPI rules', () => {
  it('writes 亿元 with one decimal, rounded half up: 210500 万元 is 21.1', () => {
    expect(briefingAmount(210500)).toBe('21.1');
    expect(briefingAmount(128000)).toBe('12.8');
    expect(briefingAmount(500)).toBe('0.1');
    expect(briefingAmount(0)).toBe('0.0');
    expect(briefingAmount(12345)).toBe('1.2');
  });

  it('gives rates as fractions, null when nothing entered the base stage', () => {
    expect(ratio(12, 25)).toBe(0.48);
    expect(ratio(1, 0)).toBeNull();
    expect(rates({ signed: 0, contracted: 0, landed: 25, started: 0, producing: 0 }, { startRate: 12, productionRate: 0 })).toEqual({ startRate: 0.48, productionRate: null });
    expect(growth(15, 10)).toBe(0.5);
    expect(growth(3, 0)).toBeNull();
  });

  it('formats rates and days as the reports do', () => {
    expect(formatPercent(0.48)).toBe('48%');
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(0.0625)).toBe('6.3%');
    expect(formatPercent(null)).toBeNull();
    expect(roundDays(30.6000000001)).toBe(30.6);
    expect(roundDays(2.25)).toBe(2.3);
    expect(roundDays(null)).toBeNull();
  });

  it('resolves a year, a month, a range, or the current year', () => {
    expect(resolvePeriod({ year: 2010 }, '2026-11-25')).toEqual({ from: '2010-01-01', to: '2010-12-31' });
    expect(resolvePeriod({ month: '2024-02' }, '2026-11-25')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(resolvePeriod({ year: 2026, month: '10' }, '2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(resolvePeriod({ from: '2006-01-01', to: '2010-12-31' }, '2026-11-25')).toEqual({ from: '2006-01-01', to: '2010-12-31' });
    expect(resolvePeriod({ from: '2026-03-01' }, '2026-11-25')).toEqual({ from: '2026-03-01', to: '2026-11-25' });
    expect(resolvePeriod({}, '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it.each([
    [{ year: 2026, from: '2026-01-01' }, 'year'],
    [{ from: '2026-05-01', to: '2026-04-30' }, 'from'],
    [{ from: '2026-02-30' }, 'from'],
    [{ month: '13' }, 'month'],
    [{ year: 2025, month: '2026-01' }, 'month'],
  ])('rejects %p naming %s', (query, field) => {
    try {
      resolvePeriod(query, '2026-11-25');
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details?.[0].field).toBe(field);
    }
  });

  it('shifts a period back one year, 29 February included', () => {
    expect(previousYearPeriod({ from: '2024-02-29', to: '2024-12-31' })).toEqual({ from: '2023-02-28', to: '2023-12-31' });
  });

  it('reads a briefing period as the year to the end of a month', () => {
    expect(briefingPeriod('2026-10')).toMatchObject({ from: '2026-01-01', to: '2026-10-31', month: 10, wholeYear: false });
    expect(briefingPeriod('2026')).toMatchObject({ from: '2026-01-01', to: '2026-12-31', wholeYear: true });
    expect(() => briefingPeriod('2026-1')).toThrow(DomainError);
  });

  it('has one sentence per figure in each language', () => {
    const zh = definitionsIn(KPI_DEFINITIONS, 'zh');
    const en = definitionsIn(KPI_DEFINITIONS, 'en');
    expect(Object.keys(zh)).toEqual(Object.keys(en));
    expect(zh.startRate).toContain('开工率');
    expect(en.startRate).toMatch(/^Start rate/);
  });

  it('writes the briefing paragraph from the figures alone', () => {
    const figures: KpiFigures = {
      period: { from: '2021-01-01', to: '2021-12-31' },
      active: { count: 43, totalInvestment: 526000, over100m: 24, over50m: 37 },
      inContact: { count: 32, totalInvestment: 315500 },
      landed: { count: 11, totalInvestment: 210500 },
      entered: { signed: 10, contracted: 10, landed: 11, started: 0, producing: 0 },
      enteredInvestment: { signed: 0, contracted: 0, landed: 210500, started: 0, producing: 0 },
      fundsInPlace: 128000,
      startRate: 0,
      productionRate: null,
    };
    expect(briefingText(figures, { language: 'zh', period: briefingPeriod('2021'), current: false })).toBe(
      '截至2021年底，正在招商引资的项目43个，概算总投资52.6亿元，其中亿元以上项目24个、5000万元以上项目37个；' +
      '已落地项目11个，概算投资21.1亿元；正在对接的项目32个，概算投资31.6亿元。' +
      '2021年，新签约项目10个，新落地项目11个，新开工项目0个，开工率0%；新投产项目0个，投产率暂无；已完成招商引资实际到位资金12.8亿元。',
    );
    expect(briefingText(figures, { language: 'zh', period: briefingPeriod('2021-10'), current: true })).toMatch(/^截至目前，.*2021年以来，/);
    expect(briefingText(figures, { language: 'en', period: briefingPeriod('2021-10'), current: false })).toMatch(/^As of the end of October 2021, 43 projects .* In January–October 2021, 10 projects signed/);
  });
});
