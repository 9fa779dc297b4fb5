import { localDate } from './sql-helpers';


/**
 * Projects from the plan: code ZS-<year>-<seq> per year of creation (and the counters, so that the app's next
 * code follows), `name_bigrams` as ProjectsService fills it, `search_bigrams` / `search_text` as the triggers of
 * migration ProjectSearchColumns fill them (off during the load; the same functions), the date fields of the stages reached
 * (land_delivered_on = the day of the move to land_delivered …), previous_stage for on_hold / dropped,
 * last_activity_at = the later of the last visit and the last move. `next_follow_up_at` is set by tasksSql.
 */
export function projectsSql(): string[] {
  return [
    `INSERT INTO projects (id, created_at, updated_at, version, deleted_at, park_id, code, name, name_bigrams, search_bigrams, search_text, company_id, industry, channel,
                           origin_region, total_investment, fixed_asset_investment, registered_capital, land_area_mu, expected_annual_output,
                           expected_tax, expected_jobs, build_type, phase, owner_id, leader_id, assistant_ids, confidential, project_code,
                           land_delivered_on, construction_started_on, completed_on, production_started_on, stage, stage_entered_at,
                           previous_stage, next_follow_up_at, last_activity_at, lead_id, created_by_id)
     SELECT p.id, p.created_at, greatest(p.last_visit_at, p.stage_entered_at),
            1 + p.level + CASE WHEN p.hold_m IS NOT NULL THEN 2 ELSE 0 END + (p.off IS NOT NULL)::int,
            CASE WHEN pg_temp.h(p.n, 34) < 0.003 THEN greatest(p.last_visit_at, p.stage_entered_at) END,
            p.park_id,
            'ZS-' || c.year || '-' || lpad(c.seq::text, greatest(4, length(c.seq::text)), '0'),
            p.name, g.grams, project_search_bigrams(g.grams, co.name_bigrams), project_search_text(p.name, co.name), p.company_id, pg_temp.industry_key(p.ind), pg_temp.channel_of(pg_temp.h(p.n, 35)),
            pg_temp.region_key(pg_temp.region_of(p.k)), p.total_investment, p.fixed_investment,
            round(p.total_investment * (0.1 + 0.2 * pg_temp.h(p.n, 36)::numeric), 2), p.land_mu,
            round(p.total_investment * (1 + 2 * pg_temp.h(p.n, 37)::numeric), 2), round(p.total_investment * (0.05 + 0.1 * pg_temp.h(p.n, 38)::numeric), 2),
            (20 + p.total_investment / 40 * pg_temp.h(p.n, 39))::int,
            CASE WHEN pg_temp.h(p.n, 33) < 0.08 THEN 'continuing' ELSE 'new' END, p.phase,
            p.owner_id, CASE WHEN pg_temp.h(p.n, 44) < 0.9 THEN p.leader_id END, '{}', pg_temp.h(p.n, 45) < 0.02,
            CASE WHEN p.level >= 3 THEN to_char(p.times[4], 'YYMM') || '-510000-04-01-' || lpad((p.n % 1000000)::text, 6, '0') END,
            CASE WHEN p.level >= 4 THEN ${localDate('p.times[5]')} END,
            CASE WHEN p.level >= 5 THEN ${localDate('p.times[6]')} END,
            CASE WHEN p.level >= 6 THEN greatest(${localDate('p.times[6]')}, ${localDate('p.times[7]')} - 20) END,
            CASE WHEN p.level >= 6 THEN ${localDate('p.times[7]')} END,
            p.stage, p.stage_entered_at, CASE WHEN p.off IS NOT NULL THEN pg_temp.pipeline_stage(p.level) END,
            NULL, greatest(p.last_visit_at, p.stage_entered_at), p.lead_id, p.owner_id
       FROM bench_plan p
       JOIN (SELECT n, extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai')::int AS year,
                    row_number() OVER (PARTITION BY extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai') ORDER BY created_at, n) AS seq
               FROM bench_plan) c ON c.n = p.n
       JOIN companies co ON co.id = p.company_id
       CROSS JOIN LATERAL (SELECT pg_temp.name_bigrams(p.name) AS grams) g
      -- rows land in the heap in the order an installation writes them (newest last), as keyset walks expect
      ORDER BY p.created_at, p.n`,
    `INSERT INTO project_code_counters (year, last)
     SELECT split_part(code, '-', 2)::int, max(split_part(code, '-', 3)::int) FROM projects GROUP BY 1
     ON CONFLICT (year) DO UPDATE SET last = greatest(project_code_counters.last, excluded.last)`,
  ];
}

/** The stage history: creation (null → intention), each move forward, a hold-and-resume, the final hold or drop. */
export function stageChangesSql(): string[] {
  const insert = `INSERT INTO project_stage_changes (id, project_id, from_stage, to_stage, occurred_at, by_id, note, created_at)`;
  const third = (m: string, part: number) => `date_trunc('milliseconds', p.times[${m} + 1] + (p.times[${m} + 2] - p.times[${m} + 1]) * ${part} / 3.0)`;
  return [
    `${insert}
     SELECT gen_random_uuid(), p.id, CASE WHEN s = 0 THEN NULL ELSE pg_temp.pipeline_stage(s - 1) END, pg_temp.pipeline_stage(s),
            p.times[s + 1], p.owner_id, NULL, p.times[s + 1]
       FROM bench_plan p CROSS JOIN LATERAL generate_series(0, p.level) s`,
    `${insert}
     SELECT gen_random_uuid(), p.id, pg_temp.pipeline_stage(p.hold_m), 'on_hold', ${third('p.hold_m', 1)}, p.owner_id, '企业资金安排调整，项目暂缓', ${third('p.hold_m', 1)}
       FROM bench_plan p WHERE p.hold_m IS NOT NULL
     UNION ALL
     SELECT gen_random_uuid(), p.id, 'on_hold', pg_temp.pipeline_stage(p.hold_m), ${third('p.hold_m', 2)}, p.owner_id, '企业恢复推进，项目重新启动', ${third('p.hold_m', 2)}
       FROM bench_plan p WHERE p.hold_m IS NOT NULL
     UNION ALL
     SELECT gen_random_uuid(), p.id, pg_temp.pipeline_stage(p.level), p.off, p.off_at, p.owner_id,
            CASE p.off WHEN 'dropped' THEN '企业投资方向调整，项目终止' ELSE '企业资金安排调整，项目暂缓' END, p.off_at
       FROM bench_plan p WHERE p.off IS NOT NULL`,
  ];
}

