import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';

/**
 * A process the bench starts (API, worker, floor server): output to a log file, an IPC channel, stopped by
 * its own pid (SIGTERM, then SIGKILL). Nothing else is ever signalled.
 */
export class BenchChild {
  readonly child: ChildProcess;
  private exited = false;
  private readonly exitPromise: Promise<void>;

  constructor(readonly name: string, args: string[], env: NodeJS.ProcessEnv, logFile: string) {
    const log = createWriteStream(logFile, { flags: 'a' });
    this.child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.child.stdout?.pipe(log);
    this.child.stderr?.pipe(log);
    this.exitPromise = new Promise((resolve) => this.child.once('exit', () => {
      this.exited = true;
      resolve();
    }));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return !this.exited;
  }

  /** Resolves on the IPC message `{type: 'ready'}`; rejects if the process exits first or on timeout. */
  waitForReady(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} not ready within ${timeoutMs / 1000} s`)), timeoutMs);
      this.child.on('message', (m: { type?: string }) => {
        if (m?.type === 'ready') {
          clearTimeout(timer);
          resolve();
        }
      });
      void this.exitPromise.then(() => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited during start-up (see its log)`));
      });
    });
  }

  /** Polls `url` until it answers 200 (the API's health). */
  async waitForHttp(url: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited during start-up (see its log)`);
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
        if (res.ok) return;
      } catch {
        /* not yet */
      }
      await sleep(300);
    }
    throw new Error(`${this.name} did not answer ${url} within ${timeoutMs / 1000} s`);
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  async stop(graceMs = 30_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exitPromise;
    clearTimeout(timer);
  }

  /** Resident set now and its peak (VmRSS, VmHWM) in MB. */
  memory(): { rssMb: number; peakMb: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  }

  /** Resets the peak RSS (VmHWM) to the current RSS (`echo 5 > /proc/pid/clear_refs`); false if refused. */
  resetPeakMemory(): boolean {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('node:fs').writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
      return true;
    } catch {
      return false;
    }
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
