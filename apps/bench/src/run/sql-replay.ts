import { existsSync, readFileSync, rmSync } from 'node:fs';
import { type BenchChild, sleep } from './child-process';

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The SQL the API runs for one request, as it sent it through `pg` (sql-capture.ts in the API process):
 * recording on (SIGWINCH), the request, recording off (SIGWINCH writes the file).
 */
export async function captureSql(api: BenchChild, file: string, request: () => Promise<unknown>): Promise<Statement[]> {
  rmSync(file, { force: true });
  api.signal('SIGWINCH');
  await sleep(30);
  await request();
  await sleep(30);
  api.signal('SIGWINCH');
  for (let i = 0; i < 100 && !existsSync(file); i++) await sleep(20);
  await sleep(20);
  const statements = JSON.parse(readFileSync(file, 'utf8')) as Statement[];
  if (!statements.length) throw new Error('no SQL captured (is sql-capture.js preloaded into the API?)');
  return statements;
}
