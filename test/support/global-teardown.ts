import { rmSync } from 'node:fs';
import { dropRunDatabases } from './global-setup';
import { readTestRun, runFile } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const run = readTestRun();
  await dropRunDatabases(run.serverUrl, run.runId);
  await globalThis.__ZS_EMBEDDED_PG__?.stop();
  rmSync(runFile(), { force: true });
}
