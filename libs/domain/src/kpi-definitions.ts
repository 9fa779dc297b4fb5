import { addDays, isDateOnly } from './dates';
import { validationError } from './domain-error';
import type { Label, Language } from './labels';
import { formatYi, roundHalfUp } from './money';
import { PIPELINE_STAGES, type PipelineStage, stageIndex } from './stages';

/**
 * Every figure managers read (funnel, KPIs, briefing) is defined here, once: which stages each figure
 * counts, the thresholds, the rates, the rounding, the periods, the definition sentences in both languages
 * and the briefing paragraph written from the figures. The SQL that computes the figures
 * (apps/api/src/analytics/analytics.queries.ts) is generated from these constants.
 */

// ——— thresholds and stage groups ———

/** 亿元以上项目: total investment of at least 10,000 万元. */
export const OVER_100M_WAN = 10_000;
/** 5000万元以上项目: at least 5,000 万元 (the 亿元 projects included). */
export const OVER_50M_WAN = 5_000;

/** 已落地 from this stage on; 正在对接 before it. */
export const LANDED_FROM_STAGE: PipelineStage = 'land_delivered';

/** The stage each `entered` figure counts: reached that stage (or one beyond it) for the first time. */
export const ENTERED_STAGES = {
  signed: 'agreement',
  contracted: 'contract',
  landed: 'land_delivered',
  started: 'construction',
  producing: 'production',
} as const satisfies Record<string, PipelineStage>;
export type EnteredKey = keyof typeof ENTERED_STAGES;
export const ENTERED_KEYS = Object.keys(ENTERED_STAGES) as EnteredKey[];

/**
 * 开工率 / 投产率: of the projects that entered `of` in the period, the share that had entered `reached`
 * by the end of the period (the seed's "25 firms entered, 12 started: 48%").
 */
export const RATE_RULES = {
  startRate: { of: 'landed', reached: 'started' },
  productionRate: { of: 'started', reached: 'producing' },
} as const satisfies Record<string, { of: EnteredKey; reached: EnteredKey }>;
export type RateKey = keyof typeof RATE_RULES;

/** Pipeline position of an `entered` figure's stage (0 = intention … 6 = production). */
export function enteredLevel(key: EnteredKey): number {
  return stageIndex(ENTERED_STAGES[key]);
}

export const LANDED_LEVEL = stageIndex(LANDED_FROM_STAGE);
export const PIPELINE_LEVELS: readonly { stage: PipelineStage; level: number }[] = PIPELINE_STAGES.map((stage, level) => ({ stage, level }));

// ——— the figures ———

export interface StageGroupFigures {
  count: number;
  totalInvestment: number;
}

/** The KPI figures of one period (amounts in 万元), as the API answers them and the briefing writes them. */
export interface KpiFigures {
  period: Period;
  active: StageGroupFigures & { over100m: number; over50m: number };
  inContact: StageGroupFigures;
  landed: StageGroupFigures;
  entered: Record<EnteredKey, number>;
  enteredInvestment: Record<EnteredKey, number>;
  fundsInPlace: number;
  startRate: number | null;
  productionRate: number | null;
}

/** numerator ÷ denominator, or null when the denominator is 0 (the rate is undefined). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** The two rates from the entered counts and the counts of those that went on (see RATE_RULES). */
export function rates(entered: Record<EnteredKey, number>, wentOn: Record<RateKey, number>): Record<RateKey, number | null> {
  return {
    startRate: ratio(wentOn.startRate, entered[RATE_RULES.startRate.of]),
    productionRate: ratio(wentOn.productionRate, entered[RATE_RULES.productionRate.of]),
  };
}

/** Year-on-year change: (current − previous) ÷ previous; null when the previous figure is 0. */
export function growth(current: number, previous: number): number | null {
  return previous === 0 ? null : (current - previous) / previous;
}

/** Days in a stage are reported with one decimal, rounded half up. */
export function roundDays(days: number | null): number | null {
  return days === null ? null : roundHalfUp(Number(days.toPrecision(12)), 1);
}

/** A rate as the reports write it: 0.48 → "48%", 2/3 → "66.7%" (one decimal at most, half up). */
export function formatPercent(rate: number | null): string | null {
  if (rate === null) return null;
  return `${roundHalfUp(Number((rate * 100).toPrecision(12)), 1)}%`;
}

/** Amounts in the briefing: 亿元 with one decimal, rounded half up (210500 万元 → "21.1"). */
export function briefingAmount(wan: number): string {
  return formatYi(wan, 1);
}

// ——— periods ———

/** A period of calendar days in the park's time zone, both ends included. */
export interface Period {
  from: string;
  to: string;
}

export interface PeriodQuery {
  year?: number;
  /** `YYYY-MM`, or a month number 1–12 together with `year`. */
  month?: string;
  from?: string;
  to?: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  return month === 12 ? `${year}-12-31` : addDays(`${year}-${pad2(month + 1)}-01`, -1);
}

