/**
 * `npm start`: one command runs the whole product on a machine with nothing but Node.
 *  - loads `.env` if present and validates the environment (prints the problems, exits 1);
 *  - without DATABASE_URL starts an embedded PostgreSQL (data under DATA_DIR/postgres) with a `zhaoshang` database;
 *  - starts the API, waits for /api/health to answer, then starts the worker (BullMQ on Redis with REDIS_URL,
 *    else on its PostgreSQL backend in the same database), prefixing their output `[api]` / `[worker]`;
 *  - Ctrl-C (SIGINT) / SIGTERM: stops the worker, then the API, then PostgreSQL, and exits 0;
 *    a process that dies unexpectedly stops the rest and exits 1.
 */
import 'reflect-metadata';
import { config as loadDotenv } from 'dotenv';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { DEFAULT_ADMIN_PASSWORD, type Env, EnvError, loadEnv, maskedUrl } from '@zs/config';
import { ensureDatabase, freePort, isReachable } from '@zs/db';
import { type Exit, ManagedProcess } from './managed-process';
import type { PostgresHostMessage } from './postgres-host';

const DIST_APPS = resolve(__dirname, '../..');
const GUARD = resolve(__dirname, 'child-guard.js');
const EMBEDDED_PG_PORT = 5433;
const DATABASE_NAME = 'zhaoshang';

const log = (message: string) => console.log(`[launcher] ${message}`);
const fail = (message: string) => console.error(`[launcher] ${message}`);

class Launcher {
  private postgres?: ManagedProcess;
  private api?: ManagedProcess;
  private worker?: ManagedProcess;
  private stopping?: Promise<never>;

  constructor(private readonly env: Env) {}

  async start(): Promise<void> {
    const env = this.env;
    const probeHost = ['0.0.0.0', '::', ''].includes(env.HOST) ? '127.0.0.1' : env.HOST;
    if (await isReachable(probeHost, env.PORT, 500)) {
      throw new Error(`port ${env.PORT} is already in use (another npm start?): stop it or set PORT`);
    }
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    if (!process.stdout.isTTY) childEnv.NO_COLOR ??= '1'; // no colour codes in a log file
    let database: string;
    if (env.DATABASE_URL) {
      database = `PostgreSQL at ${maskedUrl(env.DATABASE_URL)}`;
    } else {
      const dataDir = resolve(env.DATA_DIR, 'postgres');
      const port = (await isPortFree(EMBEDDED_PG_PORT)) ? EMBEDDED_PG_PORT : await freePort();
      log(`no DATABASE_URL: starting the embedded PostgreSQL (data in ${dataDir}, port ${port})…`);
      const serverUrl = await this.startPostgres(dataDir, port);
      const url = new URL(serverUrl);
      url.pathname = `/${DATABASE_NAME}`;
      await ensureDatabase(url.toString());
      childEnv.DATABASE_URL = url.toString();
      database = `embedded PostgreSQL, database "${DATABASE_NAME}" on 127.0.0.1:${port} (data in ${dataDir})`;
    }
    const queue = env.REDIS_URL ? `BullMQ on Redis at ${maskedUrl(env.REDIS_URL)}` : 'BullMQ on PostgreSQL (schema "bullmq", same database)';

    this.api = this.spawn('api', 'api/src/main.js', childEnv);
    const health = `http://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${env.PORT}/api/health`;
    await this.waitForHealth(health, this.api, 180_000);

    this.worker = this.spawn('worker', 'worker/src/main.js', childEnv);
    await this.worker.waitForMessage((m) => ((m as { type?: string })?.type === 'ready' ? true : undefined), 120_000);
    await new Promise((r) => setTimeout(r, 200)); // let the worker's start-up lines print before the banner

    this.printBanner(database, queue);
  }

  /** Ctrl-C / SIGTERM: a clean stop; a second signal while stopping kills the API and the worker. */
  onSignal(signal: NodeJS.Signals): void {
    if (!this.stopping) {
      void this.stop(0, `received ${signal}`);
      return;
    }
    fail(`received ${signal} while stopping: killing the API and the worker`);
    this.worker?.kill();
    this.api?.kill();
  }

