import type { Project } from '@zs/db';
import type { Stage } from '@zs/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { BUILD_TYPE_LABELS, excelDate, LEDGER_COLUMNS, stageLabel, yesNo } from './project-ledger.layout';
import type { RawCell } from './xlsx-rows';

/**
 * One ledger row as the export reads it: what the ledger shows of a project, its company, its people and its
 * park, in one row per project, raw (pg's values: numerics as text, the dates as `YYYY-MM-DD`).
 */
export interface LedgerRecord {
  code: string;
  name: string;
  company_name: string | null;
  credit_code: string | null;
  country: string | null;
  province: string | null;
  city: string | null;
  industry: string;
  channel: string;
  origin_region: string | null;
  total_investment: string;
  fixed_asset_investment: string | null;
  registered_capital: string | null;
  land_area_mu: string | null;
  expected_annual_output: string | null;
  expected_tax: string | null;
  expected_jobs: number | null;
  build_type: 'new' | 'continuing' | null;
  phase: string | null;
  stage: Stage;
  previous_stage: Stage | null;
  stage_entered_on: string;
  created_on: string;
  land_delivered_on: string | null;
  construction_started_on: string | null;
  completed_on: string | null;
  production_started_on: string | null;
  owner_name: string | null;
  owner_username: string | null;
  leader_name: string | null;
  leader_username: string | null;
  assistant_usernames: string | null;
  confidential: boolean;
  project_code: string | null;
  park_name: string | null;
}

/**
 * The ledger's columns over `p` (the list's projects) and its company, owner, leader and park. The company's
 * name is the list's (a live company's only); its other fields, the people and the park are shown whatever
 * their deletion, hence the joins on subqueries: TypeORM adds `deleted_at IS NULL` to a join on an entity.
 * The park-local dates of the two timestamps are computed here (200,000 instants formatted in a time zone in
 * JavaScript took about 0.7 s); the assistants' accounts are joined with 、 in the order of their usernames, looked
 * up only for the projects that have assistants (the lookup, a scan of users, took 1.8 s of 6.7 for 100,043 rows).
 */
const SELECT: [expression: string, alias: keyof LedgerRecord][] = [
  ['p.code', 'code'], ['p.name', 'name'], ['CASE WHEN c.deleted_at IS NULL THEN c.name END', 'company_name'],
  ['c.credit_code', 'credit_code'], ['c.country', 'country'], ['c.province', 'province'], ['c.city', 'city'],
  ['p.industry', 'industry'], ['p.channel', 'channel'], ['p.origin_region', 'origin_region'],
  ['p.total_investment', 'total_investment'], ['p.fixed_asset_investment', 'fixed_asset_investment'],
  ['p.registered_capital', 'registered_capital'], ['p.land_area_mu', 'land_area_mu'],
  ['p.expected_annual_output', 'expected_annual_output'], ['p.expected_tax', 'expected_tax'], ['p.expected_jobs', 'expected_jobs'],
  ['p.build_type', 'build_type'], ['p.phase', 'phase'], ['p.stage', 'stage'], ['p.previous_stage', 'previous_stage'],
  ["to_char(p.stage_entered_at AT TIME ZONE :ledgerTimeZone, 'YYYY-MM-DD')", 'stage_entered_on'],
  ["to_char(p.created_at AT TIME ZONE :ledgerTimeZone, 'YYYY-MM-DD')", 'created_on'],
  ['p.land_delivered_on::text', 'land_delivered_on'], ['p.construction_started_on::text', 'construction_started_on'],
  ['p.completed_on::text', 'completed_on'], ['p.production_started_on::text', 'production_started_on'],
  ['ow.display_name', 'owner_name'], ['ow.username', 'owner_username'], ['ld.display_name', 'leader_name'], ['ld.username', 'leader_username'],
  [`CASE WHEN cardinality(p.assistant_ids) > 0
     THEN (SELECT string_agg(u.username, '、' ORDER BY u.username) FROM users u WHERE u.id = ANY(p.assistant_ids)) END`, 'assistant_usernames'],
  ['p.confidential', 'confidential'], ['p.project_code', 'project_code'], ['pk.name', 'park_name'],
];

/** Turns the list's query (ProjectsService.listQuery) into the ledger's: its columns, one row per project. */
export function selectLedger(qb: SelectQueryBuilder<Project>, timeZone: string): SelectQueryBuilder<Project> {
  qb.select(SELECT[0][0], SELECT[0][1]);
  for (const [expression, alias] of SELECT.slice(1)) qb.addSelect(expression, alias);
  return qb
    .leftJoin('(SELECT id, name, deleted_at, credit_code, country, province, city FROM companies)', 'c', 'c.id = p.company_id')
    .leftJoin('(SELECT id, username, display_name FROM users)', 'ow', 'ow.id = p.owner_id')
    .leftJoin('(SELECT id, username, display_name FROM users)', 'ld', 'ld.id = p.leader_id')
    .leftJoin('(SELECT id, name FROM parks)', 'pk', 'pk.id = p.park_id')
    .setParameter('ledgerTimeZone', timeZone);
}

export interface LedgerLabels {
  industries: Map<string, string>;
  channels: Map<string, string>;
  regions: Map<string, string>;
}

const amount = (value: string | null): number | null => (value === null ? null : Number(value));

/** A ledger row's cells, in the order of LEDGER_COLUMNS. */
export function ledgerCells(r: LedgerRecord, labels: LedgerLabels): RawCell[] {
  const cells: Record<string, RawCell> = {
    code: r.code,
    name: r.name,
    'company.name': r.company_name,
    'company.creditCode': r.credit_code,
    'company.country': r.country,
    'company.province': r.province,
    'company.city': r.city,
    industry: labels.industries.get(r.industry) ?? r.industry,
    channel: labels.channels.get(r.channel) ?? r.channel,
    originRegion: r.origin_region ? (labels.regions.get(r.origin_region) ?? r.origin_region) : null,
    totalInvestment: amount(r.total_investment),
    fixedAssetInvestment: amount(r.fixed_asset_investment),
    registeredCapital: amount(r.registered_capital),
    landAreaMu: amount(r.land_area_mu),
    expectedAnnualOutput: amount(r.expected_annual_output),
    expectedTax: amount(r.expected_tax),
    expectedJobs: r.expected_jobs,
    buildType: r.build_type ? BUILD_TYPE_LABELS[r.build_type] : null,
    phase: r.phase,
    stage: stageLabel(r.stage),
    previousStage: r.stage === 'on_hold' || r.stage === 'dropped' ? stageLabel(r.previous_stage) : null,
    stageEnteredAt: excelDate(r.stage_entered_on),
    createdAt: excelDate(r.created_on),
    landDeliveredOn: excelDate(r.land_delivered_on),
    constructionStartedOn: excelDate(r.construction_started_on),
    completedOn: excelDate(r.completed_on),
    productionStartedOn: excelDate(r.production_started_on),
    ownerName: r.owner_name,
    ownerId: r.owner_username,
    leaderName: r.leader_name,
    leaderId: r.leader_username,
    assistantIds: r.assistant_usernames,
    confidential: yesNo(r.confidential),
    projectCode: r.project_code,
    parkId: r.park_name,
  };
  return LEDGER_COLUMNS.map((column) => cells[column.field]);
}
