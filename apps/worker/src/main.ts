import 'reflect-metadata';
import { EnvError, loadEnv } from '@zs/config';
import { createWorkerApp } from './worker.factory';

/**
 * The worker process (`npm run start:worker`; `npm start` runs it for you). SIGTERM / SIGINT close it
 * gracefully: the jobs in progress finish, then the connections close.
 */
async function main(): Promise<void> {
  loadEnv(); // refuses an invalid or unsafe environment before anything connects, naming each variable
  await createWorkerApp();
  // tell the launcher (when it started us) that the worker is up
  process.send?.({ type: 'ready' });
}

main().catch((error) => {
  if (error instanceof EnvError) console.error(`worker: ${error.message}\n(see .env.example)`);
  else console.error('worker: failed to start:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
