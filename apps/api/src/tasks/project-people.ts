import { validationError } from '@zs/domain';
import type { EntityManager } from 'typeorm';

/**
 * People named on a project's records (task assignees, visit officers, blocker and permit-step owners) must be
 * active users of the project's park branch: its park, a park above it (the bureau) or a sub-area below it.
 * Otherwise a 400 naming `field`.
 */
export async function assertProjectPeople(manager: EntityManager, projectParkId: string, userIds: readonly string[], field: string): Promise<void> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return;
  const rows: { id: string }[] = await manager.query(
    `SELECT u.id FROM users u JOIN parks up ON up.id = u.park_id JOIN parks pp ON pp.id = $2
      WHERE u.id = ANY($1::uuid[]) AND u.disabled_at IS NULL
        AND (pp.path LIKE up.path || '%' OR up.path LIKE pp.path || '%')`,
    [ids, projectParkId],
  );
  if (rows.length !== ids.length) {
    throw validationError(field, `${field} 须为本园区的在职用户 (must name active users of the project's park)`);
  }
}
