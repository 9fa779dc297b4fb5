import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The analytics' derived stage data (entities in project-stage-derived.entity.ts), kept by triggers in the
 * transaction of every write, and backfilled from the existing history.
 *
 * The funnel and the KPIs used to rebuild every project's first reaches, stays and standing from the whole
 * stage history on each request (window functions and DISTINCT ON over ~5M rows at 1M projects: 5.8 s). Now:
 * - `project_stage_facts`, one row per project: first reach of each pipeline level, standing now, last move;
 * - `project_stage_spans`, one row per history entry: the stay it opened [started_at, ended_at), the levels it
 *   reached for the first time, the standing level;
 * both with copies of the project's scope and filter columns, so that every figure is one indexed read of one table.
 *
 * The rules below are those of @zs/domain (kpi-definitions.ts, stage-reach.ts): pipeline levels intention 0 …
 * production 6; on_hold / dropped stand where the stage they left belongs; history ordered by occurred_at, then
 * created_at (then id, so that full ties are deterministic). The triggers make them hold whoever writes:
 * ProjectsService, lead conversion, the Excel import, the demo loader, tests and bench data written in SQL.
 */
const LEVEL_FUNCTION = `
CREATE FUNCTION project_stage_level(stage varchar) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE stage WHEN 'intention' THEN 0 WHEN 'negotiation' THEN 1 WHEN 'agreement' THEN 2 WHEN 'contract' THEN 3
                     WHEN 'land_delivered' THEN 4 WHEN 'construction' THEN 5 WHEN 'production' THEN 6 END)::smallint
$$`;

const SCOPE_COLUMNS = 'park_id, owner_id, leader_id, assistant_ids, confidential, deleted_at, industry, channel, origin_region, total_investment';
const scopeOf = (alias: string) => SCOPE_COLUMNS.split(', ').map((c) => `${alias}.${c}`).join(', ');
const REACHED = [0, 1, 2, 3, 4, 5, 6];

/** Spans of the history rows of the projects in `keys` (a relation with column `id`), or of all projects. */
const spansSelect = (keys: string | null) => `
SELECT m.id, m.project_id, m.to_stage, m.from_stage, m.to_level, m.standing_level, m.occurred_at, m.ended_at,
       CASE WHEN m.to_level > m.prev_max THEN m.prev_max + 1 END, CASE WHEN m.to_level > m.prev_max THEN m.to_level END,
       ${scopeOf('p')}
  FROM (SELECT h.id, h.project_id, h.to_stage, h.from_stage, h.occurred_at,
               project_stage_level(h.to_stage) AS to_level,
               project_stage_level(CASE WHEN h.to_stage IN ('on_hold', 'dropped') THEN h.from_stage ELSE h.to_stage END) AS standing_level,
               lead(h.occurred_at) OVER w AS ended_at,
               coalesce(max(project_stage_level(h.to_stage)) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), -1) AS prev_max
          FROM project_stage_changes h
          ${keys ? `WHERE h.project_id IN (SELECT k.id FROM ${keys} k)` : ''}
        WINDOW w AS (PARTITION BY h.project_id ORDER BY h.occurred_at, h.created_at, h.id)) m
  JOIN projects p ON p.id = m.project_id`;

const SPAN_COLUMNS = `change_id, project_id, stage, from_stage, level, standing_level, started_at, ended_at, reach_from, reach_to, ${SCOPE_COLUMNS}`;
const FACT_COLUMNS = `project_id, ${SCOPE_COLUMNS}, ${REACHED.map((l) => `reached_${l}`).join(', ')}, standing_stage, standing_level, last_move_at`;

/** Facts of the projects in `keys` (or of all), from their spans. */
const factsSelect = (keys: string | null) => `
SELECT p.id, ${scopeOf('p')},
       ${REACHED.map((l) => `min(s.started_at) FILTER (WHERE s.level >= ${l})`).join(', ')},
       max(s.stage) FILTER (WHERE s.ended_at IS NULL), max(s.standing_level) FILTER (WHERE s.ended_at IS NULL), max(s.started_at)
  FROM projects p
  LEFT JOIN project_stage_spans s ON s.project_id = p.id
  ${keys ? `WHERE p.id IN (SELECT k.id FROM ${keys} k)` : ''}
 GROUP BY p.id`;

