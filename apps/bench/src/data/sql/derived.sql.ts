/**
 * Tables the database derives by triggers from what the generator writes (the analytics' stage facts and spans,
 * migration ProjectStageDerived). The load runs with `session_replication_role = replica`, which skips triggers
 * as well as foreign-key checks, so the derived rows are built here once, set-based, with the migration's own
 * function. Nothing happens on a schema without it. The user triggers present are listed by `userTriggersSql`.
 */
export function derivedSql(): string[] {
  return [
    `DO $$ BEGIN
       IF to_regproc('refresh_project_stage_derived') IS NOT NULL THEN
         PERFORM refresh_project_stage_derived(ARRAY(SELECT id FROM projects));
       END IF;
     END $$`,
  ];
}

/**
 * The triggers on the generated tables (skipped during the load): each must be covered by derivedSql, or by the
 * INSERT itself (the projects' search columns of migration ProjectSearchColumns: projectsSql fills them).
 */
export const USER_TRIGGERS_SQL = `SELECT DISTINCT tgrelid::regclass::text AS "table" FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`;
