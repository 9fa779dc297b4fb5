/**
 * Tables the database derives by triggers from what the generator writes (the analytics' stage facts and spans,
 * migration ProjectStageDerived). The load runs with `session_replication_role = replica`, which skips triggers
 * as well as foreign-key checks, so the derived rows (and the analytics rollup) are built here once, set-based,
 * with the migrations' own functions. Nothing happens on a schema without it. The user triggers present are listed by `userTriggersSql`.
 */
export function derivedSql(): string[] {
  return [
    // with the analytics rollup (migration AnalyticsRollup), refresh_project_stage_derived is a wrapper that also
    // moves each project's contribution to the rollup: the rows are built by the former function, renamed, then
    // the rollups (and the funnel's, migration AnalyticsFunnelRollup) are rebuilt in one set-based pass each
    `DO $$ BEGIN
       IF to_regproc('analytics_rollup_rebuild') IS NOT NULL THEN
         PERFORM refresh_project_stage_derived_rows(ARRAY(SELECT id FROM projects));
         PERFORM set_config('work_mem', '256MB', true);
         PERFORM analytics_rollup_rebuild();
         IF to_regproc('analytics_funnel_rebuild') IS NOT NULL THEN
           PERFORM analytics_funnel_rebuild();
         END IF;
       ELSIF to_regproc('refresh_project_stage_derived') IS NOT NULL THEN
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