function assertYear(year: number, field: string): void {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw validationError(field, `${field} 须为四位年份 (a year such as 2026)`);
}

/**
 * The period a query asks for: `year` (that calendar year), `month` (`2026-10`, or `10` with `year`: that
 * month), or `from`/`to` (dates, inclusive; `from` alone runs to today, `to` alone from 1 January of its
 * year). Nothing: the current calendar year. Mixing `year`/`month` with `from`/`to` is a 400.
 */
export function resolvePeriod(query: PeriodQuery, today: string): Period {
  const { year, month, from, to } = query;
  if ((year !== undefined || month !== undefined) && (from !== undefined || to !== undefined)) {
    throw validationError(year !== undefined ? 'year' : 'month', 'year/month 与 from/to 不能同时使用 (use either year/month or from/to)');
  }
  if (month !== undefined) {
    const full = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
    const short = /^(0?[1-9]|1[0-2])$/.exec(month);
    let y: number;
    let m: number;
    if (full) {
      [y, m] = [Number(full[1]), Number(full[2])];
      if (year !== undefined && year !== y) throw validationError('month', 'month 与 year 不一致 (month and year disagree)');
    } else if (short && year !== undefined) {
      [y, m] = [year, Number(short[1])];
    } else {
      throw validationError('month', 'month 须为 YYYY-MM，或与 year 同用的 1–12 (YYYY-MM, or 1–12 with year)');
    }
    assertYear(y, 'month');
    return { from: `${y}-${pad2(m)}-01`, to: lastDayOfMonth(y, m) };
  }
  if (year !== undefined) {
    assertYear(year, 'year');
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  if (from !== undefined && !isDateOnly(from)) throw validationError('from', 'from 须为 YYYY-MM-DD 日期 (date YYYY-MM-DD)');
  if (to !== undefined && !isDateOnly(to)) throw validationError('to', 'to 须为 YYYY-MM-DD 日期 (date YYYY-MM-DD)');
  if (from === undefined && to === undefined) {
    const y = Number(today.slice(0, 4));
    return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
  const period = { from: from ?? `${to!.slice(0, 4)}-01-01`, to: to ?? today };
  if (period.from > period.to) throw validationError('from', 'from 不能晚于 to (from must not be after to)');
  return period;
}

/** The same dates one year earlier (29 February becomes 28 February). */
export function previousYearPeriod(period: Period): Period {
  const back = (date: string) => {
    const y = Number(date.slice(0, 4)) - 1;
    const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
    return `${String(y).padStart(4, '0')}-${md}`;
  };
  return { from: back(period.from), to: back(period.to) };
}

/** A briefing's period: `2026` (the year) or `2026-10` (the year to the end of that month, as the reports count). */
export interface BriefingPeriod extends Period {
  key: string;
  year: number;
  /** The last month counted: 12 for a whole year. */
  month: number;
  wholeYear: boolean;
}

export function briefingPeriod(key: string): BriefingPeriod {
  const match = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/.exec(key ?? '');
  if (!match) throw validationError('period', 'period 须为 YYYY 或 YYYY-MM (e.g. 2026 or 2026-10)');
  const year = Number(match[1]);
  assertYear(year, 'period');
  const month = match[2] ? Number(match[2]) : 12;
  return { key, year, month, wholeYear: !match[2], from: `${year}-01-01`, to: lastDayOfMonth(year, month) };
}

// ——— definitions, one sentence each, in both languages ———

export const KPI_DEFINITIONS = {
  period: {
    zh: '统计期：按园区时区（默认 Asia/Shanghai）的自然日计算，含起止两日；阶段变更以其发生时间（occurredAt）归入统计期。',
    en: 'Period: calendar days in the park’s time zone (Asia/Shanghai by default), both ends included; each stage move belongs to the period of its occurredAt.',
  },
  active: {
    zh: '正在招商引资：统计期末未终止的全部项目，依据阶段历史判定，暂缓项目计入其暂缓前所处的阶段。',
    en: 'Active (正在招商引资): every project not dropped at the end of the period, read from the stage history; a project on hold counts in the stage it left.',
  },
  inContact: {
    zh: '正在对接：统计期末未终止、处于供地之前（意向、洽谈、签约、合同）的项目。',
    en: 'In contact (正在对接): active projects that, at the end of the period, stand before land_delivered (intention, negotiation, agreement, contract).',
  },
  landed: {
    zh: '已落地：统计期末未终止、处于供地或其后阶段（供地、开工、投产）的项目。',
    en: 'Landed (已落地): active projects that, at the end of the period, stand at land_delivered or later (construction, production).',
  },
  totalInvestment: {
    zh: '概算总投资：相应项目登记的总投资之和，单位万元。',
    en: 'Total investment (概算总投资): the sum of those projects’ recorded total investment, in 万元.',
  },
  over100m: {
    zh: '亿元以上项目：正在招商引资的项目中总投资不低于 10000 万元的个数。',
    en: 'Over 100m: active projects with a total investment of at least 10,000 万元 (1 亿元).',
  },
  over50m: {
    zh: '5000 万元以上项目：正在招商引资的项目中总投资不低于 5000 万元的个数（含亿元以上项目）。',
    en: 'Over 50m: active projects with a total investment of at least 5,000 万元, the 亿元 projects included.',
  },
  entered: {
    zh: '新签约/新合同/新落地/新开工/新投产：统计期内首次到达签约、合同、供地、开工、投产阶段或其后阶段的项目数（跳过的阶段视为同时到达，退回后再次到达不重复计算）。',
    en: 'Signed / contracted / landed / started / producing: projects that reached agreement, contract, land_delivered, construction or production, or a stage beyond it, for the first time in the period (a skipped stage counts as reached with the move that skipped it; reaching it again after a backward move does not count again).',
  },
  enteredInvestment: {
    zh: '新进入项目的概算总投资：上述各项新进入项目的总投资之和，单位万元。',
    en: 'Entered investment: the total investment of the projects counted in each entered figure, in 万元.',
  },
  fundsInPlace: {
    zh: '实际到位资金：统计期内到账（按到账日期）的到位资金之和，单位万元。',
    en: 'Funds in place (实际到位资金): the sum of the funds received in the period (by the date received), in 万元.',
  },
  startRate: {
    zh: '开工率：统计期内首次供地的项目中，截至期末已开工的项目所占比例；期内无供地项目时为空。',
    en: 'Start rate (开工率): of the projects that reached land_delivered in the period, the share that had reached construction by its end; null when none reached land_delivered.',
  },
  productionRate: {
    zh: '投产率：统计期内首次开工的项目中，截至期末已投产的项目所占比例；期内无开工项目时为空。',
    en: 'Production rate (投产率): of the projects that reached construction in the period, the share that had reached production by its end; null when none reached construction.',
  },
  breakdowns: {
    zh: '分组：按产业类别、招商方式、来源地区和项目责任人分组的同口径数据。',
    en: 'Breakdowns: the same figures for each industry, channel, origin region and responsible officer.',
  },
  previous: {
    zh: '上年同期：将统计期整体前移一年、按同一口径计算的数据；同比 =（本期 − 上年同期）÷ 上年同期。',
    en: 'Previous: the same figures for the same period one year earlier; year-on-year = (current − previous) ÷ previous.',
  },
} as const satisfies Record<string, Label>;

export const FUNNEL_DEFINITIONS = {
  period: KPI_DEFINITIONS.period,
  leads: {
    zh: '线索：统计期内收到（按收到日期）的线索，按线索自身的产业、招商方式、来源地区和承办人（ownerId）筛选；已转化、已否决按当前状态计；转化率 = 已转化 ÷ 收到；研判天数为收到日期至研判日期的天数中位数。',
    en: 'Leads: leads received in the period (by receivedOn), filtered by their own industry, channel, origin region and assignee (ownerId); converted and rejected by their status now; conversion rate = converted ÷ received; days to screen = median days from receivedOn to the screening date.',
  },
  entered: {
    zh: '进入：统计期内首次到达该阶段或其后阶段的项目数（跳过的阶段视为同时到达，退回后再次到达不重复计算）。',
    en: 'Entered: projects that reached the stage, or a stage beyond it, for the first time in the period (a skipped stage counts as reached with the move that skipped it; reaching it again after a backward move does not count again).',
  },
  totalInvestment: {
    zh: '总投资：进入该阶段的项目的总投资之和，单位万元。',
    en: 'Total investment: the total investment of the projects that entered the stage, in 万元.',
  },
  conversionToNext: {
    zh: '转化率：进入下一阶段的项目数 ÷ 进入本阶段的项目数（同一统计期）；本阶段无进入或已是最后阶段时为空。',
    en: 'Conversion to next: entered(next stage) ÷ entered(this stage), in the same period; null when none entered or for the last stage.',
  },
  medianDays: {
    zh: '停留天数中位数：由相邻两次阶段变更计算项目在该阶段的停留时长（暂缓、终止期间不计入），统计期内结束的停留按项目合计后取中位数，保留一位小数。',
    en: 'Median days: a stay in a stage runs from the move into it to the next move (time on hold or dropped is not counted); the stays that ended in the period are summed per project and the median is taken, with one decimal.',
  },
  p90Days: {
    zh: '停留天数 P90：同上口径的第 90 百分位数（线性插值）。',
    en: 'P90 days: the 90th percentile (interpolated) of the same per-project days.',
  },
  dropped: {
    zh: '终止：统计期内从该阶段转为终止的项目数。',
    en: 'Dropped: projects moved from this stage to dropped in the period.',
  },
  onHold: {
    zh: '暂缓：统计期内从该阶段转为暂缓的项目数。',
    en: 'On hold: projects moved from this stage to on_hold in the period.',
  },
  snapshot: {
    zh: '当前分布：此刻每个阶段（暂缓单列）未终止项目的个数和总投资，依据阶段历史判定，与统计期无关。',
    en: 'Snapshot: where every open (not dropped) project stands now, on hold listed apart, read from the stage history; independent of the period.',
  },
} as const satisfies Record<string, Label>;

/** A definitions record in one language. */
export function definitionsIn<K extends string>(definitions: Record<K, Label>, language: Language): Record<K, string> {
  return Object.fromEntries(Object.entries<Label>(definitions).map(([key, label]) => [key, label[language]])) as Record<K, string>;
}

// ——— the briefing (工作简报) paragraph ———

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface BriefingOptions {
  language: Language;
  period: BriefingPeriod;
  /** True while the period has not ended: "截至目前" instead of "截至 2026 年 10 月底". */
  current: boolean;
}

/**
 * The paragraph of figures a committee writes (the seed's fifth report: "正在招商引资的项目xx个，概算总投资
 * xxx.x亿元，其中亿元以上项目x个。目前已落地项目x个，概算投资x.x亿元；正在对接的项目xx个…已完成招商引资实际
 * 到位资金xx.x亿元"), written from exactly the KPI figures of the period. Amounts in 亿元 with one decimal.
 */
export function briefingText(figures: KpiFigures, options: BriefingOptions): string {
  return options.language === 'en' ? briefingEn(figures, options) : briefingZh(figures, options);
}

function briefingZh(f: KpiFigures, { period, current }: BriefingOptions): string {
  const asOf = current ? '截至目前' : period.wholeYear ? `截至${period.year}年底` : `截至${period.year}年${period.month}月底`;
  const span = current
    ? `${period.year}年以来`
    : period.wholeYear
      ? `${period.year}年`
      : period.month === 1 ? `${period.year}年1月` : `${period.year}年1—${period.month}月`;
  const yi = briefingAmount;
  const rate = (value: number | null) => formatPercent(value) ?? '暂无';
  return (
    `${asOf}，正在招商引资的项目${f.active.count}个，概算总投资${yi(f.active.totalInvestment)}亿元，` +
    `其中亿元以上项目${f.active.over100m}个、5000万元以上项目${f.active.over50m}个；` +
    `已落地项目${f.landed.count}个，概算投资${yi(f.landed.totalInvestment)}亿元；` +
    `正在对接的项目${f.inContact.count}个，概算投资${yi(f.inContact.totalInvestment)}亿元。` +
    `${span}，新签约项目${f.entered.signed}个，新落地项目${f.entered.landed}个，新开工项目${f.entered.started}个，开工率${rate(f.startRate)}；` +
    `新投产项目${f.entered.producing}个，投产率${rate(f.productionRate)}；` +
    `已完成招商引资实际到位资金${yi(f.fundsInPlace)}亿元。`
  );
}

function briefingEn(f: KpiFigures, { period, current }: BriefingOptions): string {
  const asOf = current
    ? 'As of today'
    : period.wholeYear ? `As of the end of ${period.year}` : `As of the end of ${EN_MONTHS[period.month - 1]} ${period.year}`;
  const span = current
    ? `Since the start of ${period.year}`
    : period.wholeYear
      ? `In ${period.year}`
      : period.month === 1 ? `In January ${period.year}` : `In January–${EN_MONTHS[period.month - 1]} ${period.year}`;
  const yi = (wan: number) => `${briefingAmount(wan)} hundred million yuan`;
  const n = (count: number, noun = 'project') => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const rate = (value: number | null) => formatPercent(value) ?? 'n/a';
  return (
    `${asOf}, ${n(f.active.count)} are being pursued with a total estimated investment of ${yi(f.active.totalInvestment)}, ` +
    `${f.active.over100m} of them of at least 100 million yuan and ${f.active.over50m} of at least 50 million yuan; ` +
    `${n(f.landed.count)} have landed, with an estimated investment of ${yi(f.landed.totalInvestment)}; ` +
    `${n(f.inContact.count)} are in contact, with an estimated investment of ${yi(f.inContact.totalInvestment)}. ` +
    `${span}, ${n(f.entered.signed)} signed, ${f.entered.landed} landed and ${f.entered.started} started construction (start rate ${rate(f.startRate)}); ` +
    `${f.entered.producing} went into production (production rate ${rate(f.productionRate)}); ` +
    `funds in place reached ${yi(f.fundsInPlace)}.`
  );
}