  /** Stops the worker (in-flight jobs finish), then the API, then PostgreSQL; exits with `code`. Once. */
  stop(code: number, reason: string): Promise<never> {
    this.stopping ??= this.stopAll(code, reason);
    return this.stopping;
  }

  private async stopAll(code: number, reason: string): Promise<never> {
    const started = [this.worker, this.api, this.postgres].some((p) => p?.running);
    (code === 0 ? log : fail)(started ? `${reason}: stopping…` : reason);
    try {
      await this.worker?.stop(60_000);
      await this.api?.stop(20_000);
      await this.postgres?.stop(30_000, () => this.postgres?.child.send({ type: 'stop' }));
    } catch (error) {
      fail(`while stopping: ${error instanceof Error ? error.message : error}`);
      code = code || 1;
    }
    if (started) log(code === 0 ? 'stopped.' : `stopped (exit ${code}).`);
    process.exit(code);
  }

  private onUnexpectedExit = (name: string, exit: Exit) => {
    if (this.stopping) return;
    const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    void this.stop(1, `${name} ${how}`);
  };

  private spawn(name: string, script: string, env: NodeJS.ProcessEnv): ManagedProcess {
    // a signal during start-up: start nothing more (stopAll has passed this process already)
    if (this.stopping) throw new Error('stopping');
    return new ManagedProcess(name, ['--require', GUARD, resolve(DIST_APPS, script)], env, this.onUnexpectedExit);
  }

  private async startPostgres(dataDir: string, port: number): Promise<string> {
    this.postgres = new ManagedProcess(
      'postgres',
      [resolve(__dirname, 'postgres-host.js'), JSON.stringify({ dataDir, port })],
      process.env,
      this.onUnexpectedExit,
    );
    const result = await this.postgres.waitForMessage<PostgresHostMessage>((m) => {
      const message = m as PostgresHostMessage | undefined;
      return message?.type === 'ready' || message?.type === 'error' ? message : undefined;
    }, 300_000);
    if (result.type === 'error') throw new Error(result.message);
    return result.url;
  }

  /** Polls until the API answers over HTTP (any status); fails if it exits first. */
  private async waitForHealth(url: string, api: ManagedProcess, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!api.running) throw new Error('the API exited during start-up (see the [api] lines above)');
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
        if (res.status !== 200) fail(`${url} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    throw new Error(`the API did not answer ${url} within ${timeoutMs / 1000} s`);
  }

  private printBanner(database: string, queue: string): void {
    const env = this.env;
    const base = `http://localhost:${env.PORT}`;
    const password = env.ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD ? `${DEFAULT_ADMIN_PASSWORD}  (the default: change it after signing in)` : '(the ADMIN_PASSWORD you set)';
    console.log(
      [
        '',
        '  招商 CRM is running / 招商 CRM 已启动',
        `    Web UI      ${base}/${webUiBuilt() ? '' : '   (not built: run npm run build:web / 网页界面尚未构建)'}`,
        `    API         ${base}/api`,
        `    OpenAPI     ${base}/api/docs`,
        `    Health      ${base}/api/health`,
        `    Database    ${database}`,
        `    Queue       ${queue}`,
        `    Admin       ${env.ADMIN_USERNAME} / ${password}`,
        `    Demo data   ${env.DEMO_DATA ? 'on: loaded into an empty database; demo accounts zhangju (manager), wangfz (leader), liming / chenjing / zhaolei (officers), password demo-2026 (DEMO_DATA=false to skip)' : 'off (DEMO_DATA=false)'}`,
        '',
        '  Press Ctrl-C to stop / 按 Ctrl-C 停止',
        '',
      ].join('\n'),
    );
  }
}

/** Whether the web UI's production build is there for the API to serve (npm start builds it). */
function webUiBuilt(): boolean {
  return existsSync(resolve(DIST_APPS, '../../apps/web/dist/index.html')) || existsSync(resolve(process.cwd(), 'apps/web/dist/index.html'));
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}


async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let env: Env;
  try {
    env = loadEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    fail(`${error.message}\n(see .env.example for every variable, its default and meaning)`);
    process.exit(1);
  }
  const launcher = new Launcher(env);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => launcher.onSignal(signal));
  }
  try {
    await launcher.start();
  } catch (error) {
    await launcher.stop(1, `could not start: ${error instanceof Error ? error.message : error}`);
  }
}

void main();
