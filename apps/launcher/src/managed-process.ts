import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { formatLogLine } from './log-format';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A Node process the launcher starts: its own process group (so that Ctrl-C reaches only the launcher,
 * which stops everything in order), an IPC channel, and its output prefixed line by line (`[api] …`).
 */
export class ManagedProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;
  private stopRequested = false;
  private exit?: Exit;

  constructor(
    readonly name: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    onUnexpectedExit: (name: string, exit: Exit) => void,
  ) {
    this.child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
    this.pipe(this.child.stdout, process.stdout);
    this.pipe(this.child.stderr, process.stderr);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
        if (!this.stopRequested) onUnexpectedExit(this.name, this.exit);
      });
      this.child.once('error', (error) => {
        console.error(`[launcher] could not start ${this.name}: ${error.message}`);
        this.exit = { code: 1, signal: null };
        resolve(this.exit);
        if (!this.stopRequested) onUnexpectedExit(this.name, this.exit);
      });
    });
  }

  get running(): boolean {
    return !this.exit;
  }

  /** Resolves with the first IPC message that `accept` returns a value for; rejects if the process exits first. */
  waitForMessage<T>(accept: (message: unknown) => T | undefined, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${this.name} did not report ready within ${timeoutMs / 1000} s`)), timeoutMs);
      const onMessage = (message: unknown) => {
        const value = accept(message);
        if (value !== undefined) done(undefined, value);
      };
      const onExit = () => done(new Error(`${this.name} exited during start-up`));
      const done = (error?: Error, value?: T) => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        if (error) reject(error);
        else resolve(value as T);
      };
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
    });
  }

  /** SIGTERM (or `gently`), then SIGKILL after `graceMs`; resolves once the process has exited. */
  async stop(graceMs: number, gently: () => void = () => this.signal('SIGTERM')): Promise<void> {
    this.stopRequested = true;
    if (this.exit) return;
    gently();
    const timer = setTimeout(() => {
      console.error(`[launcher] ${this.name} did not stop within ${graceMs / 1000} s: killing it`);
      this.signal('SIGKILL');
    }, graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  kill(): void {
    this.stopRequested = true;
    this.signal('SIGKILL');
  }

  private signal(signal: NodeJS.Signals): void {
    if (!this.exit) this.child.kill(signal);
  }

  private pipe(from: NodeJS.ReadableStream | null, to: NodeJS.WriteStream): void {
    if (!from) return;
    const prefix = `[${this.name}]`;
    const quietBoot = !['debug', 'trace'].includes(process.env.LOG_LEVEL ?? '');
    createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
      const text = formatLogLine(line, { quietBoot });
      if (text === null) return;
      const out = text.startsWith(`${prefix} `) ? text : text.split('\n').map((l) => `${prefix} ${l}`).join('\n');
      to.write(`${out}\n`);
    });
  }
}
