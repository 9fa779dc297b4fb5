import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a read as a named prepared statement on a pooled connection: PostgreSQL parses and plans it once per
 * connection, and after a few executions keeps a generic plan when that is as good as the custom ones, instead of
 * planning on every request (~0.75 ms for the project list at 1M projects: 17 indexes on `projects` to weigh,
 * more than executing the page). The name is a digest of the text, so one text is one statement.
 *
 * For hot reads of a fixed shape only. A statement whose best plan depends on its values must stay unnamed: the
 * project search (`q`), whose bigrams are rare (GIN bitmap) or common (a newest-first walk).
 */
export async function preparedQuery<T>(db: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const name = `zs_${createHash('sha1').update(text).digest('base64url')}`;
  db.logger.logQuery(text, values); // logged as TypeORM logs its own queries
  const [client, release] = (await (db.driver as PostgresDriver).obtainMasterConnection()) as [PreparingClient, () => void];
  try {
    return (await client.query<T>({ name, text, values })).rows;
  } finally {
    release();
  }
}

interface PreparingClient {
  query<T>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}
