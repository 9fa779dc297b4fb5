import { OFFICERS } from '../bench-users';
import { PROJECT_SUFFIXES } from '../vocabulary';
import { NOW, N_PROJECTS, pickUniform } from './sql-helpers';

/** Companies per project: a company's projects are drawn uniformly, so about 1 − e^(−1/0.7) ≈ 76% of them get one. */
export const COMPANY_RATIO = 0.7;

/**
 * The plan of every project (unlogged staging table `bench_plan`, dropped at the end): who owns it, its company,
 * when it was created, how far along the pipeline it got and when it made each move. Every other table is
 * generated from it, so the stage history, the date fields, agreements, milestones and funds agree.
 *
 * - owner: officer 1 + ⌊200·u^1.5⌋ (a few officers carry many projects: the busiest about 3%, 6× the mean);
 * - created over the last six years, more of them recently;
 * - pipeline level (0 intention … 6 production): 18% / 24% / 14% / 11% / 9% / 11% / 13%, capped by age
 *   (at least 45 days per stage); then 5% dropped and 4% on hold; 35% had a hold-and-resume in between
 *   (≈ 4 stage-history rows per project, creation included);
 * - `times[k + 1]` = when it entered level k (times[1] = created), chronological, spread over its life;
 * - total investment log-normal in 万元 (median 6,000, σ = 1.1, from 50 to 2,000,000).
 */
export function planSql(): string[] {
  return [
    `CREATE UNLOGGED TABLE bench_plan AS
     WITH base AS MATERIALIZED (
       SELECT n,
              1 + floor(${OFFICERS} * power(pg_temp.h(n, 10), 1.5))::int AS j,
              1 + floor(pg_temp.h(n, 5) * ceil(${N_PROJECTS} * ${COMPANY_RATIO}))::bigint AS k,
              date_trunc('milliseconds', ${NOW} - (0.03 + 2190 * power(pg_temp.h(n, 11), 1.3)) * interval '1 day') AS created_at,
              CASE WHEN pg_temp.h(n, 12) < 0.18 THEN 0 WHEN pg_temp.h(n, 12) < 0.42 THEN 1 WHEN pg_temp.h(n, 12) < 0.56 THEN 2
                   WHEN pg_temp.h(n, 12) < 0.67 THEN 3 WHEN pg_temp.h(n, 12) < 0.76 THEN 4 WHEN pg_temp.h(n, 12) < 0.87 THEN 5 ELSE 6 END AS drawn,
              CASE WHEN pg_temp.h(n, 13) < 0.05 THEN 'dropped' WHEN pg_temp.h(n, 13) < 0.09 THEN 'on_hold' END AS off,
              least(2000000, greatest(50, round(exp(ln(6000) + 1.1 * sqrt(-2 * ln(pg_temp.h(n, 24) + 1e-12)) * cos(2 * pi() * pg_temp.h(n, 25)))::numeric, 0))) AS total_investment
         FROM generate_series(1, ${N_PROJECTS}) n
     ), leveled AS MATERIALIZED (
       SELECT b.*, least(b.drawn, floor(extract(epoch FROM ${NOW} - b.created_at) / 86400 / 45)::int) AS level FROM base b
     ), timed AS MATERIALIZED (
       SELECT l.*,
              ${NOW} - l.created_at - interval '1 minute' AS span,
              l.level + 1 + (l.off IS NOT NULL)::int AS parts,
              CASE WHEN l.level >= 1 AND pg_temp.h(l.n, 14) < 0.35 THEN floor(pg_temp.h(l.n, 15) * l.level)::int END AS hold_m
         FROM leveled l
     )
     SELECT t.n, pg_temp.bid('project', t.n) AS id, t.j, o.id AS owner_id, o.park_id, o.leader_id,
            t.k, pg_temp.bid('company', t.k) AS company_id, pg_temp.bid('contact', t.k) AS contact_id, pg_temp.industry_of(t.k) AS ind,
            pg_temp.company_short(t.k) || pg_temp.product(pg_temp.industry_of(t.k), pg_temp.h(t.n, 31))
              || ${pickUniform(PROJECT_SUFFIXES, 'pg_temp.h(t.n, 32)')}
              || CASE WHEN pg_temp.h(t.n, 33) < 0.08 THEN '二期' ELSE '' END AS name,
            CASE WHEN pg_temp.h(t.n, 33) < 0.08 THEN '二期' WHEN pg_temp.h(t.n, 33) < 0.3 THEN '一期' END AS phase,
            t.created_at, t.level, t.off, t.hold_m, t.total_investment,
            round(t.total_investment * (0.6 + 0.3 * pg_temp.h(t.n, 27)::numeric), 2) AS fixed_investment,
            round(t.total_investment / (150 + 350 * pg_temp.h(t.n, 26)::numeric), 1) AS land_mu,
            ARRAY(SELECT date_trunc('milliseconds', t.created_at + t.span * (s::float8 / t.parts) * CASE WHEN s = 0 THEN 0 ELSE 0.9 + 0.1 * pg_temp.h(t.n * 64 + s, 20) END)
                    FROM generate_series(0, t.level) s) AS times,
            CASE WHEN t.off IS NOT NULL THEN date_trunc('milliseconds', t.created_at + t.span * ((t.level + 1)::float8 / t.parts) * (0.9 + 0.1 * pg_temp.h(t.n, 21))) END AS off_at,
            2 + 2 * t.level + floor(pg_temp.h(t.n, 23) * 6)::int AS visits,
            CASE WHEN t.n % 5 = 0 THEN pg_temp.bid('lead', t.n) END AS lead_id
       FROM timed t JOIN bench_officers o ON o.j = t.j`,
    `ALTER TABLE bench_plan ADD COLUMN stage text, ADD COLUMN stage_entered_at timestamptz, ADD COLUMN last_visit_at timestamptz`,
    // the last visit: recent for live projects (skewed towards now), before the move for dropped / on-hold ones
    `UPDATE bench_plan SET
       stage = coalesce(off, pg_temp.pipeline_stage(level)),
       stage_entered_at = coalesce(off_at, times[level + 1]),
       last_visit_at = date_trunc('milliseconds', CASE WHEN off IS NOT NULL THEN off_at - (off_at - created_at) * 0.1 * pg_temp.h(n, 22)
                            ELSE times[level + 1] + (${NOW} - times[level + 1]) * sqrt(pg_temp.h(n, 22)) END)`,
    `CREATE INDEX ON bench_plan (k)`,
    `ANALYZE bench_plan`,
  ];
}
