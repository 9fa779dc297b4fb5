import { DomainError, ErrorCode } from '@zs/domain';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * TypeORM's save() does not check @VersionColumn (PITFALLS.md): the update names the version it read,
 * and 0 rows affected means someone else changed the record first → 409, nothing changed.
 */
export async function updateWithVersion<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
  version: number,
  changes: Partial<T>,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  if (!result.affected) {
    throw new DomainError(ErrorCode.StaleVersion, '记录已被他人修改，请刷新后重试 (stale version)', [
      { field: 'version', message: '版本已过期 (stale version)' },
    ]);
  }
}

export function notFound(what = '记录'): DomainError {
  return new DomainError(ErrorCode.NotFound, `${what}不存在 (not found)`);
}

export function forbidden(message = '无权执行此操作 (forbidden)'): DomainError {
  return new DomainError(ErrorCode.Forbidden, message);
}

/** The fields a PATCH actually sent (undefined = not sent; null = cleared). */
export function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
