import type { Client } from 'pg';

/** What the generator records about the data set in the database (`bench_meta`), for the next run and the bench runner. */
export interface DataSetMeta {
  projects: number;
  status: 'generating' | 'ready';
  /** Every date of the set is relative to this instant. */
  generatedAt: string;
  seconds?: number;
  timings?: { step: string; rows: number; seconds: number }[];
  databaseSize?: string;
  users?: { password: string; officers: string; leaders: string; managers: string; admin: string };
}

export async function readMeta(client: Client): Promise<DataSetMeta | null> {
  await client.query(`CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
  const { rows } = await client.query(`SELECT value FROM bench_meta WHERE key = 'dataset'`);
  return rows[0]?.value ?? null;
}

export async function writeMeta(client: Client, meta: DataSetMeta): Promise<void> {
  await client.query(
    `INSERT INTO bench_meta (key, value) VALUES ('dataset', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
    [JSON.stringify(meta)],
  );
}
