import { preparedQuery, PROJECT_SEARCH_SEPARATOR, type Project } from '@zs/db';
import { nameBigrams } from '@zs/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor, type Page, type PageQueryDto } from '../common/pagination';
import type { ProjectSort } from './dto/project.dto';
import { followUpPage } from './project-follow-up-order';
import type { ProjectView } from './project.view';

/**
 * The project list's columns, read raw (no entity hydration: the hot list's main cost, PITFALLS "HTTP"), in the
 * order and shape of `toProjectView`: dates as `YYYY-MM-DD`, amounts as numbers, timestamps as Dates.
 * The company's name (a live company's only) is a subquery, not a join: PostgreSQL evaluates it for the rows of
 * the page only, after the sort and limit, where a join could be planned below the sort, for every matching
 * project (2,873 company lookups for a page of q=江苏华 at 1M projects, 1 s).
 */
const COMPANY_NAME = '(SELECT c.name FROM companies c WHERE c.id = p.company_id AND c.deleted_at IS NULL)';
const COLUMNS: [expression: string, field: keyof ProjectView][] = [
  ['p.id', 'id'], ['p.code', 'code'], ['p.name', 'name'], ['p.park_id', 'parkId'], ['p.company_id', 'companyId'], [COMPANY_NAME, 'companyName'],
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
 * `q`: a case-folded substring of the project's name or of its company's name as the list shows it (a live
 * company's only, in the admins' list of deleted projects too). Both names are on the project row
 * (`search_bigrams`, `search_text`, kept by triggers: migration ProjectSearchColumns), so that a page is one walk
 * of the projects newest first (common terms) or one bitmap of the GIN index over both names' bigrams (rare
 * ones), with every filter of `qb` and no company lookup per row. Whatever the order (`sort=nextFollowUpAt` too),
 * it is one more condition. Call it after the filters.
 */
export function narrowToSearch(qb: SelectQueryBuilder<Project>, q: string): void {
  const match = projectSearchMatch(q);
  qb.andWhere(match.sql, match.params);
}

/** `?limit=&cursor=` and `?sort=` (newest first by default, or `nextFollowUpAt`: project-follow-up-order.ts). */
type ProjectPageQuery = PageQueryDto & { sort?: ProjectSort };

/**
 * The condition of `q` on `p`: all of q's bigrams in the GIN-indexed `search_bigrams` (none for a one-character
 * q), confirmed by the substring in `search_text` (lower(name) ␟ lower(live company's name)). The substring test
 * is `strpos`, not ILIKE: the planner estimates an unanchored ILIKE at about 1% of the rows the bigrams leave, so
 * that a common term (锂业: 27,000 projects at 1M) looked like 300 and was read through the bitmap and sorted
 * instead of by walking the newest first; `strpos(…) > 0` is estimated at a third, close to the truth.
 * A q holding the separator (a control character) could match across both names in `search_text`: it is tested
 * against each name apart.
 */
export function projectSearchMatch(q: string): SqlCondition {
  const text = q.trim();
  if (text.includes(PROJECT_SEARCH_SEPARATOR)) {
    const byCompany = 'EXISTS (SELECT 1 FROM companies c WHERE c.id = p.company_id AND c.deleted_at IS NULL AND strpos(lower(c.name), lower(:searchText)) > 0)';
    return { sql: `(strpos(lower(p.name), lower(:searchText)) > 0 OR ${byCompany})`, params: { searchText: text } };
  }
  const grams = nameBigrams(text).filter((g) => g.length === 2);
  const substring = 'strpos(p.search_text, lower(:searchText)) > 0';
  if (!grams.length) return { sql: substring, params: { searchText: text } };
  return { sql: `(p.search_bigrams @> :searchGrams::text[] AND ${substring})`, params: { searchText: text, searchGrams: grams } };
}

interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * At most `limit` projects of `qb` (alias `p`) in the order `qb` was given, as
 * views: the read behind every page of the list, whatever its order.
 */
export async function readProjectViews(qb: SelectQueryBuilder<Project>, limit: number): Promise<ProjectView[]> {
  qb.select(COLUMNS[0][0], COLUMNS[0][1]);
  for (const [expression, field] of COLUMNS.slice(1)) qb.addSelect(expression, field);
  // a page without `q` has one best plan whatever its values: prepared, it is planned once per connection; with `q`
  // (its `searchText` parameter, kept by clones) the plan depends on the term (rare: the GIN bitmap; common: a walk)
  const [text, values] = qb.limit(limit).getQueryAndParameters();
  const rows = 'searchText' in qb.getParameters()
    ? await qb.getRawMany<Record<string, unknown>>()
    : await preparedQuery<Record<string, unknown>>(qb.connection, text, values);
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
  const rows = await readProjectViews(orderAsListed(qb, query.sort), limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/**
 * The list's order over all of `qb`'s projects, for a walk that reads them in one query (the ledger export's
 * cursor): newest first on `(created_at, id)`, or for `sort=nextFollowUpAt` the soonest follow-up first and the
 * projects without one last, by id (followUpPage's two ranges one after the other).
 */
export function orderAsListed(qb: SelectQueryBuilder<Project>, sort?: ProjectSort): SelectQueryBuilder<Project> {
  if (sort === 'nextFollowUpAt') return qb.orderBy('p.next_follow_up_at', 'ASC', 'NULLS LAST').addOrderBy('p.id', 'ASC');
  return qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC');
}
