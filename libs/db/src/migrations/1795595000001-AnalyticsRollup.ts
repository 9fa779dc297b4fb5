import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The analytics rollup: per (grain, bucket, park, dimension, key), the sums the KPIs and the funnel's `entered`
 * read for a manager's or an admin's park subtree, so that an all-projects request sums a few thousand rows
 * instead of reading 1M projects. Kept by the triggers of the derived stage data (1795591000001), in the
 * transaction of every write, as the difference between the touched projects' contribution before and after;
 * the queries are in apps/api/src/analytics/analytics-rollup.queries.ts, the design in bench/notes/analytics.md.
 *
 * - `analytics_rollup`: grain `m` (bucket = first day of the local month), `y` (first day of the local year) or
 *   `a` (all time, bucket -infinity: what stands now, the standing vector only); dimension 1 industry, 2 channel, 3 origin region, 4 owner
 *   (every live project is in exactly one channel: the totals are the sums over dimension 2). Each project's
 *   events, bucketed by the local day on which they happen:
 *   - `entered_<l>` / `entered_investment_<l>`: its first reach of pipeline level l (facts' reached_<l>);
 *   - the standing vector (`existing`, `active`, …, `now_<stage>`): +1 at the start of each stay, −1 at its end
 *     (spans), so that the sum of the events before an instant is where the project stood then, as the KPIs
 *     read it (last move strictly before the end of the period);
 *   - `funds` / `funds_amount`: its live funds, on `received_on`.
 * - `analytics_rollup_went_on`: the rates' numerators couple two reach times (reached `of` in the period and
 *   `reached` by its end): per (grain, bucket of the `of` reach, bucket of the `reached` one), the projects.
 * Only live projects (deleted_at IS NULL) contribute: the rollup answers managers and admins (no confidential rule).
 * The time zone of the buckets is fixed here (TZ_PARK at migration time, in analytics_rollup_settings); the API
 * reads the rollup only while TZ_PARK equals it (else the per-project path).
 */

const STAGES = ['intention', 'negotiation', 'agreement', 'contract', 'land_delivered', 'construction', 'production', 'on_hold'];
const LEVELS = [0, 1, 2, 3, 4, 5, 6];
const LANDED_LEVEL = 4;
const OVER_100M_WAN = 10_000;
const OVER_50M_WAN = 5_000;

const COUNTS = [
  ...LEVELS.map((l) => `entered_${l}`), 'existing', 'active', 'over100m', 'over50m', 'in_contact', 'landed', 'funds',
  ...STAGES.map((s) => `now_${s}`),
];
const AMOUNTS = [
  ...LEVELS.map((l) => `entered_investment_${l}`), 'active_investment', 'in_contact_investment', 'landed_investment', 'funds_amount',
  ...STAGES.map((s) => `now_${s}_investment`),
];
const MEASURES = [...COUNTS, ...AMOUNTS];
const KEY = ['grain', 'bucket', 'park_id', 'dim', 'key'];
const WENT_ON_KEY = ['grain', 'of_bucket', 'reached_bucket', 'park_id', 'dim', 'key', 'rate'];

const TZ = `(SELECT s.time_zone FROM analytics_rollup_settings s)`;
const localDay = (instant: string) => `(${instant} AT TIME ZONE ${TZ})::date`;
const measures = (values: Record<string, string>) =>
  [...COUNTS.map((m) => `(${values[m] ?? '0'})::int AS ${m}`), ...AMOUNTS.map((m) => `(${values[m] ?? '0'})::numeric AS ${m}`)].join(', ');
/** Sums of the measures of `alias`, typed as the table's columns. */
const sums = (alias: string) => [...COUNTS.map((m) => `sum(${alias}.${m})::int AS ${m}`), ...AMOUNTS.map((m) => `sum(${alias}.${m}) AS ${m}`)].join(', ');
/** Grain `a` holds only what stands now (the standing vector): reaches and funds there would be locked for nothing. */
const NOW_MEASURES = new Set(['existing', 'active', 'over100m', 'over50m', 'in_contact', 'landed', 'active_investment', 'in_contact_investment', 'landed_investment',
  ...STAGES.flatMap((s) => [`now_${s}`, `now_${s}_investment`])]);