/** The projects to refresh, inside refresh_project_stage_derived. */
const KEYS = '(SELECT DISTINCT unnest(ids) AS id)';

const REFRESH_FUNCTION = `
CREATE FUNCTION refresh_project_stage_derived(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM project_stage_spans s WHERE s.project_id = ANY(ids);
  INSERT INTO project_stage_spans (${SPAN_COLUMNS}) ${spansSelect(KEYS)};
  INSERT INTO project_stage_facts (${FACT_COLUMNS}) ${factsSelect(KEYS)}
  ON CONFLICT (project_id) DO UPDATE SET (${FACT_COLUMNS.replace('project_id, ', '')}) =
    (${FACT_COLUMNS.replace('project_id, ', '').split(', ').map((c) => `EXCLUDED.${c}`).join(', ')});
END $$`;

const HISTORY_TRIGGERS = `
CREATE FUNCTION project_stage_changes_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_project_stage_derived(ARRAY(SELECT DISTINCT n.project_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_project_stage_derived(ARRAY(SELECT DISTINCT o.project_id FROM old_rows o));
  ELSE
    PERFORM refresh_project_stage_derived(ARRAY(SELECT n.project_id FROM new_rows n UNION SELECT o.project_id FROM old_rows o));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER project_stage_changes_derive_insert AFTER INSERT ON project_stage_changes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_stage_changes_derive();
CREATE TRIGGER project_stage_changes_derive_update AFTER UPDATE ON project_stage_changes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_stage_changes_derive();
CREATE TRIGGER project_stage_changes_derive_delete AFTER DELETE ON project_stage_changes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION project_stage_changes_derive();
CREATE FUNCTION project_stage_changes_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE project_stage_spans;
  UPDATE project_stage_facts SET ${REACHED.map((l) => `reached_${l} = NULL`).join(', ')}, standing_stage = NULL, standing_level = NULL, last_move_at = NULL
   WHERE last_move_at IS NOT NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER project_stage_changes_derive_truncate AFTER TRUNCATE ON project_stage_changes
  FOR EACH STATEMENT EXECUTE FUNCTION project_stage_changes_truncated()`;

const PROJECT_TRIGGERS = `
CREATE FUNCTION projects_derive_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_stage_facts (project_id, ${SCOPE_COLUMNS}) SELECT n.id, ${scopeOf('n')} FROM new_rows n
  ON CONFLICT (project_id) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER projects_derive_insert AFTER INSERT ON projects
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION projects_derive_insert();
CREATE FUNCTION projects_derive_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE project_stage_facts SET (${SCOPE_COLUMNS}) = (${scopeOf('NEW')}) WHERE project_id = NEW.id;
  UPDATE project_stage_spans SET (${SCOPE_COLUMNS}) = (${scopeOf('NEW')}) WHERE project_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER projects_derive_update AFTER UPDATE OF ${SCOPE_COLUMNS} ON projects FOR EACH ROW
  WHEN ((${scopeOf('OLD')}) IS DISTINCT FROM (${scopeOf('NEW')})) EXECUTE FUNCTION projects_derive_update()`;

