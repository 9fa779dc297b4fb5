import {
  isOffPathStage, isPipelineStage, parseDateOnly, parseMoneyWan, STAGE_LABELS, STAGES,
  type FieldIssue, type PipelineStage, type Stage,
} from '@zs/domain';

/**
 * The project ledger (项目台账) layout: one column per field, Chinese headers in row 1. The export writes it and
 * the import reads it back (columns found by their header, in any order), so that a ledger exported and
 * imported again changes nothing.
 */

export type LedgerKind = 'text' | 'money' | 'area' | 'int' | 'date' | 'dictionary' | 'stage' | 'buildType' | 'bool' | 'people';

export interface LedgerColumn {
  /** The API field the column holds (import errors name it). */
  field: string;
  header: string;
  kind: LedgerKind;
  width: number;
  required?: boolean;
  /** Written by the export, ignored by the import (ours, or shown for people to read). */
  exportOnly?: boolean;
  maxLength?: number;
  dictionary?: 'industries' | 'channels' | 'regions';
}

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { field: 'code', header: '项目编号', kind: 'text', width: 16, exportOnly: true },
  { field: 'name', header: '项目名称', kind: 'text', width: 36, required: true, maxLength: 200 },
  { field: 'company.name', header: '企业名称', kind: 'text', width: 30, required: true, maxLength: 200 },
  { field: 'company.creditCode', header: '统一社会信用代码', kind: 'text', width: 22, maxLength: 40 },
  { field: 'company.country', header: '国别', kind: 'text', width: 6, maxLength: 2 },
  { field: 'company.province', header: '省份', kind: 'text', width: 10, maxLength: 50 },
  { field: 'company.city', header: '城市', kind: 'text', width: 10, maxLength: 50 },
  { field: 'industry', header: '产业类别', kind: 'dictionary', dictionary: 'industries', width: 14, required: true },
  { field: 'channel', header: '招商方式', kind: 'dictionary', dictionary: 'channels', width: 12, required: true },
  { field: 'originRegion', header: '来源地区', kind: 'dictionary', dictionary: 'regions', width: 10 },
  { field: 'totalInvestment', header: '总投资（万元）', kind: 'money', width: 14, required: true },
  { field: 'fixedAssetInvestment', header: '固定资产投资（万元）', kind: 'money', width: 16 },
  { field: 'registeredCapital', header: '注册资本（万元）', kind: 'money', width: 14 },
  { field: 'landAreaMu', header: '用地面积（亩）', kind: 'area', width: 12 },
  { field: 'expectedAnnualOutput', header: '预计年产值（万元）', kind: 'money', width: 16 },
  { field: 'expectedTax', header: '预计利税（万元）', kind: 'money', width: 14 },
  { field: 'expectedJobs', header: '新增就业（人）', kind: 'int', width: 12 },
  { field: 'buildType', header: '新建/续建', kind: 'buildType', width: 10 },
  { field: 'phase', header: '期次', kind: 'text', width: 8, maxLength: 32 },
  { field: 'stage', header: '项目阶段', kind: 'stage', width: 10, required: true },
  { field: 'previousStage', header: '暂缓/终止前阶段', kind: 'stage', width: 14 },
  { field: 'stageEnteredAt', header: '进入阶段日期', kind: 'date', width: 12 },
  { field: 'createdAt', header: '录入日期', kind: 'date', width: 12 },
  { field: 'landDeliveredOn', header: '供地日期', kind: 'date', width: 12 },
  { field: 'constructionStartedOn', header: '开工日期', kind: 'date', width: 12 },
  { field: 'completedOn', header: '竣工日期', kind: 'date', width: 12 },
  { field: 'productionStartedOn', header: '投产日期', kind: 'date', width: 12 },
  { field: 'ownerName', header: '责任人', kind: 'text', width: 12, maxLength: 100 },
  { field: 'ownerId', header: '责任人账号', kind: 'people', width: 14 },
  { field: 'leaderName', header: '包抓领导', kind: 'text', width: 12, maxLength: 100 },
  { field: 'leaderId', header: '包抓领导账号', kind: 'people', width: 14 },
  { field: 'assistantIds', header: '协办人员账号', kind: 'people', width: 18 },
  { field: 'confidential', header: '是否保密', kind: 'bool', width: 8 },
  { field: 'projectCode', header: '国家项目代码', kind: 'text', width: 24, maxLength: 64 },
  { field: 'parkId', header: '所属园区', kind: 'text', width: 16, maxLength: 100 },
];

export const LEDGER_SHEET_NAME = '项目台账';
/** Excel forbids `/` in sheet names, so "Filters/筛选条件" is written 筛选条件 (Filters). */
export const FILTERS_SHEET_NAME = '筛选条件 (Filters)';

export const MONEY_FORMAT = '#,##0.00';
export const AREA_FORMAT = '#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';

export const BUILD_TYPE_LABELS = { new: '新建', continuing: '续建' } as const;
const YES = '是';
const NO = '否';

export function columnOf(field: string): LedgerColumn | undefined {
  return LEDGER_COLUMNS.find((column) => column.field === field);
}