const nowSums = (alias: string) => [
  ...COUNTS.map((m) => (NOW_MEASURES.has(m) ? `sum(${alias}.${m})::int AS ${m}` : `0 AS ${m}`)),
  ...AMOUNTS.map((m) => (NOW_MEASURES.has(m) ? `sum(${alias}.${m}) AS ${m}` : `0::numeric AS ${m}`)),
].join(', ');
const month = (day: string) => `date_trunc('month', ${day}::timestamp)::date`;
const DIMS = `(VALUES (1::smallint, x.industry::text), (2::smallint, x.channel::text), (3::smallint, x.origin_region::text), (4::smallint, x.owner_id::text)) d(dim, key)`;
const PROJECT_COLUMNS = 'f.project_id, f.park_id, f.industry, f.channel, f.origin_region, f.owner_id';

/** The live facts of the projects in `ids` (an expression of type uuid[]), or of all projects. */
const liveFacts = (ids: string | null) => `
  SELECT ${PROJECT_COLUMNS}, f.total_investment AS inv, ${LEVELS.map((l) => `f.reached_${l}`).join(', ')}
    FROM project_stage_facts f
   WHERE f.deleted_at IS NULL${ids ? ` AND f.project_id = ANY(${ids})` : ''}`;

function standingValues(): Record<string, string> {
  const active = `e.sign * (s.stage <> 'dropped')::int`;
  const activeWhere = (cond: string, value: string) => `CASE WHEN s.stage <> 'dropped' AND ${cond} THEN ${value} ELSE 0 END`;
  return {
    existing: 'e.sign',
    active,
    active_investment: activeWhere('TRUE', 'e.sign * f.inv'),
    over100m: activeWhere(`f.inv >= ${OVER_100M_WAN}`, 'e.sign'),
    over50m: activeWhere(`f.inv >= ${OVER_50M_WAN}`, 'e.sign'),
    in_contact: activeWhere(`s.standing_level < ${LANDED_LEVEL}`, 'e.sign'),
    in_contact_investment: activeWhere(`s.standing_level < ${LANDED_LEVEL}`, 'e.sign * f.inv'),
    landed: activeWhere(`s.standing_level >= ${LANDED_LEVEL}`, 'e.sign'),
    landed_investment: activeWhere(`s.standing_level >= ${LANDED_LEVEL}`, 'e.sign * f.inv'),
    ...Object.fromEntries(STAGES.flatMap((st) => [
      [`now_${st}`, `CASE WHEN s.stage = '${st}' THEN e.sign ELSE 0 END`],
      [`now_${st}_investment`, `CASE WHEN s.stage = '${st}' THEN e.sign * f.inv ELSE 0 END`],
    ])),
  };
}

/**
 * The rollup rows of a set of projects' events, in the column order of analytics_rollup: `facts` selects the live
 * facts (liveFacts), `parts` which events (reaches and stays from the derived tables, funds from `fundsSource`).
 */
