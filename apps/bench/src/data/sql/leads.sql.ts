import { OFFICERS } from '../bench-users';
import { COMPANY_RATIO } from './plan.sql';
import { localDate, NOW, N_PROJECTS } from './sql-helpers';

const leadColumns = `id, created_at, updated_at, version, park_id, title, company_name, company_name_norm, name_bigrams, company_id, credit_code,
  contact_name, contact_mobile, contact_mobile_norm, industry, channel, origin_region, estimated_investment, summary, received_on,
  assignee_id, assigned_at, status, screening_due_on, screened_at, screening_opinion, screening_note, project_id, converted_at, reported_by_id`;

/**
 * Leads (线索), filled as LeadsService fills them (`company_name_norm`, `name_bigrams` = the title's and the
 * company's bigrams): the converted lead of every fifth project (received 5–30 days before it), and N/20 open or
 * closed leads of the last 120 days (25% new, 30% assigned, 25% pursuing, 20% rejected) whose companies are
 * not in the database yet.
 */
export function leadsSql(): string[] {
  return [
    `INSERT INTO leads (${leadColumns})
     SELECT p.lead_id, r.at, p.created_at, 4, p.park_id, p.name, c.name, c.name_norm,
            ARRAY(SELECT DISTINCT g FROM unnest(pr.name_bigrams || c.name_bigrams) g), c.id, c.credit_code,
            ct.name, ct.mobile, ct.mobile_norm, pr.industry, pr.channel, pr.origin_region, p.total_investment,
            '据悉' || c.name || '拟在我市投资建设' || p.name || '，计划总投资' || p.total_investment || '万元', ${localDate('r.at')},
            p.owner_id, r.at + interval '1 day', 'converted', ${localDate('r.at')} + 4, p.created_at - interval '1 hour',
            '符合园区产业定位，投资强度达标，建议推进', NULL, p.id, p.created_at, p.owner_id
       FROM bench_plan p
       JOIN projects pr ON pr.id = p.id
       JOIN companies c ON c.id = p.company_id
       JOIN contacts ct ON ct.id = p.contact_id
       CROSS JOIN LATERAL (SELECT date_trunc('milliseconds', p.created_at - (5 + 25 * pg_temp.h(p.n, 100)) * interval '1 day') AS at) r
      WHERE p.lead_id IS NOT NULL`,
    `INSERT INTO leads (${leadColumns})
     SELECT pg_temp.bid('lead', 100000000 + m), l.at, l.at, 1, o.park_id, l.title, l.company, pg_temp.company_name_norm(l.company),
            ARRAY(SELECT DISTINCT g FROM unnest(pg_temp.name_bigrams(l.title) || pg_temp.name_bigrams(l.company)) g), NULL, NULL,
            pg_temp.person_name(l.kk, 201), l.mobile, l.mobile, pg_temp.industry_key(pg_temp.industry_of(l.kk)), pg_temp.channel_of(pg_temp.h(m, 121)),
            pg_temp.region_key(pg_temp.region_of(l.kk)), round((300 + 30000 * power(pg_temp.h(m, 122), 3))::numeric, 0),
            '据悉' || l.company || '有意在我市投资，拟建设' || l.title, ${localDate('l.at')},
            CASE WHEN l.status <> 'new' THEN o.id END,
            CASE WHEN l.status <> 'new' THEN least(${NOW}, l.at + interval '1 day') END,
            l.status,
            CASE WHEN l.status <> 'new' THEN ${localDate('l.at')} + 4 END,
            CASE WHEN l.status IN ('pursuing', 'rejected') THEN least(${NOW}, l.at + interval '3 days') END,
            CASE WHEN l.status IN ('pursuing', 'rejected') THEN '已研判：行业、投资强度、环保、能耗' END,
            CASE WHEN l.status = 'rejected' THEN '不符合园区产业定位' END,
            NULL, NULL, o.id
       FROM generate_series(1, ${N_PROJECTS} / 20) m
       CROSS JOIN LATERAL (SELECT ceil(${N_PROJECTS} * ${COMPANY_RATIO})::bigint + m AS kk) k
       CROSS JOIN LATERAL (SELECT k.kk, date_trunc('milliseconds', ${NOW} - (0.05 + 120 * pg_temp.h(m, 123)) * interval '1 day') AS at,
                                  pg_temp.company_short(k.kk) || pg_temp.product(pg_temp.industry_of(k.kk), pg_temp.h(m, 124)) || '项目' AS title,
                                  pg_temp.company_name(k.kk) AS company,
                                  '13' || lpad(((k.kk * 7919 + 54321) % 1000000000)::text, 9, '0') AS mobile,
                                  CASE WHEN pg_temp.h(m, 125) < 0.25 THEN 'new' WHEN pg_temp.h(m, 125) < 0.55 THEN 'assigned'
                                       WHEN pg_temp.h(m, 125) < 0.8 THEN 'pursuing' ELSE 'rejected' END AS status) l
       JOIN bench_officers o ON o.j = 1 + floor(${OFFICERS} * power(pg_temp.h(m, 126), 1.8))::int`,
  ];
}

/**
 * The history of in-app reminders: for about one in eight tasks done late, the `task_due` reminder that fired
 * (reminders → deliveries, sent → notifications, most of them read), keyed as the reminder engine keys them.
 */
export function notificationsSql(): string[] {
  return [
    `WITH src AS MATERIALIZED (
       SELECT t.id AS task_id, t.project_id, t.assignee_id, t.due_at, t.done_at,
              gen_random_uuid() AS reminder_id, gen_random_uuid() AS delivery_id,
              'task_due:' || t.id || ':' || to_char(t.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS cause_key,
              '跟进事项到期：' || t.title AS title, '项目「' || p.name || '」的跟进事项「' || t.title || '」已到期，请及时跟进。' AS body
         FROM tasks t JOIN projects p ON p.id = t.project_id
        WHERE t.done_at IS NOT NULL AND t.done_at > t.due_at AND (hashtext(t.id::text) & 7) = 0
     ), r AS (
       INSERT INTO reminders (id, cause_key, rule, level, subject_type, subject_id, project_id, due_at, recipient_count, created_at)
       SELECT reminder_id, cause_key, 'task_due', 0, 'task', task_id, project_id, due_at, 1, due_at FROM src
     ), d AS (
       INSERT INTO deliveries (id, reminder_id, cause_key, rule, level, recipient_id, channel, project_id, subject_type, subject_id, title, body,
                               due_at, not_before, status, attempts, sent_at, created_at, updated_at)
       SELECT delivery_id, reminder_id, cause_key, 'task_due', 0, assignee_id, 'in_app', project_id, 'task', task_id, title, body,
              due_at, due_at, 'sent', 1, due_at, due_at, due_at FROM src
     )
     INSERT INTO notifications (id, recipient_id, delivery_id, rule, level, project_id, subject_type, subject_id, title, body, created_at, read_at)
     SELECT gen_random_uuid(), assignee_id, delivery_id, 'task_due', 0, project_id, 'task', task_id, title, body, due_at,
            CASE WHEN done_at < ${NOW} - interval '3 days' THEN least(done_at, due_at + interval '2 hours') END
       FROM src`,
  ];
}
