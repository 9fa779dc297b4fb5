import { BLOCKER_TEXTS } from '../vocabulary';
import { arr, localDate, NOW } from './sql-helpers';

const MILESTONE_KEYS = [
  'business_registration', 'project_filing', 'land_prereview', 'site_selection', 'eia', 'energy_assessment',
  'project_approval', 'redline_map', 'land_certificate', 'planning_permit', 'construction_permit',
];

/**
 * Agreements, the evidence of the stage machine: an intent / framework / investment agreement signed on the day
 * of the move to `agreement`, and an investment or land-transfer contract on the day of the move to `contract`,
 * with committed land / start / production dates.
 */
export function agreementsSql(): string[] {
  const columns = `id, created_at, updated_at, project_id, kind, number, signed_on, amount, land_area_mu, committed_land_on, committed_start_on, committed_production_on, created_by_id`;
  return [
    `INSERT INTO agreements (${columns})
     SELECT gen_random_uuid(), p.times[3], p.times[3], p.id,
            CASE WHEN pg_temp.h(p.n, 60) < 0.3 THEN 'intent' WHEN pg_temp.h(p.n, 60) < 0.7 THEN 'framework' ELSE 'investment' END,
            'XY-' || to_char(p.times[3], 'YYYY') || '-' || p.n, ${localDate('p.times[3]')},
            round(p.total_investment * (0.8 + 0.3 * pg_temp.h(p.n, 61)::numeric), 2), NULL, NULL, NULL, NULL, p.owner_id
       FROM bench_plan p WHERE p.level >= 2`,
    `INSERT INTO agreements (${columns})
     SELECT gen_random_uuid(), p.times[4], p.times[4], p.id, CASE WHEN pg_temp.h(p.n, 62) < 0.7 THEN 'investment' ELSE 'land_transfer' END,
            'HT-' || to_char(p.times[4], 'YYYY') || '-' || p.n, d.signed, p.total_investment, p.land_mu,
            d.signed + (60 + 180 * pg_temp.h(p.n, 63))::int, d.signed + (120 + 300 * pg_temp.h(p.n, 64))::int,
            d.signed + (420 + 400 * pg_temp.h(p.n, 65))::int, p.owner_id
       FROM bench_plan p CROSS JOIN LATERAL (SELECT ${localDate('p.times[4]')} AS signed) d WHERE p.level >= 3`,
  ];
}

/**
 * The permit chain (前期手续): the 11 standard steps ProjectsService creates with every project. All done from
 * construction on; some done (the next one in progress with a due date, about 10% of those overdue) at
 * contract / land delivery; the first done at agreement; pending before.
 */
export function milestonesSql(): string[] {
  return [
    `INSERT INTO milestones (id, created_at, updated_at, version, project_id, key, sort_order, status, due_on, done_on)
     SELECT gen_random_uuid(), p.created_at, p.created_at, CASE WHEN s.status = 'pending' THEN 1 ELSE 2 END, p.id, (${arr(MILESTONE_KEYS)})[i], i * 10,
            s.status,
            CASE WHEN s.status = 'in_progress' THEN ${localDate(NOW)} + (-10 + 100 * pg_temp.h(p.n * 16 + i, 71))::int END,
            CASE WHEN s.status IN ('done', 'not_needed') THEN ${localDate(`p.created_at + (coalesce(p.times[6], ${NOW}) - p.created_at) * (i / 12.0)`)} END
       FROM bench_plan p
       CROSS JOIN LATERAL (SELECT CASE WHEN p.level >= 5 THEN 11 WHEN p.level >= 3 THEN least(10, 3 + floor(pg_temp.h(p.n, 70) * (p.level - 2) * 4)::int)
                                       WHEN p.level = 2 THEN 1 ELSE 0 END AS done) d
       CROSS JOIN generate_series(1, 11) i
       CROSS JOIN LATERAL (SELECT CASE WHEN i <= d.done THEN CASE WHEN i IN (4, 6) AND pg_temp.h(p.n * 16 + i, 72) < 0.05 THEN 'not_needed' ELSE 'done' END
                                       WHEN i = d.done + 1 AND p.level >= 2 THEN 'in_progress' ELSE 'pending' END AS status) s`,
  ];
}

/** Funds in place (到位资金): 1–4 amounts after land delivery, 20–70% of the fixed-asset investment in all. */
export function fundsSql(): string[] {
  return [
    `INSERT INTO funds (id, created_at, updated_at, project_id, amount, received_on, note, created_by_id)
     SELECT gen_random_uuid(), f.at, f.at, p.id, round(p.fixed_investment * (0.2 + 0.5 * pg_temp.h(p.n, 81)::numeric) / c.count, 2), ${localDate('f.at')},
            '第' || x || '笔到位资金', p.owner_id
       FROM bench_plan p
       CROSS JOIN LATERAL (SELECT 1 + floor(pg_temp.h(p.n, 80) * 4)::int AS count) c
       CROSS JOIN LATERAL generate_series(1, c.count) x
       CROSS JOIN LATERAL (SELECT date_trunc('milliseconds', p.times[5] + (${NOW} - p.times[5]) * (x::float8 / (c.count + 1))) AS at) f
      WHERE p.level >= 4`,
  ];
}

/** Blockers (问题) on 8% of the projects between contract and construction: half resolved, the rest due around now. */
export function blockersSql(): string[] {
  return [
    `INSERT INTO blockers (id, created_at, updated_at, project_id, category, description, owner_id, due_on, resolved_at, resolution)
     SELECT gen_random_uuid(), b.at, coalesce(r.resolved_at, b.at), p.id, (${arr(BLOCKER_TEXTS.map((t) => t[0]))})[b.kind],
            (${arr(BLOCKER_TEXTS.map((t) => t[1]))})[b.kind], p.owner_id, ${localDate(NOW)} + (-45 + 90 * pg_temp.h(p.n * 4 + x, 92))::int,
            r.resolved_at, CASE WHEN r.resolved_at IS NOT NULL THEN '已协调相关部门解决' END
       FROM bench_plan p
       CROSS JOIN LATERAL generate_series(1, 1 + floor(pg_temp.h(p.n, 91) * 2)::int) x
       CROSS JOIN LATERAL (SELECT greatest(p.created_at, date_trunc('milliseconds', ${NOW} - (10 + 100 * pg_temp.h(p.n * 4 + x, 93)) * interval '1 day')) AS at,
                                  1 + floor(pg_temp.h(p.n * 4 + x, 94) * ${BLOCKER_TEXTS.length})::int AS kind) b
       CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.h(p.n * 4 + x, 95) < 0.5 THEN b.at + (${NOW} - b.at) * 0.5 END AS resolved_at) r
      WHERE p.level BETWEEN 3 AND 5 AND pg_temp.h(p.n, 90) < 0.08`,
  ];
}
