import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { validationError } from '@zs/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export const MAX_LIMIT = 200;

/** `?limit=&cursor=` of every list (API.md): default 50, at most 200. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'opaque cursor from the previous page’s nextCursor' })
  @IsOptional() @IsString()
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface CursorKey {
  at: string;
  id: string;
}

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify({ at: at.toISOString(), id } satisfies CursorKey)).toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorKey;
    if (typeof key.id === 'string' && /^[0-9a-f-]{36}$/i.test(key.id) && !Number.isNaN(Date.parse(key.at))) return key;
  } catch {
    /* fall through */
  }
  throw validationError('cursor', '无效的分页游标 (invalid cursor)');
}

/**
 * Keyset pagination, newest first, on `(created_at, id)` — served by the `(…, created_at, id)` indexes.
 * Reads one row more than asked to know whether a next page exists.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string; createdAt: Date }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  query: PageQueryDto,
): Promise<Page<T>> {
  const limit = query.limit ?? 50;
  if (query.cursor) {
    const key = decodeCursor(query.cursor);
    qb.andWhere(`(${alias}.created_at, ${alias}.id) < (:cursorAt, :cursorId)`, { cursorAt: new Date(key.at), cursorId: key.id });
  }
  const rows = await qb.orderBy(`${alias}.created_at`, 'DESC').addOrderBy(`${alias}.id`, 'DESC').take(undefined).limit(limit + 1).getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** Lists of soft-deletable records: `?deleted=true` lists the deleted ones (admins only, else 403). */
export class SoftDeletePageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'admins: list deleted records instead' })
  @IsOptional() @Transform(({ value }) => value === true || value === 'true' ? true : value === false || value === 'false' ? false : value) @IsBoolean()
  deleted?: boolean;
}