function rollupRowsSql(facts: string, parts: { stages: boolean; fundsSource: string | null; few: boolean }): string {
  // a few projects (the triggers): their spans and funds by index, per project; all of them (rebuild): hash joins
  const spans = parts.few
    ? `CROSS JOIN LATERAL (SELECT * FROM project_stage_spans s WHERE s.project_id = f.project_id) s`
    : `JOIN project_stage_spans s ON s.project_id = f.project_id`;
  const funds = (source: string) => parts.few && source === 'funds'
    ? `f CROSS JOIN LATERAL (SELECT * FROM funds fu WHERE fu.project_id = f.project_id AND fu.deleted_at IS NULL) fu`
    : `${source} fu JOIN f ON f.project_id = fu.project_id`;
  const events: string[] = [];
  if (parts.stages) {
    events.push(`
    SELECT ${PROJECT_COLUMNS}, ${localDay('r.at')} AS day,
           ${measures(Object.fromEntries(LEVELS.flatMap((l) => [[`entered_${l}`, `(r.level = ${l})::int`], [`entered_investment_${l}`, `CASE WHEN r.level = ${l} THEN f.inv ELSE 0 END`]])))}
      FROM f CROSS JOIN LATERAL (VALUES ${LEVELS.map((l) => `(${l}, f.reached_${l})`).join(', ')}) r(level, at)
     WHERE r.at IS NOT NULL`);
    events.push(`
    SELECT ${PROJECT_COLUMNS}, ${localDay('e.at')} AS day, ${measures(standingValues())}
      FROM f ${spans}
     CROSS JOIN LATERAL (VALUES (s.started_at, 1), (s.ended_at, -1)) e(at, sign)
     WHERE e.at IS NOT NULL`);
  }
  if (parts.fundsSource) {
    events.push(`
    SELECT ${PROJECT_COLUMNS}, fu.received_on AS day, ${measures({ funds: '1', funds_amount: 'fu.amount' })}
      FROM ${funds(parts.fundsSource)}
     WHERE fu.deleted_at IS NULL`);
  }
  return `
WITH f AS MATERIALIZED (${facts}),
events AS (${events.join('\n    UNION ALL')}),
by_month AS (
  SELECT ${month('e.day')} AS bucket, e.park_id, e.industry, e.channel, e.origin_region, e.owner_id, ${sums('e')}
    FROM events e
   GROUP BY 1, 2, 3, 4, 5, 6
),
m AS (
  SELECT 'm'::"char" AS grain, x.bucket, x.park_id, d.dim, d.key, ${sums('x')}
    FROM by_month x CROSS JOIN LATERAL ${DIMS}
   GROUP BY x.bucket, x.park_id, d.dim, d.key
)
SELECT * FROM m
UNION ALL
SELECT 'y'::"char", date_trunc('year', m.bucket::timestamp)::date, m.park_id, m.dim, m.key, ${sums('m')} FROM m GROUP BY 2, 3, 4, 5
UNION ALL
SELECT 'a'::"char", '-infinity'::date, m.park_id, m.dim, m.key, ${nowSums('m')} FROM m GROUP BY 3, 4, 5`;
}

