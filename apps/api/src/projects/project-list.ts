import type { Project } from '@zs/db';
import { nameBigrams } from '@zs/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor, type Page, type PageQueryDto } from '../common/pagination';
import type { ProjectSort } from './dto/project.dto';
import { followUpPage } from './project-follow-up-order';
import type { ProjectView } from './project.view';

/**
 * The project list's columns, read raw (no entity hydration: the hot list's main cost, PITFALLS "HTTP"), in the
 * order and shape of `toProjectView`: dates as `YYYY-MM-DD`, amounts as numbers, timestamps as Dates.
 */
const COLUMNS: [expression: string, field: keyof ProjectView][] = [
  ['p.id', 'id'], ['p.code', 'code'], ['p.name', 'name'], ['p.park_id', 'parkId'], ['p.company_id', 'companyId'], ['c.name', 'companyName'],
  ['p.industry', 'industry'], ['p.channel', 'channel'], ['p.origin_region', 'originRegion'], ['p.total_investment', 'totalInvestment'],
  ['p.fixed_asset_investment', 'fixedAssetInvestment'], ['p.registered_capital', 'registeredCapital'], ['p.land_area_mu', 'landAreaMu'],
  ['p.expected_annual_output', 'expectedAnnualOutput'], ['p.expected_tax', 'expectedTax'], ['p.expected_jobs', 'expectedJobs'],
  ['p.build_type', 'buildType'], ['p.phase', 'phase'], ['p.owner_id', 'ownerId'], ['p.leader_id', 'leaderId'], ['p.assistant_ids', 'assistantIds'],
  ['p.confidential', 'confidential'], ['p.project_code', 'projectCode'], ['p.land_delivered_on::text', 'landDeliveredOn'],
  ['p.construction_started_on::text', 'constructionStartedOn'], ['p.completed_on::text', 'completedOn'],
  ['p.production_started_on::text', 'productionStartedOn'], ['p.stage', 'stage'], ['p.stage_entered_at', 'stageEnteredAt'],
  ['p.previous_stage', 'previousStage'], ['p.next_follow_up_at', 'nextFollowUpAt'], ['p.last_activity_at', 'lastActivityAt'],
  ['p.lead_id', 'leadId'], ['p.created_at', 'createdAt'], ['p.updated_at', 'updatedAt'], ['p.deleted_at', 'deletedAt'], ['p.version', 'version'],
];

const NUMERIC: (keyof ProjectView)[] = ['totalInvestment', 'fixedAssetInvestment', 'registeredCapital', 'landAreaMu', 'expectedAnnualOutput', 'expectedTax'];

/** The keyset condition of `?cursor=` (newest first on `(created_at, id)`), before any narrowing. */
export function applyProjectCursor(qb: SelectQueryBuilder<Project>, query: ProjectPageQuery): void {
  if (!query.cursor || query.sort === 'nextFollowUpAt') return; // that order reads its own cursor (followUpPage)
  const key = decodeCursor(query.cursor);
  qb.andWhere('(p.created_at, p.id) < (:cursorAt, :cursorId)', { cursorAt: new Date(key.at), cursorId: key.id });
}

/**
 * `q` matches the project's name OR its company's. As one OR across the join, no index can serve it: each page
 * walked the projects newest first and looked up every company (seconds at 1M projects for a rare name). So
 * the page is taken from the union of two keyset pages, one per name, each with every filter of `qb`, where
 * the planner picks per branch between the name's bigram GIN index (rare terms) and the (created_at, id) walk
 * (common ones). Call it after the cursor and all filters are on `qb`.
 */
export function narrowToSearch(qb: SelectQueryBuilder<Project>, query: ProjectPageQuery, byProject: SqlCondition, byCompany: SqlCondition): void {
  if (query.sort === 'nextFollowUpAt') { // the union's branches are newest-first pages: in that order, match either name
    qb.andWhere(`(${byProject.sql} OR ${byCompany.sql})`, { ...byProject.params, ...byCompany.params });
    return;
  }
  const limit = (query.limit ?? 50) + 1;
  const branch = (match: SqlCondition) =>
    qb.clone().select('p.id').andWhere(match.sql, match.params).orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').limit(limit).getQuery();
  qb.andWhere(`p.id IN ((${branch(byProject)}) UNION ALL (${branch(byCompany)}))`, { ...byProject.params, ...byCompany.params });
}

/** `?limit=&cursor=` and `?sort=` (newest first by default, or `nextFollowUpAt`: project-follow-up-order.ts). */
type ProjectPageQuery = PageQueryDto & { sort?: ProjectSort };

/**
 * `q` in the name of `alias` (`p` the project, `c` its company): all of q's bigrams in the GIN-indexed
 * `name_bigrams`, confirmed by the substring (case-folded, as ILIKE). The substring test is `strpos`, not ILIKE:
 * the planner estimates an unanchored ILIKE at about 1% of the rows the bigrams leave, so that a common term
 * (锂业: 27,000 projects at 1M) looked like 300 and was read through the bitmap and sorted (2 s) instead of by
 * walking the newest first (a few thousand rows); `strpos(…) > 0` is estimated at a third, close to the truth.
 */
export function projectNameMatch(alias: 'p' | 'c', q: string): SqlCondition {
  const grams = nameBigrams(q).filter((g) => g.length === 2);
  const text = { [`${alias}Text`]: q.trim() };
  const substring = `strpos(lower(${alias}.name), lower(:${alias}Text)) > 0`;
  if (!grams.length) return { sql: substring, params: text };
  return { sql: `(${alias}.name_bigrams @> :${alias}Grams::text[] AND ${substring})`, params: { ...text, [`${alias}Grams`]: grams } };
}

interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * At most `limit` projects of `qb` (alias `p`, companies left joined as `c`) in the order `qb` was given, as
 * views: the read behind every page of the list, whatever its order.
 */
export async function readProjectViews(qb: SelectQueryBuilder<Project>, limit: number): Promise<ProjectView[]> {
  qb.select(COLUMNS[0][0], COLUMNS[0][1]);
  for (const [expression, field] of COLUMNS.slice(1)) qb.addSelect(expression, field);
  const rows: Record<string, unknown>[] = await qb.limit(limit).getRawMany();
  return rows.map((row) => {
    for (const field of NUMERIC) if (row[field] !== null) row[field] = Number(row[field]);
    return row as unknown as ProjectView;
  });
}

/**
 * One page of the list: newest first on `(created_at, id)` (the cursor already applied with `applyProjectCursor`),
 * or `sort=nextFollowUpAt` (followUpPage); reads one row more than asked to know whether a next page exists.
 */
export async function projectListPage(qb: SelectQueryBuilder<Project>, query: ProjectPageQuery): Promise<Page<ProjectView>> {
  if (query.sort === 'nextFollowUpAt') return followUpPage(qb, query, readProjectViews);
  const limit = query.limit ?? 50;
  const rows = await readProjectViews(qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC'), limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
