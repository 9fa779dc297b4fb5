/**
 * Preloaded into the API process by the bench (`node --require sql-capture.js`): records the SQL the API
 * really sends through `pg` (text and parameter values, in order), so that the floor server can replay
 * exactly those statements. Off by default; each SIGWINCH toggles it, and turning it off writes what was
 * recorded to BENCH_SQL_CAPTURE (a JSON array of `{text, values}`). Nothing is recorded under load.
 */
import { renameSync, writeFileSync } from 'node:fs';

interface Captured {
  text: string;
  values: unknown[];
}

const target = process.env.BENCH_SQL_CAPTURE;
if (target) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg = require('pg') as typeof import('pg');
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  let recording: Captured[] | null = null;
  pg.Client.prototype.query = function patchedQuery(this: unknown, ...args: unknown[]): unknown {
    if (recording) {
      const [first, second] = args;
      if (typeof first === 'string') recording.push({ text: first, values: Array.isArray(second) ? second : [] });
      else if (first && typeof first === 'object' && 'text' in first) {
        const config = first as { text: string; values?: unknown[] };
        recording.push({ text: config.text, values: config.values ?? (Array.isArray(second) ? second : []) });
      }
    }
    return original.apply(this, args);
  } as never;
  process.on('SIGWINCH', () => {
    if (recording) {
      // written aside and renamed: the bench never reads half a file
      writeFileSync(`${target}.tmp`, JSON.stringify(recording, (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value)));
      renameSync(`${target}.tmp`, target);
      recording = null;
    } else {
      recording = [];
    }
  });
}
