import { CONTACT_TITLES } from '../vocabulary';
import { pickUniform } from './sql-helpers';

/**
 * Companies (the ones with at least one project; the park and date of their first project) and one primary
 * contact each. `name_norm` and `name_bigrams` are filled as CompaniesService fills them (see functions.sql.ts).
 */
export function companiesSql(): string[] {
  return [
    `INSERT INTO companies (id, created_at, updated_at, park_id, name, name_norm, name_bigrams, credit_code, country, province,
                            industry, size, listed, website, registered_capital, created_by_id)
     SELECT pg_temp.bid('company', c.k), c.created_at, c.created_at, c.park_id, c.name, pg_temp.company_name_norm(c.name), pg_temp.name_bigrams(c.name),
            CASE WHEN c.region_key NOT IN ('hong_kong', 'taiwan', 'overseas') THEN pg_temp.credit_code(c.k) END,
            CASE c.region_key WHEN 'hong_kong' THEN 'HK' WHEN 'taiwan' THEN 'TW' WHEN 'overseas' THEN ${pickUniform(['US', 'DE', 'JP', 'KR', 'SG', 'TR'], 'pg_temp.h(c.k, 110)')} ELSE 'CN' END,
            CASE WHEN c.region_key NOT IN ('hong_kong', 'taiwan', 'overseas') THEN pg_temp.region_prefix(pg_temp.region_of(c.k)) END,
            pg_temp.industry_key(pg_temp.industry_of(c.k)),
            ${pickUniform(['large', 'medium', 'medium', 'small', 'small'], 'pg_temp.h(c.k, 111)')},
            pg_temp.h(c.k, 112) < 0.08, NULL,
            round((500 + 20000 * power(pg_temp.h(c.k, 113), 3))::numeric, 0), c.owner_id
       FROM (SELECT k, pg_temp.company_name(k) AS name, pg_temp.region_key(pg_temp.region_of(k)) AS region_key,
                    min(created_at) - interval '3 days' AS created_at,
                    (array_agg(park_id ORDER BY created_at))[1] AS park_id, (array_agg(owner_id ORDER BY created_at))[1] AS owner_id
               FROM bench_plan GROUP BY k) c
      ORDER BY c.created_at, c.k`,
    `INSERT INTO contacts (id, created_at, updated_at, company_id, name, title, mobile, mobile_norm, email, wechat, "primary")
     SELECT pg_temp.bid('contact', c.k), co.created_at, co.created_at, co.id, pg_temp.person_name(c.k, 201),
            ${pickUniform(CONTACT_TITLES, 'pg_temp.h(c.k, 202)')},
            m.mobile, m.mobile, NULL, 'wx_' || substr(md5(c.k::text), 1, 10), true
       FROM (SELECT DISTINCT k FROM bench_plan) c JOIN companies co ON co.id = pg_temp.bid('company', c.k)
       CROSS JOIN LATERAL (SELECT '1' || (ARRAY['3', '5', '7', '8', '9'])[1 + (c.k % 5)::int] || lpad(((c.k * 7919 + 12345) % 1000000000)::text, 9, '0') AS mobile) m`,
  ];
}
