import { DomainError, ErrorCode } from '@zs/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from './actor';

/** `?deleted=true` → only deleted rows (admins only: 403 for anyone else); otherwise only live rows. */
export function applyDeletedFilter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, actor: Actor, deleted?: boolean): SelectQueryBuilder<T> {
  if (!deleted) return qb;
  if (actor.role !== 'admin') throw new DomainError(ErrorCode.Forbidden, '只有管理员可以查看已删除记录 (admins only)');
  return qb.withDeleted().andWhere(`${alias}.deleted_at IS NOT NULL`);
}
