import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** An arbitrary constant: the advisory lock that serialises migrations across API replicas. */
const MIGRATION_LOCK = 0x5a53_4d47;

/** Creates the database named in `url` if it does not exist, with a UTF-8 ctype (pg_trgm needs it for Chinese). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return;
    const ident = `"${name.replace(/"/g, '""')}"`;
    try {
      await client.query(`CREATE DATABASE ${ident} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    } catch (error) {
      if ((error as { code?: string }).code === '42P04') return; // created concurrently
      // a server without the C.UTF-8 locale: take its default, checked by assertUtf8Ctype below
      await client.query(`CREATE DATABASE ${ident} TEMPLATE template0 ENCODING 'UTF8'`);
    }
  } finally {
    await client.end();
  }
}

/** Chinese substring search (pg_trgm) sees no Chinese characters in a database whose LC_CTYPE is not UTF-8. */
export async function assertUtf8Ctype(dataSource: DataSource): Promise<void> {
  const [row] = await dataSource.query('SELECT datctype FROM pg_database WHERE datname = current_database()');
  const ctype = String(row?.datctype ?? '');
  if (!/utf-?8/i.test(ctype) && ctype !== '') {
    throw new Error(
      `The database's LC_CTYPE is "${ctype}"; Chinese search needs a UTF-8 ctype. ` +
        `Create it with: CREATE DATABASE … TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'`,
    );
  }
}

/** Runs pending migrations under an advisory lock, so that several replicas starting at once migrate once. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** Create if missing, connect, check the ctype, migrate: what every process does before it serves. */
export async function openDatabase(url: string, options: { migrate: boolean }): Promise<DataSource> {
  if (options.migrate) await ensureDatabase(url);
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    await assertUtf8Ctype(dataSource);
    if (options.migrate) await runMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
