import { LEADERS, OFFICERS, PARK_COUNT } from '../bench-users';
import { PARKS, SUB_AREAS } from '../vocabulary';
import { arr } from './sql-helpers';

/**
 * The park tree (the bureau → 10 parks → 2 片区 each) and the people: 200 officers spread over the parks and
 * sub-areas, 20 leaders (2 per park), a bureau manager and one manager per park, an admin if none exists.
 * Park ids are `bid('park', p)` (sub-areas `bid('park', p * 10 + s)`), users `bid('user', …)`.
 * Reads `bench.root_park` (the existing root, or the id to create it with) and `bench.password_hash`.
 */
export function peopleSql(): string[] {
  const root = `current_setting('bench.root_park')::uuid`;
  const hash = `current_setting('bench.password_hash')`;
  return [
    `INSERT INTO parks (id, name, parent_id, path)
       SELECT ${root}, '招商引资局', NULL, '/' || ${root} || '/' WHERE NOT EXISTS (SELECT 1 FROM parks WHERE id = ${root})`,
    `INSERT INTO parks (id, name, parent_id, path)
       SELECT pg_temp.bid('park', p), (${arr(PARKS)})[p], ${root}, r.path || pg_temp.bid('park', p) || '/'
         FROM generate_series(1, ${PARK_COUNT}) p, parks r WHERE r.id = ${root}`,
    `INSERT INTO parks (id, name, parent_id, path)
       SELECT pg_temp.bid('park', p * 10 + s), (${arr(PARKS)})[p] || (${arr(SUB_AREAS)})[s], pg_temp.bid('park', p), pp.path || pg_temp.bid('park', p * 10 + s) || '/'
         FROM generate_series(1, ${PARK_COUNT}) p CROSS JOIN generate_series(1, 2) s JOIN parks pp ON pp.id = pg_temp.bid('park', p)`,
    // the staging list of officers: their park and their leading official
    `CREATE UNLOGGED TABLE bench_officers AS
       SELECT j, pg_temp.bid('user', 1000 + j) AS id,
              CASE WHEN ((j - 1) / ${PARK_COUNT}) % 3 = 0 THEN pg_temp.bid('park', 1 + (j - 1) % ${PARK_COUNT})
                   ELSE pg_temp.bid('park', (1 + (j - 1) % ${PARK_COUNT}) * 10 + ((j - 1) / ${PARK_COUNT}) % 3) END AS park_id,
              pg_temp.bid('user', 100 + 1 + (j - 1) % ${PARK_COUNT} + ${PARK_COUNT} * (j % 2)) AS leader_id
         FROM generate_series(1, ${OFFICERS}) j`,
    `INSERT INTO users (id, username, password_hash, display_name, role, email, mobile, manager_id, park_id, created_at, updated_at)
       SELECT o.id, 'officer' || lpad(o.j::text, 3, '0'), ${hash}, pg_temp.person_name(o.j, 301) || '（招商专员）', 'officer',
              'officer' || lpad(o.j::text, 3, '0') || '@bench.example.cn', '139' || lpad((o.j * 7919 % 100000000)::text, 8, '0'),
              pg_temp.bid('user', 10 + 1 + (o.j - 1) % ${PARK_COUNT}), o.park_id, now() - interval '7 years', now() - interval '7 years'
         FROM bench_officers o`,
    `INSERT INTO users (id, username, password_hash, display_name, role, park_id, created_at, updated_at)
       SELECT pg_temp.bid('user', 100 + l), 'leader' || lpad(l::text, 2, '0'), ${hash}, pg_temp.person_name(l, 311) || '（包抓领导）', 'leader',
              pg_temp.bid('park', 1 + (l - 1) % ${PARK_COUNT}), now() - interval '7 years', now() - interval '7 years'
         FROM generate_series(1, ${LEADERS}) l`,
    `INSERT INTO users (id, username, password_hash, display_name, role, park_id, created_at, updated_at)
       SELECT pg_temp.bid('user', 10 + p), 'manager' || lpad(p::text, 2, '0'), ${hash}, pg_temp.person_name(p, 321) || '（园区招商局）', 'manager',
              pg_temp.bid('park', p), now() - interval '7 years', now() - interval '7 years'
         FROM generate_series(1, ${PARK_COUNT}) p
       UNION ALL
       SELECT pg_temp.bid('user', 10), 'manager', ${hash}, '张局长（招商引资局）', 'manager', ${root}, now() - interval '7 years', now() - interval '7 years'`,
    `INSERT INTO users (id, username, password_hash, display_name, role, park_id)
       SELECT pg_temp.bid('user', 1), 'admin', ${hash}, '系统管理员', 'admin', ${root}
        WHERE NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' OR username = 'admin')`,
  ];
}
