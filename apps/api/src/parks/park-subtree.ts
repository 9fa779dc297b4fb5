/**
 * `column` (a park id column) within the subtree of `parkId` — that park and its sub-areas, through the
 * materialized `parks.path`. For the `parkId=` filter of lists; combine it with `parkScope(actor, …)`.
 */
export function parkSubtreeFilter(column: string, parkId: string, param = 'subtreeParkId'): { sql: string; params: Record<string, unknown> } {
  return {
    sql: `${column} IN (SELECT ps.id FROM parks ps WHERE ps.path LIKE (SELECT pt.path FROM parks pt WHERE pt.id = :${param}) || '%')`,
    params: { [param]: parkId },
  };
}
