import type { Client } from 'pg';

/** The tables the generator fills in bulk: their secondary indexes are built once, after the load. */
export const BULK_TABLES = [
  'projects', 'companies', 'contacts', 'project_stage_changes', 'visits', 'tasks', 'agreements', 'milestones', 'funds', 'blockers',
  'leads', 'reminders', 'deliveries', 'notifications',
];

export interface IndexDefinition {
  name: string;
  table: string;
  definition: string;
}

/**
 * Drops the indexes of the bulk tables that back no constraint (primary keys and unique constraints stay) and
 * returns their definitions, as PostgreSQL prints them, to build them again with `createIndexes`.
 */
export async function dropSecondaryIndexes(client: Client): Promise<IndexDefinition[]> {
  const { rows } = await client.query<IndexDefinition>(
    `SELECT ic.relname AS name, t.relname AS "table", pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace ns ON ns.oid = t.relnamespace
      WHERE ns.nspname = 'public' AND t.relname = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY t.relname, ic.relname`,
    [BULK_TABLES],
  );
  for (const index of rows) await client.query(`DROP INDEX "public"."${index.name}"`);
  return rows;
}

/** Builds the dropped indexes again; returns the seconds spent per table. */
export async function createIndexes(client: Client, indexes: IndexDefinition[]): Promise<Map<string, number>> {
  const seconds = new Map<string, number>();
  for (const index of indexes) {
    const started = performance.now();
    await client.query(index.definition);
    seconds.set(index.table, (seconds.get(index.table) ?? 0) + (performance.now() - started) / 1000);
  }
  return seconds;
}
