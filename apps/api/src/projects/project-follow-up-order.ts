import type { Project } from '@zs/db';
import { validationError } from '@zs/domain';
import type { SelectQueryBuilder } from 'typeorm';
import type { Page, PageQueryDto } from '../common/pagination';

/** Where a `sort=nextFollowUpAt` page ended: the last row's follow-up (null: among the projects without one) and id. */
interface FollowUpKey {
  f: string | null;
  id: string;
}

const SORT = 'nextFollowUpAt';

export function encodeFollowUpCursor(nextFollowUpAt: Date | null, id: string): string {
  return Buffer.from(JSON.stringify({ s: SORT, f: nextFollowUpAt ? nextFollowUpAt.toISOString() : null, id })).toString('base64url');
}

/** A cursor of this order only (one of the newest-first order, or garbage, is a 400 naming `cursor`). */
export function decodeFollowUpCursor(cursor: string): FollowUpKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown } & FollowUpKey;
    const idOk = typeof key.id === 'string' && /^[0-9a-f-]{36}$/i.test(key.id);
    const atOk = key.f === null || (typeof key.f === 'string' && !Number.isNaN(Date.parse(key.f)));
    if (key.s === SORT && idOk && atOk) return { f: key.f, id: key.id };
  } catch {
    /* fall through */
  }
  throw validationError('cursor', '无效的分页游标 (invalid cursor for sort=nextFollowUpAt)');
}

/**
 * One keyset page of the projects `qb` selects (alias `p`) in the order `next_follow_up_at ASC NULLS LAST, id ASC`:
 * the soonest follow-up first, projects without one last. Read as at most two ranges of the
 * `(…, next_follow_up_at, id)` indexes — those with a follow-up after the cursor, then, while the page is not full,
 * those without one — rather than one OR over both, which no index range serves. `read(qb, n)` selects and reads
 * at most `n` rows of `qb` in the order it was given; one row more than asked tells whether a next page exists.
 */
export async function followUpPage<R extends { id: string; nextFollowUpAt: Date | null }>(
  qb: SelectQueryBuilder<Project>,
  query: PageQueryDto,
  read: (qb: SelectQueryBuilder<Project>, limit: number) => Promise<R[]>,
): Promise<Page<R>> {
  const limit = query.limit ?? 50;
  const key = query.cursor ? decodeFollowUpCursor(query.cursor) : null;
  const rows: R[] = [];
  if (!key || key.f !== null) {
    const dated = qb.clone().andWhere('p.next_follow_up_at IS NOT NULL');
    if (key) dated.andWhere('(p.next_follow_up_at, p.id) > (:cursorFollowUp, :cursorId)', { cursorFollowUp: new Date(key.f!), cursorId: key.id });
    rows.push(...(await read(dated.orderBy('p.next_follow_up_at', 'ASC').addOrderBy('p.id', 'ASC'), limit + 1)));
  }
  if (rows.length <= limit) {
    const undated = qb.clone().andWhere('p.next_follow_up_at IS NULL');
    if (key?.f === null) undated.andWhere('p.id > :cursorId', { cursorId: key.id });
    rows.push(...(await read(undated.orderBy('p.next_follow_up_at', 'ASC').addOrderBy('p.id', 'ASC'), limit + 1 - rows.length)));
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeFollowUpCursor(last.nextFollowUpAt, last.id) : null };
}
