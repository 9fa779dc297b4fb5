import * as argon2 from 'argon2';
import type { Pool } from 'pg';

export const BENCH_USERNAME = 'bench-manager';

/** What the data set holds and the parameters of each measured request, read once before the run. */
export interface DataProfile {
  projects: number;
  companies: number;
  tasks: number;
  visits: number;
  stageChanges: number;
  users: number;
  /** The officer and stage of the filtered list: the busiest officer's most common stage. */
  officerId: string;
  stage: string;
  filteredRows: number;
  /** A cursor 90% deep into the filtered list, and into the stage-only list. */
  deepCursor: string | null;
  deepOffset: number;
  stageRows: number;
  stageDeepCursor: string | null;
  stageDeepOffset: number;
  searchTerm: string;
  searchRows: number;
  projectIds: string[];
  year: number;
  /** The ledger export's filter (query string) and how many projects it matches. */
  exportQuery: string;
  exportRows: number;
}

const count = async (pool: Pool, sql: string, values: unknown[] = []) => Number((await pool.query(sql, values)).rows[0].n);

/** Creates (or re-enables) the bench's own manager at the root park, with a fresh password. */
export async function ensureBenchUser(pool: Pool, password: string): Promise<void> {
  const { rows } = await pool.query(`SELECT id FROM parks WHERE parent_id IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT 1`);
  if (!rows.length) throw new Error('the database has no root park: run npm run bench:data first');
  const hash = await argon2.hash(password, { type: argon2.argon2id });
  await pool.query(
    `INSERT INTO users (username, password_hash, display_name, role, park_id) VALUES ($1, $2, '基准测试 (bench)', 'manager', $3)
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, disabled_at = NULL, role = 'manager', park_id = EXCLUDED.park_id`,
    [BENCH_USERNAME, hash, rows[0].id],
  );
}

export async function profileData(pool: Pool, listCursor: (at: Date, id: string) => string): Promise<DataProfile> {
  const estimate = async (table: string) => count(pool, `SELECT reltuples::bigint AS n FROM pg_class WHERE relname = $1`, [table]);
  const projects = await count(pool, `SELECT count(*) AS n FROM projects WHERE deleted_at IS NULL`);
  const [busiest] = (await pool.query(
    `SELECT owner_id, stage, count(*)::int AS n FROM projects WHERE deleted_at IS NULL AND stage NOT IN ('dropped', 'on_hold')
      GROUP BY owner_id, stage ORDER BY n DESC LIMIT 1`,
  )).rows;
  const nth = async (where: string, values: unknown[], offset: number) => {
    const { rows } = await pool.query(`SELECT id, created_at FROM projects p WHERE ${where} ORDER BY created_at DESC, id DESC OFFSET $${values.length + 1} LIMIT 1`, [...values, offset]);
    return rows[0] ? listCursor(rows[0].created_at, rows[0].id) : null;
  };
  const filter = `p.deleted_at IS NULL AND p.stage = $1 AND p.owner_id = $2`;
  const deepOffset = Math.floor(busiest.n * 0.9);
  const stageRows = await count(pool, `SELECT count(*) AS n FROM projects p WHERE p.deleted_at IS NULL AND p.stage = $1`, [busiest.stage]);
  const stageDeepOffset = Math.floor(stageRows * 0.9);
  const searchTerm = process.env.BENCH_SEARCH ?? '锂业';
  const searchRows = await count(pool, `SELECT count(*) AS n FROM projects p LEFT JOIN companies c ON c.id = p.company_id WHERE p.deleted_at IS NULL AND (p.name LIKE $1 OR c.name LIKE $1)`, [`%${searchTerm}%`]);
  const projectIds = (await pool.query(`SELECT id FROM projects TABLESAMPLE SYSTEM (1) WHERE deleted_at IS NULL LIMIT 20`)).rows.map((r) => r.id as string);
  if (projectIds.length < 20) projectIds.push(...(await pool.query(`SELECT id FROM projects WHERE deleted_at IS NULL LIMIT 20`)).rows.map((r) => r.id as string));
  const [{ year }] = (await pool.query(
    `SELECT extract(year FROM occurred_at AT TIME ZONE 'Asia/Shanghai')::int AS year FROM project_stage_changes
      WHERE occurred_at > now() - interval '3 years' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  )).rows.concat([{ year: new Date().getFullYear() }]);
  return {
    projects,
    companies: await estimate('companies'),
    tasks: await estimate('tasks'),
    visits: await estimate('visits'),
    stageChanges: await estimate('project_stage_changes'),
    users: await count(pool, `SELECT count(*) AS n FROM users`),
    officerId: busiest.owner_id,
    stage: busiest.stage,
    filteredRows: busiest.n,
    deepCursor: await nth(filter, [busiest.stage, busiest.owner_id], deepOffset),
    deepOffset,
    stageRows,
    stageDeepCursor: await nth(`p.deleted_at IS NULL AND p.stage = $1`, [busiest.stage], stageDeepOffset),
    stageDeepOffset,
    searchTerm,
    searchRows,
    projectIds: projectIds.slice(0, 20),
    year,
    ...(await exportFilter(pool, projects)),
  };
}

/** The filter (stage, industry or channel, or none) whose match count is closest to 100,000 projects. */
async function exportFilter(pool: Pool, projects: number): Promise<{ exportQuery: string; exportRows: number }> {
  const candidates: { query: string; n: number }[] = [{ query: '', n: projects }];
  for (const column of ['stage', 'industry', 'channel']) {
    const { rows } = await pool.query(`SELECT ${column} AS v, count(*)::int AS n FROM projects WHERE deleted_at IS NULL GROUP BY 1`);
    for (const r of rows) candidates.push({ query: `${column}=${encodeURIComponent(r.v)}`, n: r.n });
  }
  const best = candidates.sort((a, b) => Math.abs(a.n - 100_000) - Math.abs(b.n - 100_000))[0];
  return { exportQuery: best.query, exportRows: best.n };
}