/** A `YYYY-MM-DD` date as an Excel date cell (exceljs writes Dates by their UTC calendar day). */
export function excelDate(date: string | null): Date | null {
  return date ? new Date(`${date}T00:00:00.000Z`) : null;
}

export function yesNo(value: boolean): string {
  return value ? YES : NO;
}

export function stageLabel(stage: Stage | null): string | null {
  return stage ? STAGE_LABELS[stage].zh : null;
}

// ——— reading cells back ———

/** What exceljs hands over for a cell: rich text, formulas and hyperlinks reduced to their value. */
export function cellValue(raw: unknown): string | number | boolean | Date | null {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw;
  if (typeof raw === 'object') {
    const value = raw as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(value.richText)) return cellValue(value.richText.map((part) => part.text).join(''));
    if ('result' in value) return cellValue(value.result);
    if ('text' in value) return cellValue(value.text);
    if (value.error) return `#${value.error}`;
  }
  return String(raw);
}

export function cellText(value: string | number | boolean | Date | null): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value).normalize('NFKC').trim();
  return text === '' ? null : text;
}

export class CellError extends Error {}

const fail = (message: string): never => {
  throw new CellError(message);
};

/** 万元 with at most two decimals (the ledger's numeric columns), from a number or text such as "1.2亿". */
export function readMoney(value: string | number | boolean | Date | null): number | null {
  if (value === null) return null;
  if (typeof value === 'boolean' || value instanceof Date) return fail('应为金额（万元）');
  let wan: number;
  try {
    wan = parseMoneyWan(value as string | number);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (Math.round(wan * 100) / 100 !== wan) fail('金额最多两位小数（万元）');
  if (wan > 999_999_999_999.99) fail('金额过大');
  return wan;
}

export function readArea(value: string | number | boolean | Date | null): number | null {
  if (value === null) return null;
  const text = cellText(value)!.replace(/,/g, '').replace(/亩$/, '');
  const area = Number(text);
  if (typeof value === 'boolean' || value instanceof Date || !/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(area)) fail('应为面积（亩）');
  if (Math.round(area * 100) / 100 !== area) fail('面积最多两位小数（亩）');
  return area;
}

export function readInt(value: string | number | boolean | Date | null): number | null {
  if (value === null) return null;
  const text = cellText(value)!.replace(/,/g, '').replace(/人$/, '');
  if (!/^\d+$/.test(text) || Number(text) > 2_147_483_647) fail('应为非负整数');
  return Number(text);
}

export function readDate(value: string | number | boolean | Date | null): string | null {
  if (value === null) return null;
  if (typeof value === 'boolean') fail('应为日期（YYYY-MM-DD）');
  try {
    return parseDateOnly(value as string | number | Date);
  } catch (error) {
    return fail((error as Error).message);
  }
}

export function readBool(value: string | number | boolean | Date | null): boolean | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value;
  const text = cellText(value)!.toLowerCase();
  if ([YES, 'y', 'yes', 'true', '1', '保密'].includes(text)) return true;
  if ([NO, 'n', 'no', 'false', '0', '不保密'].includes(text)) return false;
  return fail('应为“是”或“否”');
}

export function readBuildType(value: string | number | boolean | Date | null): 'new' | 'continuing' | null {
  const text = cellText(value);
  if (text === null) return null;
  if (text === BUILD_TYPE_LABELS.new || text === 'new') return 'new';
  if (text === BUILD_TYPE_LABELS.continuing || text === 'continuing') return 'continuing';
  return fail('应为“新建”或“续建”');
}

/** A stage from its Chinese or English label or its key. */
export function readStage(value: string | number | boolean | Date | null): Stage | null {
  const text = cellText(value);
  if (text === null) return null;
  const found = STAGES.find((stage) => stage === text || STAGE_LABELS[stage].zh === text || STAGE_LABELS[stage].en.toLowerCase() === text.toLowerCase());
  return found ?? fail(`未知的阶段：${text}（应为 ${STAGES.map((s) => STAGE_LABELS[s].zh).join('、')}）`);
}

/** Usernames in one cell, separated by 、 , ， ; or spaces. */
export function readList(value: string | number | boolean | Date | null): string[] {
  const text = cellText(value);
  return text ? [...new Set(text.split(/[、,，;；\s]+/).filter(Boolean))] : [];
}

export function readText(value: string | number | boolean | Date | null, column: LedgerColumn): string | null {
  const text = cellText(value);
  if (text !== null && column.maxLength && text.length > column.maxLength) fail(`不能超过 ${column.maxLength} 个字符`);
  return text;
}

/** The pipeline stage an off-path row left, required for on_hold and dropped. */
export function checkPreviousStage(stage: Stage, previous: Stage | null): FieldIssue | null {
  if (!isOffPathStage(stage)) return null;
  if (!previous) return { field: 'previousStage', message: `“${STAGE_LABELS[stage].zh}”的项目须填写暂缓/终止前所处的阶段` };
  if (!isPipelineStage(previous)) return { field: 'previousStage', message: '暂缓/终止前阶段须为意向至投产之一' };
  return null;
}

export type { PipelineStage };
