import { TASK_TITLES, VISIT_KINDS, VISIT_OUTCOMES, VISIT_PLACES } from '../vocabulary';
import { arr, NOW, pickUniform, pickWeightedIndex } from './sql-helpers';

/**
 * Follow-up tasks (1–3 per project, for the owner): due between creation and 30 days from now; done when due
 * in the past, except about 5.5% left open and overdue; the ones due in the future open (dropped projects:
 * all done). Then each project's `next_follow_up_at` = its earliest open task, as the tasks service keeps it.
 */
export function tasksSql(): string[] {
  return [
    `INSERT INTO tasks (id, created_at, updated_at, version, project_id, title, due_at, assignee_id, done_at, done_by_id, created_by_id)
     SELECT gen_random_uuid(), c.created_at, coalesce(d.done_at, c.created_at), CASE WHEN d.done_at IS NULL THEN 1 ELSE 2 END,
            p.id, ${pickUniform(TASK_TITLES, 'pg_temp.h(p.n * 64 + x, 44)')}, t.due_at, p.owner_id, d.done_at,
            CASE WHEN d.done_at IS NOT NULL THEN p.owner_id END, p.owner_id
       FROM bench_plan p
       CROSS JOIN LATERAL generate_series(1, 1 + floor(pg_temp.h(p.n, 40) * 3)::int) x
       CROSS JOIN LATERAL (SELECT date_trunc('milliseconds', p.created_at + (${NOW} + interval '30 days' - p.created_at) * pg_temp.h(p.n * 64 + x, 41)) AS due_at) t
       CROSS JOIN LATERAL (SELECT greatest(p.created_at, t.due_at - interval '7 days') AS created_at) c
       CROSS JOIN LATERAL (SELECT CASE
              WHEN p.stage <> 'dropped' AND t.due_at > ${NOW} THEN NULL
              WHEN p.stage <> 'dropped' AND pg_temp.h(p.n * 64 + x, 42) < 0.055 THEN NULL
              ELSE greatest(c.created_at, least(${NOW} - interval '1 minute', t.due_at + (pg_temp.h(p.n * 64 + x, 43) * 6 - 3) * interval '1 day')) END AS done_at) d`,
    `UPDATE projects p SET next_follow_up_at = t.due
       FROM (SELECT project_id, min(due_at) AS due FROM tasks WHERE done_at IS NULL AND deleted_at IS NULL GROUP BY project_id) t
      WHERE p.id = t.project_id`,
  ];
}

/**
 * Visits (2 + 2·level + 0…5 per project, ≈ 10 on average): the last one at the plan's `last_visit_at`, the
 * others spread between creation and it; the owner as the officer, the company's contact as participant.
 */
export function visitsSql(): string[] {
  return [
    `INSERT INTO visits (id, created_at, updated_at, project_id, kind, occurred_at, place, officer_ids, contact_ids, summary, outcome, created_by_id)
     SELECT gen_random_uuid(), v.at, v.at, p.id, (${arr(VISIT_KINDS.map((x) => x[0]))})[v.kind], v.at,
            ${pickUniform(VISIT_PLACES, 'pg_temp.h(p.n * 64 + x, 52)')}, ARRAY[p.owner_id], ARRAY[p.contact_id],
            (${arr(VISIT_KINDS.map((x) => x[2]))})[v.kind], ${pickUniform(VISIT_OUTCOMES, 'pg_temp.h(p.n * 64 + x, 53)')}, p.owner_id
       FROM bench_plan p
       CROSS JOIN LATERAL generate_series(1, p.visits) x
       CROSS JOIN LATERAL (SELECT date_trunc('milliseconds', CASE WHEN x = 1 THEN p.last_visit_at
                                 ELSE p.last_visit_at - (p.last_visit_at - p.created_at) * pg_temp.h(p.n * 64 + x, 50) END) AS at,
                                 ${pickWeightedIndex(VISIT_KINDS.map((x) => x[1]), 'pg_temp.h(p.n * 64 + x, 51)')} AS kind) v`,
  ];
}