/** The went-on rows (analytics_rollup_went_on's column order) of the live facts selected by `facts`. */
function wentOnRowsSql(facts: string): string {
  return `
WITH f AS MATERIALIZED (${facts}),
pairs AS (
  SELECT f.park_id, f.industry, f.channel, f.origin_region, f.owner_id, w.rate, ${localDay('w.of_at')} AS of_day, ${localDay('w.reached_at')} AS reached_day
    FROM f CROSS JOIN LATERAL (VALUES (1::smallint, f.reached_4, f.reached_5), (2::smallint, f.reached_5, f.reached_6)) w(rate, of_at, reached_at)
   WHERE w.reached_at IS NOT NULL
)
SELECT g.grain, date_trunc(g.unit, x.of_day::timestamp)::date, date_trunc(g.unit, x.reached_day::timestamp)::date, x.park_id, d.dim, d.key, x.rate, count(*)::int
  FROM pairs x CROSS JOIN (VALUES ('y'::"char", 'year'), ('m'::"char", 'month')) g(grain, unit) CROSS JOIN LATERAL ${DIMS}
 GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

/** Adds (after − before) to the rollup, one upsert per key in key order (concurrent writers lock rows in the same order). */
const APPLY_FUNCTIONS = `
CREATE FUNCTION analytics_rollup_apply(before analytics_rollup[], after analytics_rollup[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(before) = 0 AND cardinality(after) = 0 THEN RETURN; END IF;
  INSERT INTO analytics_rollup
  SELECT ${KEY.map((k) => `d.${k}`).join(', ')}, ${MEASURES.map((m) => `sum(d.${m})`).join(', ')}
    FROM (SELECT ${KEY.map((k) => `b.${k}`).join(', ')}, ${MEASURES.map((m) => `-b.${m} AS ${m}`).join(', ')} FROM unnest(before) b
          UNION ALL
          SELECT * FROM unnest(after) a) d
   GROUP BY ${KEY.map((k) => `d.${k}`).join(', ')}
  HAVING ${MEASURES.map((m) => `sum(d.${m}) <> 0`).join(' OR ')}
   ORDER BY ${KEY.map((k) => `d.${k}`).join(', ')}
  ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET ${MEASURES.map((m) => `${m} = analytics_rollup.${m} + EXCLUDED.${m}`).join(', ')};
END $$;
CREATE FUNCTION analytics_rollup_went_on_apply(before analytics_rollup_went_on[], after analytics_rollup_went_on[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(before) = 0 AND cardinality(after) = 0 THEN RETURN; END IF;
  INSERT INTO analytics_rollup_went_on
  SELECT ${WENT_ON_KEY.map((k) => `d.${k}`).join(', ')}, sum(d.projects)
    FROM (SELECT ${WENT_ON_KEY.map((k) => `b.${k}`).join(', ')}, -b.projects AS projects FROM unnest(before) b
          UNION ALL
          SELECT * FROM unnest(after) a) d
   GROUP BY ${WENT_ON_KEY.map((k) => `d.${k}`).join(', ')}
  HAVING sum(d.projects) <> 0
   ORDER BY ${WENT_ON_KEY.map((k) => `d.${k}`).join(', ')}
  ON CONFLICT (${WENT_ON_KEY.join(', ')}) DO UPDATE SET projects = analytics_rollup_went_on.projects + EXCLUDED.projects;
END $$`;

// PL/pgSQL (RETURN QUERY) rather than SQL functions: the plan of these wide queries is kept for the session
// (planning them on every call cost 30-90 ms per write at 1M projects; executing them for one project, ~1 ms)
const CONTRIBUTION_FUNCTIONS = `
CREATE FUNCTION analytics_rollup_rows(ids uuid[]) RETURNS SETOF analytics_rollup LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY ${rollupRowsSql(liveFacts('ids'), { stages: true, fundsSource: 'funds', few: true })};
END $$;
CREATE FUNCTION analytics_rollup_went_on_rows(ids uuid[]) RETURNS SETOF analytics_rollup_went_on LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY ${wentOnRowsSql(liveFacts('ids'))};
END $$`;

/** Rebuilds the whole rollup from the derived tables and the funds (backfill, bench loads, TRUNCATE of the history). */
const REBUILD_FUNCTION = `
CREATE FUNCTION analytics_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE analytics_rollup, analytics_rollup_went_on;
  -- in key order: the rows of one bucket (what a period reads) are neighbours on disk
  INSERT INTO analytics_rollup SELECT * FROM (${rollupRowsSql(liveFacts(null), { stages: true, fundsSource: 'funds', few: false })}) r
   ORDER BY ${KEY.map((k) => `r.${k}`).join(', ')};
  INSERT INTO analytics_rollup_went_on SELECT * FROM (${wentOnRowsSql(liveFacts(null))}) r(${WENT_ON_KEY.join(', ')}, projects)
   ORDER BY ${WENT_ON_KEY.map((k) => `r.${k}`).join(', ')};
END $$`;

/*
 * The writers: the history's statement triggers call refresh_project_stage_derived (now this wrapper around the
 * former function, renamed refresh_project_stage_derived_rows), the projects' update trigger is replaced by one
 * that also moves the project's contribution, funds get triggers of their own, a hard delete of a project takes
 * its contribution away first, and a TRUNCATE of the history rebuilds.
 */
const WRITER_FUNCTIONS = `
ALTER FUNCTION refresh_project_stage_derived(uuid[]) RENAME TO refresh_project_stage_derived_rows;
CREATE FUNCTION refresh_project_stage_derived(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  before analytics_rollup[] := ARRAY(SELECT r FROM analytics_rollup_rows(ids) r);
  before_went_on analytics_rollup_went_on[] := ARRAY(SELECT r FROM analytics_rollup_went_on_rows(ids) r);
BEGIN
  PERFORM refresh_project_stage_derived_rows(ids);
  PERFORM analytics_rollup_apply(before, ARRAY(SELECT r FROM analytics_rollup_rows(ids) r));
  PERFORM analytics_rollup_went_on_apply(before_went_on, ARRAY(SELECT r FROM analytics_rollup_went_on_rows(ids) r));
END $$;
CREATE OR REPLACE FUNCTION projects_derive_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moves boolean := (OLD.park_id, OLD.owner_id, OLD.deleted_at, OLD.industry, OLD.channel, OLD.origin_region, OLD.total_investment)
                   IS DISTINCT FROM (NEW.park_id, NEW.owner_id, NEW.deleted_at, NEW.industry, NEW.channel, NEW.origin_region, NEW.total_investment);
  before analytics_rollup[] := CASE WHEN moves THEN ARRAY(SELECT r FROM analytics_rollup_rows(ARRAY[NEW.id]) r) ELSE '{}' END;
  before_went_on analytics_rollup_went_on[] := CASE WHEN moves THEN ARRAY(SELECT r FROM analytics_rollup_went_on_rows(ARRAY[NEW.id]) r) ELSE '{}' END;
BEGIN
  UPDATE project_stage_facts SET (SCOPE) = (NEW_SCOPE) WHERE project_id = NEW.id;
  UPDATE project_stage_spans SET (SCOPE) = (NEW_SCOPE) WHERE project_id = NEW.id;
  IF moves THEN
    PERFORM analytics_rollup_apply(before, ARRAY(SELECT r FROM analytics_rollup_rows(ARRAY[NEW.id]) r));
    PERFORM analytics_rollup_went_on_apply(before_went_on, ARRAY(SELECT r FROM analytics_rollup_went_on_rows(ARRAY[NEW.id]) r));
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION projects_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_rollup_apply(ARRAY(SELECT r FROM analytics_rollup_rows(ARRAY[OLD.id]) r), '{}');
  PERFORM analytics_rollup_went_on_apply(ARRAY(SELECT r FROM analytics_rollup_went_on_rows(ARRAY[OLD.id]) r), '{}');
  RETURN OLD;
END $$;
CREATE TRIGGER projects_rollup_delete BEFORE DELETE ON projects FOR EACH ROW EXECUTE FUNCTION projects_rollup_delete();
CREATE FUNCTION funds_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_rollup_apply('{}', ARRAY(SELECT r::analytics_rollup FROM (${fundsRows('new_rows')}) r));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM analytics_rollup_apply(ARRAY(SELECT r::analytics_rollup FROM (${fundsRows('old_rows')}) r), '{}');
  ELSE
    PERFORM analytics_rollup_apply(ARRAY(SELECT r::analytics_rollup FROM (${fundsRows('old_rows')}) r), ARRAY(SELECT r::analytics_rollup FROM (${fundsRows('new_rows')}) r));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER funds_rollup_insert AFTER INSERT ON funds REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION funds_rollup();
CREATE TRIGGER funds_rollup_update AFTER UPDATE ON funds REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION funds_rollup();
CREATE TRIGGER funds_rollup_delete AFTER DELETE ON funds REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION funds_rollup();
CREATE FUNCTION analytics_rollup_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_rollup_rebuild();
  RETURN NULL;
END $$;
CREATE TRIGGER project_stage_changes_rollup_truncate AFTER TRUNCATE ON project_stage_changes
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_truncated();
CREATE TRIGGER funds_rollup_truncate AFTER TRUNCATE ON funds FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_truncated()`;

/** The funds rows of the funds in transition table `source` (their projects as they are now). */
function fundsRows(source: string): string {
  return rollupRowsSql(liveFacts(`ARRAY(SELECT DISTINCT t.project_id FROM ${source} t)`), { stages: false, fundsSource: source, few: true });
}

const SCOPE_COLUMNS = 'park_id, owner_id, leader_id, assistant_ids, confidential, deleted_at, industry, channel, origin_region, total_investment';
const scopeOf = (alias: string) => SCOPE_COLUMNS.split(', ').map((c) => `${alias}.${c}`).join(', ');

/** The projects' update trigger function as 1795591000001 created it (for down). */
const FORMER_PROJECTS_DERIVE_UPDATE = `
CREATE OR REPLACE FUNCTION projects_derive_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE project_stage_facts SET (${SCOPE_COLUMNS}) = (${scopeOf('NEW')}) WHERE project_id = NEW.id;
  UPDATE project_stage_spans SET (${SCOPE_COLUMNS}) = (${scopeOf('NEW')}) WHERE project_id = NEW.id;
  RETURN NULL;
END $$`;

export class AnalyticsRollup1795595000001 implements MigrationInterface {
  name = 'AnalyticsRollup1795595000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const timeZone = process.env.TZ_PARK || 'Asia/Shanghai';
    await queryRunner.query(`CREATE TABLE "analytics_rollup_settings" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), "time_zone" text NOT NULL)`);
    await queryRunner.query(`INSERT INTO "analytics_rollup_settings" ("time_zone") VALUES ($1)`, [timeZone]);
    await queryRunner.query(`CREATE TABLE "analytics_rollup" ("grain" "char" NOT NULL, "bucket" date NOT NULL, "park_id" uuid NOT NULL, "dim" smallint NOT NULL, "key" text, ${
      [...COUNTS.map((c) => `"${c}" integer NOT NULL DEFAULT 0`), ...AMOUNTS.map((a) => `"${a}" numeric NOT NULL DEFAULT 0`)].join(', ')
    }, CONSTRAINT "UQ_analytics_rollup_key" UNIQUE NULLS NOT DISTINCT ("grain", "bucket", "park_id", "dim", "key")) WITH (fillfactor = 80)`);
    await queryRunner.query(`CREATE TABLE "analytics_rollup_went_on" ("grain" "char" NOT NULL, "of_bucket" date NOT NULL, "reached_bucket" date NOT NULL, "park_id" uuid NOT NULL, "dim" smallint NOT NULL, "key" text, "rate" smallint NOT NULL, "projects" integer NOT NULL DEFAULT 0, CONSTRAINT "UQ_analytics_rollup_went_on_key" UNIQUE NULLS NOT DISTINCT ("grain", "of_bucket", "reached_bucket", "park_id", "dim", "key", "rate")) WITH (fillfactor = 80)`);
    // fillfactor 80: the triggers' updates touch no indexed column and stay on their page (HOT)
    // the spans by start (live only): the standing at an end of period that is not a month boundary reads the
    // stays that began between it and the next month from here (stays that ended: IDX_project_stage_spans_ended_cover)
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_started_live" ON "project_stage_spans" ("started_at") WHERE "deleted_at" IS NULL`);
    await queryRunner.query(APPLY_FUNCTIONS);
    await queryRunner.query(CONTRIBUTION_FUNCTIONS);
    await queryRunner.query(REBUILD_FUNCTION);
    await queryRunner.query(`SELECT set_config('work_mem', '256MB', true)`);
    await queryRunner.query(`SELECT analytics_rollup_rebuild()`);
    await queryRunner.query(WRITER_FUNCTIONS.replace(/\(SCOPE\) = \(NEW_SCOPE\)/g, `(${SCOPE_COLUMNS}) = (${scopeOf('NEW')})`));
    await queryRunner.query(`ANALYZE analytics_rollup`);
    await queryRunner.query(`ANALYZE analytics_rollup_went_on`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER funds_rollup_truncate ON funds`);
    await queryRunner.query(`DROP TRIGGER project_stage_changes_rollup_truncate ON project_stage_changes`);
    await queryRunner.query(`DROP FUNCTION analytics_rollup_truncated()`);
    for (const op of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER funds_rollup_${op} ON funds`);
    await queryRunner.query(`DROP FUNCTION funds_rollup()`);
    await queryRunner.query(`DROP TRIGGER projects_rollup_delete ON projects`);
    await queryRunner.query(`DROP FUNCTION projects_rollup_delete()`);
    await queryRunner.query(FORMER_PROJECTS_DERIVE_UPDATE);
    await queryRunner.query(`DROP FUNCTION refresh_project_stage_derived(uuid[])`);
    await queryRunner.query(`ALTER FUNCTION refresh_project_stage_derived_rows(uuid[]) RENAME TO refresh_project_stage_derived`);
    await queryRunner.query(`DROP FUNCTION analytics_rollup_rebuild()`);
    await queryRunner.query(`DROP FUNCTION analytics_rollup_went_on_rows(uuid[])`);
    await queryRunner.query(`DROP FUNCTION analytics_rollup_rows(uuid[])`);
    await queryRunner.query(`DROP FUNCTION analytics_rollup_went_on_apply(analytics_rollup_went_on[], analytics_rollup_went_on[])`);
    await queryRunner.query(`DROP FUNCTION analytics_rollup_apply(analytics_rollup[], analytics_rollup[])`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_stage_spans_started_live"`);
    await queryRunner.query(`DROP TABLE "analytics_rollup_went_on"`);
    await queryRunner.query(`DROP TABLE "analytics_rollup"`);
    await queryRunner.query(`DROP TABLE "analytics_rollup_settings"`);
  }
}