export class ProjectStageDerived1795591000001 implements MigrationInterface {
  name = 'ProjectStageDerived1795591000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "project_stage_facts" ("park_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "leader_id" uuid, "assistant_ids" uuid array NOT NULL DEFAULT '{}', "confidential" boolean NOT NULL DEFAULT false, "deleted_at" TIMESTAMP WITH TIME ZONE, "industry" character varying(64) NOT NULL, "channel" character varying(32) NOT NULL, "origin_region" character varying(64), "total_investment" numeric(14,2) NOT NULL, "project_id" uuid NOT NULL, "reached_0" TIMESTAMP WITH TIME ZONE, "reached_1" TIMESTAMP WITH TIME ZONE, "reached_2" TIMESTAMP WITH TIME ZONE, "reached_3" TIMESTAMP WITH TIME ZONE, "reached_4" TIMESTAMP WITH TIME ZONE, "reached_5" TIMESTAMP WITH TIME ZONE, "reached_6" TIMESTAMP WITH TIME ZONE, "standing_stage" character varying(20), "standing_level" smallint, "last_move_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_00e1cb4c69ee2ed1647380ef422" PRIMARY KEY ("project_id"))`);
    await queryRunner.query(`CREATE TABLE "project_stage_spans" ("park_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "leader_id" uuid, "assistant_ids" uuid array NOT NULL DEFAULT '{}', "confidential" boolean NOT NULL DEFAULT false, "deleted_at" TIMESTAMP WITH TIME ZONE, "industry" character varying(64) NOT NULL, "channel" character varying(32) NOT NULL, "origin_region" character varying(64), "total_investment" numeric(14,2) NOT NULL, "change_id" uuid NOT NULL, "project_id" uuid NOT NULL, "stage" character varying(20) NOT NULL, "from_stage" character varying(20), "level" smallint, "standing_level" smallint, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "reach_from" smallint, "reach_to" smallint, CONSTRAINT "PK_aa5243146088420a45976d6c7c3" PRIMARY KEY ("change_id"))`);
    // backfill before the indexes and the foreign keys (one sort per index instead of one insertion per row)
    await queryRunner.query(LEVEL_FUNCTION);
    await queryRunner.query(`INSERT INTO project_stage_spans (${SPAN_COLUMNS}) ${spansSelect(null)}`);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_project" ON "project_stage_spans" ("project_id", "started_at") `);
    await queryRunner.query(`INSERT INTO project_stage_facts (${FACT_COLUMNS}) ${factsSelect(null)}`);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_facts_park" ON "project_stage_facts" ("park_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_facts_leader" ON "project_stage_facts" ("leader_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_facts_owner" ON "project_stage_facts" ("owner_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_owner_ended" ON "project_stage_spans" ("owner_id", "ended_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_owner_started" ON "project_stage_spans" ("owner_id", "started_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_ended" ON "project_stage_spans" ("ended_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_started" ON "project_stage_spans" ("started_at") `);
    await queryRunner.query(`ALTER TABLE "project_stage_facts" ADD CONSTRAINT "FK_00e1cb4c69ee2ed1647380ef422" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "project_stage_spans" ADD CONSTRAINT "FK_dd87ea7fa0a3cb19511c3f3083c" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(REFRESH_FUNCTION);
    await queryRunner.query(HISTORY_TRIGGERS);
    await queryRunner.query(PROJECT_TRIGGERS);
    await queryRunner.query(`ANALYZE project_stage_facts`);
    await queryRunner.query(`ANALYZE project_stage_spans`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER projects_derive_update ON projects`);
    await queryRunner.query(`DROP TRIGGER projects_derive_insert ON projects`);
    await queryRunner.query(`DROP FUNCTION projects_derive_update()`);
    await queryRunner.query(`DROP FUNCTION projects_derive_insert()`);
    for (const op of ['insert', 'update', 'delete', 'truncate']) await queryRunner.query(`DROP TRIGGER project_stage_changes_derive_${op} ON project_stage_changes`);
    await queryRunner.query(`DROP FUNCTION project_stage_changes_truncated()`);
    await queryRunner.query(`DROP FUNCTION project_stage_changes_derive()`);
    await queryRunner.query(`DROP FUNCTION refresh_project_stage_derived(uuid[])`);
    await queryRunner.query(`DROP TABLE "project_stage_spans"`);
    await queryRunner.query(`DROP TABLE "project_stage_facts"`);
    await queryRunner.query(`DROP FUNCTION project_stage_level(varchar)`);
  }
}
