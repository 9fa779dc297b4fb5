import { type PoolClient, Query } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * One query read through a server-side cursor (`DECLARE … CURSOR`, then `FETCH n`) in a read-only transaction on
 * a connection of its own: one plan and one snapshot for a walk of any length, without TypeORM.
 *
 * `fetch` hands each row to its callback as it arrives and keeps none. pg's usual `client.query` collects a
 * result's rows in an array first; read that way, about a third of what the ledger export allocated survived two
 * scavenges and was promoted to V8's old space (~1 KB a row, ~100 MB for 100,000 rows, whether 20 or 2,000 rows
 * were fetched at a time), where it stayed until a mark-compact: the export's peak RSS (bench/notes/export.md).
 */
export class SqlCursor<Row> {
  private closed = false;

  private constructor(private readonly runner: QueryRunner, private readonly client: PoolClient) {}

  /** Takes a connection, begins the transaction and declares the cursor (planning `sql`: its errors are thrown here). */
  static async open<Row>(db: DataSource, sql: string, params: unknown[]): Promise<SqlCursor<Row>> {
    const runner = db.createQueryRunner();
    const cursor = new SqlCursor<Row>(runner, (await runner.connect()) as PoolClient);
    try {
      await cursor.client.query('BEGIN READ ONLY');
      await cursor.client.query(`DECLARE walk NO SCROLL CURSOR FOR ${sql}`, params);
    } catch (error) {
      await cursor.close();
      throw error;
    }
    return cursor;
  }

  /**
   * The next `count` rows (fewer at the end), each given to `onRow` as it arrives; resolves with how many there
   * were. An error thrown by `onRow` stops the rows of this fetch and rejects it.
   */
  fetch(count: number, onRow: (row: Row) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      const query = new Query<Row & object>(`FETCH ${count} FROM walk`);
      let rows = 0;
      let failure: unknown;
      query.on('row', (row: Row) => {
        if (failure !== undefined) return;
        try {
          onRow(row);
          rows++;
        } catch (error) {
          failure = error; // not thrown into pg's socket handler: the fetch ends normally, then rejects
        }
      });
      query.once('end', () => (failure === undefined ? resolve(rows) : reject(failure)));
      query.once('error', reject);
      void this.client.query(query);
    });
  }

  /** Ends the transaction (committed, or rolled back if it failed) and gives the connection back; once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.client.query('ROLLBACK'); // read only: nothing to commit; also ends a failed transaction
    } catch {
      /* a broken connection: the pool drops it */
    } finally {
      await this.runner.release();
    }
  }
}
