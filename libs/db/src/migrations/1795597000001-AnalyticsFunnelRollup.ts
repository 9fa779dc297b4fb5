import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The funnel's stays and exits for a manager's or an admin's park subtree (all projects, or one officer with
 * `ownerId`), rolled up so that a year's funnel reads a few thousand rows instead of every stay of the year;
 * the queries are in apps/api/src/analytics/analytics-funnel.queries.ts, the design in bench/notes/analytics.md.
 *
 * The funnel's median / p90 are taken over the days each project spent in a stage, its stays that ended in the
 * period summed; its exits count distinct projects. Neither is a plain sum over months, so:
 * - `analytics_funnel_stays`: per project, pipeline level and bucket (grain `m`: local month, `y`: local year, of
 *   analytics_rollup_settings' zone), its stays that ended in the bucket summed: a period of one bucket has exactly
 *   these values. `multi` marks a project and level whose stays end in more than one bucket of that grain: a period
 *   of several buckets sums those across its buckets (few rows, read from a partial index);
 * - `analytics_funnel_rollup`: per (grain, dim, key, bucket, park, level, days_bucket), how many of those values
 *   fall in the days bucket (`analytics_days_bucket`: ~1.6% wide, monotonic); with `days_bucket` -1, the moves
 *   from the level to dropped / on hold of the projects that left the level that way only once (single exits).
 *   dim 0 = all projects (key NULL), dim 4 = one owner (key = owner id);
 * - `analytics_funnel_repeat_exits`: the exits of the other projects (left a level for dropped / on hold more
 *   than once), one row each, counted distinct when read.
 * A quantile is then exact: the histogram gives the days bucket that holds each rank, and only that bucket's values
 * are read. Kept in the transaction of every write, like analytics_rollup: the same wrapper takes the touched
 * projects' contribution before and after.
 */

const TZ = `(SELECT s.time_zone FROM analytics_rollup_settings s)`;
const localDay = (instant: string) => `(${instant} AT TIME ZONE ${TZ})::date`;
const EXIT_STAGES = `('dropped', 'on_hold')`;
const GRAINS = `(VALUES ('m'::"char", 'month'), ('y'::"char", 'year')) gr(grain, unit)`;
const bucketOf = (instant: string) => `date_trunc(gr.unit, ${localDay(instant)}::timestamp)::date`;

// dimension first: a period of all projects (dim 0) or of one owner reads contiguous rows
const KEY = ['grain', 'dim', 'key', 'bucket', 'park_id', 'level', 'days_bucket'];
const MEASURES = ['stays', 'dropped', 'on_hold'];
const STAY_COLUMNS = ['project_id', 'grain', 'bucket', 'level', 'park_id', 'owner_id', 'seconds', 'days', 'days_bucket', 'multi'];

/** The live spans of `ids` (or all), with how often the project left that stage for that exit. */
const spansOf = (ids: string | null) => `
  SELECT s.project_id, s.park_id, s.owner_id, s.stage, s.from_stage, s.level, s.started_at, s.ended_at,
         project_stage_level(s.from_stage) AS from_level,
         count(*) OVER (PARTITION BY s.project_id, s.from_stage, s.stage) AS same_exit
    FROM project_stage_spans s
   WHERE s.deleted_at IS NULL${ids ? ` AND s.project_id = ANY(${ids})` : ''}`;

const EXIT = `s.level IS NULL AND s.stage IN ${EXIT_STAGES} AND s.from_level IS NOT NULL`;

/**
 * The stay values (analytics_funnel_stays' columns) of the spans in `s`: per project, level and bucket, the
 * seconds of its stays that ended in the bucket; days as the funnel computes them ((Σ seconds / 86400)::float8).
 */
const STAY_GROUPS = `
  SELECT g.project_id, g.grain, g.bucket, g.level, g.park_id, g.owner_id, g.seconds, g.days, analytics_days_bucket(g.days),
         count(*) OVER (PARTITION BY g.project_id, g.level, g.grain) > 1
    FROM (SELECT s.project_id, gr.grain, ${bucketOf('s.ended_at')} AS bucket, s.level, s.park_id, s.owner_id,
                 sum(extract(epoch FROM s.ended_at - s.started_at)) AS seconds,
                 (sum(extract(epoch FROM s.ended_at - s.started_at)) / 86400)::float8 AS days
            FROM s CROSS JOIN ${GRAINS}
           WHERE s.level IS NOT NULL AND s.ended_at IS NOT NULL
           GROUP BY 1, 2, 3, 4, 5, 6) g`;

/** The rollup rows (analytics_funnel_rollup's column order) of the stays and single exits of `ids` (or all). */
function funnelRowsSql(ids: string | null): string {
  return `
WITH s AS MATERIALIZED (${spansOf(ids)}),
stays AS (${STAY_GROUPS}),
events AS (
  SELECT st.grain, st.bucket, st.park_id, st.owner_id, st.level, st.days_bucket, 1 AS stays, 0 AS dropped, 0 AS on_hold
    FROM stays st(${STAY_COLUMNS.join(', ')})
  UNION ALL
  SELECT gr.grain, ${bucketOf('s.started_at')}, s.park_id, s.owner_id, s.from_level, -1::smallint,
         0, (s.stage = 'dropped')::int, (s.stage = 'on_hold')::int
    FROM s CROSS JOIN ${GRAINS}
   WHERE ${EXIT} AND s.same_exit = 1
)
SELECT e.grain, d.dim, d.key, e.bucket, e.park_id, e.level, e.days_bucket, ${MEASURES.map((x) => `sum(e.${x})::int`).join(', ')}
  FROM events e
 CROSS JOIN LATERAL (VALUES (0::smallint, NULL::text), (4::smallint, e.owner_id::text)) d(dim, key)
 GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

/** The stay values of `ids` (or all): analytics_funnel_stays' rows. */
const stayRowsSql = (ids: string | null) => `
WITH s AS MATERIALIZED (${spansOf(ids)})
${STAY_GROUPS}`;

/** The repeated exits (kind 2 dropped, 3 on hold) of `ids` (or all): analytics_funnel_repeat_exits' columns. */
const repeatExitRowsSql = (ids: string | null) => `
WITH s AS MATERIALIZED (${spansOf(ids)})
SELECT s.project_id, s.park_id, s.owner_id, CASE s.stage WHEN 'dropped' THEN 2::smallint ELSE 3::smallint END, s.from_level, s.started_at
  FROM s WHERE ${EXIT} AND s.same_exit > 1`;

const FUNCTIONS = `
CREATE FUNCTION analytics_funnel_rows(ids uuid[]) RETURNS SETOF analytics_funnel_rollup LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY ${funnelRowsSql('ids')};
END $$;
CREATE FUNCTION analytics_funnel_apply(before analytics_funnel_rollup[], after analytics_funnel_rollup[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(before) = 0 AND cardinality(after) = 0 THEN RETURN; END IF;
  INSERT INTO analytics_funnel_rollup
  SELECT ${KEY.map((k) => `d.${k}`).join(', ')}, ${MEASURES.map((m) => `sum(d.${m})`).join(', ')}
    FROM (SELECT ${KEY.map((k) => `b.${k}`).join(', ')}, ${MEASURES.map((m) => `-b.${m} AS ${m}`).join(', ')} FROM unnest(before) b
          UNION ALL
          SELECT * FROM unnest(after) a) d
   GROUP BY ${KEY.map((k) => `d.${k}`).join(', ')}
  HAVING ${MEASURES.map((m) => `sum(d.${m}) <> 0`).join(' OR ')}
   ORDER BY ${KEY.map((k) => `d.${k}`).join(', ')}
  ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET ${MEASURES.map((m) => `${m} = analytics_funnel_rollup.${m} + EXCLUDED.${m}`).join(', ')};
END $$;
CREATE FUNCTION analytics_funnel_values_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analytics_funnel_stays r WHERE r.project_id = ANY(ids);
  INSERT INTO analytics_funnel_stays ${stayRowsSql('ids')};
  DELETE FROM analytics_funnel_repeat_exits r WHERE r.project_id = ANY(ids);
  INSERT INTO analytics_funnel_repeat_exits ${repeatExitRowsSql('ids')};
END $$;
CREATE FUNCTION analytics_funnel_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE analytics_funnel_rollup, analytics_funnel_stays, analytics_funnel_repeat_exits;
  INSERT INTO analytics_funnel_rollup SELECT * FROM (${funnelRowsSql(null)}) r(${KEY.join(', ')}, ${MEASURES.join(', ')})
   ORDER BY ${KEY.map((k) => `r.${k}`).join(', ')};
  -- in the order of the quantile reads: one days bucket of one level and period is a few pages
  INSERT INTO analytics_funnel_stays SELECT * FROM (${stayRowsSql(null)}) r(${STAY_COLUMNS.join(', ')})
   ORDER BY r.grain, r.bucket, r.level, r.days_bucket;
  INSERT INTO analytics_funnel_repeat_exits ${repeatExitRowsSql(null)};
END $$`;

/*
 * The writers of 1795595000001, with (funnel = true) or without (down) the funnel's part: the history's wrapper,
 * the projects' update trigger (park, owner and soft delete move a project's stays), the hard delete (spans and
 * values go by cascade; their rollup rows are taken away first) and the rebuild after a TRUNCATE.
 */
const SCOPE_COLUMNS = 'park_id, owner_id, leader_id, assistant_ids, confidential, deleted_at, industry, channel, origin_region, total_investment';
const scopeOf = (alias: string) => SCOPE_COLUMNS.split(', ').map((c) => `${alias}.${c}`).join(', ');

function writers(funnel: boolean): string {
  const rows = (ids: string) => `ARRAY(SELECT r FROM analytics_funnel_rows(${ids}) r)`;
  return `
CREATE OR REPLACE FUNCTION refresh_project_stage_derived(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  before analytics_rollup[] := ARRAY(SELECT r FROM analytics_rollup_rows(ids) r);
  before_went_on analytics_rollup_went_on[] := ARRAY(SELECT r FROM analytics_rollup_went_on_rows(ids) r);${funnel ? `
  before_funnel analytics_funnel_rollup[] := ${rows('ids')};` : ''}
BEGIN
  PERFORM refresh_project_stage_derived_rows(ids);
  PERFORM analytics_rollup_apply(before, ARRAY(SELECT r FROM analytics_rollup_rows(ids) r));
  PERFORM analytics_rollup_went_on_apply(before_went_on, ARRAY(SELECT r FROM analytics_rollup_went_on_rows(ids) r));${funnel ? `
  PERFORM analytics_funnel_apply(before_funnel, ${rows('ids')});
  PERFORM analytics_funnel_values_refresh(ids);` : ''}
END $$;
CREATE OR REPLACE FUNCTION projects_derive_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moves boolean := (OLD.park_id, OLD.owner_id, OLD.deleted_at, OLD.industry, OLD.channel, OLD.origin_region, OLD.total_investment)
                   IS DISTINCT FROM (NEW.park_id, NEW.owner_id, NEW.deleted_at, NEW.industry, NEW.channel, NEW.origin_region, NEW.total_investment);
  before analytics_rollup[] := CASE WHEN moves THEN ARRAY(SELECT r FROM analytics_rollup_rows(ARRAY[NEW.id]) r) ELSE '{}' END;
  before_went_on analytics_rollup_went_on[] := CASE WHEN moves THEN ARRAY(SELECT r FROM analytics_rollup_went_on_rows(ARRAY[NEW.id]) r) ELSE '{}' END;${funnel ? `
  moves_stays boolean := (OLD.park_id, OLD.owner_id, OLD.deleted_at) IS DISTINCT FROM (NEW.park_id, NEW.owner_id, NEW.deleted_at);
  before_funnel analytics_funnel_rollup[] := CASE WHEN moves_stays THEN ${rows('ARRAY[NEW.id]')} ELSE '{}' END;` : ''}
BEGIN
  UPDATE project_stage_facts SET (${SCOPE_COLUMNS}) = (${scopeOf('NEW')}) WHERE project_id = NEW.id;
  UPDATE project_stage_spans SET (${SCOPE_COLUMNS}) = (${scopeOf('NEW')}) WHERE project_id = NEW.id;
  IF moves THEN
    PERFORM analytics_rollup_apply(before, ARRAY(SELECT r FROM analytics_rollup_rows(ARRAY[NEW.id]) r));
    PERFORM analytics_rollup_went_on_apply(before_went_on, ARRAY(SELECT r FROM analytics_rollup_went_on_rows(ARRAY[NEW.id]) r));
  END IF;${funnel ? `
  IF moves_stays THEN
    PERFORM analytics_funnel_apply(before_funnel, ${rows('ARRAY[NEW.id]')});
    PERFORM analytics_funnel_values_refresh(ARRAY[NEW.id]);
  END IF;` : ''}
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION projects_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_rollup_apply(ARRAY(SELECT r FROM analytics_rollup_rows(ARRAY[OLD.id]) r), '{}');
  PERFORM analytics_rollup_went_on_apply(ARRAY(SELECT r FROM analytics_rollup_went_on_rows(ARRAY[OLD.id]) r), '{}');${funnel ? `
  PERFORM analytics_funnel_apply(${rows('ARRAY[OLD.id]')}, '{}');` : ''}
  RETURN OLD;
END $$;
CREATE OR REPLACE FUNCTION analytics_rollup_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_rollup_rebuild();${funnel ? `
  PERFORM analytics_funnel_rebuild();` : ''}
  RETURN NULL;
END $$`;
}

export class AnalyticsFunnelRollup1795597000001 implements MigrationInterface {
  name = 'AnalyticsFunnelRollup1795597000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // ln(1 + days) in steps of 1/64: each bucket ~1.6% wider than the one before; stays of the same length share one
    await queryRunner.query(`CREATE FUNCTION analytics_days_bucket(days float8) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT floor(ln(1 + greatest(days, 0)) * 64)::smallint $$`);
    await queryRunner.query(`CREATE TABLE "analytics_funnel_rollup" ("grain" "char" NOT NULL, "dim" smallint NOT NULL, "key" text, "bucket" date NOT NULL, "park_id" uuid NOT NULL, "level" smallint NOT NULL, "days_bucket" smallint NOT NULL, "stays" integer NOT NULL DEFAULT 0, "dropped" integer NOT NULL DEFAULT 0, "on_hold" integer NOT NULL DEFAULT 0, CONSTRAINT "UQ_analytics_funnel_rollup_key" UNIQUE NULLS NOT DISTINCT ("grain", "dim", "key", "bucket", "park_id", "level", "days_bucket")) WITH (fillfactor = 80)`);
    await queryRunner.query(`CREATE TABLE "analytics_funnel_stays" ("project_id" uuid NOT NULL, "grain" "char" NOT NULL, "bucket" date NOT NULL, "level" smallint NOT NULL, "park_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "seconds" numeric NOT NULL, "days" float8 NOT NULL, "days_bucket" smallint NOT NULL, "multi" boolean NOT NULL, CONSTRAINT "FK_analytics_funnel_stays_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE TABLE "analytics_funnel_repeat_exits" ("project_id" uuid NOT NULL, "park_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "kind" smallint NOT NULL, "level" smallint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "FK_analytics_funnel_repeat_exits_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE)`);
    await queryRunner.query(FUNCTIONS);
    await queryRunner.query(`SELECT set_config('work_mem', '256MB', true)`);
    await queryRunner.query(`SELECT analytics_funnel_rebuild()`);
    // the values of one days bucket (the quantile's), and the values to sum across the buckets of a period
    await queryRunner.query(`CREATE INDEX "IDX_analytics_funnel_stays_bucket" ON "analytics_funnel_stays" ("grain", "bucket", "level", "days_bucket") INCLUDE ("park_id", "owner_id", "project_id", "days", "multi")`);
    await queryRunner.query(`CREATE INDEX "IDX_analytics_funnel_stays_multi" ON "analytics_funnel_stays" ("grain", "bucket") INCLUDE ("level", "park_id", "owner_id", "project_id", "seconds", "days_bucket") WHERE "multi"`);
    await queryRunner.query(`CREATE INDEX "IDX_analytics_funnel_stays_project" ON "analytics_funnel_stays" ("project_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_analytics_funnel_repeat_exits_at" ON "analytics_funnel_repeat_exits" ("at") INCLUDE ("kind", "level", "park_id", "owner_id", "project_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_analytics_funnel_repeat_exits_project" ON "analytics_funnel_repeat_exits" ("project_id")`);
    await queryRunner.query(writers(true));
    for (const table of ['analytics_funnel_rollup', 'analytics_funnel_stays', 'analytics_funnel_repeat_exits']) await queryRunner.query(`ANALYZE ${table}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(writers(false));
    await queryRunner.query(`DROP FUNCTION analytics_funnel_rebuild()`);
    await queryRunner.query(`DROP FUNCTION analytics_funnel_values_refresh(uuid[])`);
    await queryRunner.query(`DROP FUNCTION analytics_funnel_apply(analytics_funnel_rollup[], analytics_funnel_rollup[])`);
    await queryRunner.query(`DROP FUNCTION analytics_funnel_rows(uuid[])`);
    await queryRunner.query(`DROP TABLE "analytics_funnel_repeat_exits"`);
    await queryRunner.query(`DROP TABLE "analytics_funnel_stays"`);
    await queryRunner.query(`DROP TABLE "analytics_funnel_rollup"`);
    await queryRunner.query(`DROP FUNCTION analytics_days_bucket(float8)`);
  }
}
