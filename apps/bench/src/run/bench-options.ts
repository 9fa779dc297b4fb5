/** The bench's settings: command-line flags (`npm run bench -- --rate 500`) over environment over defaults. */
export interface BenchOptions {
  databaseUrl: string;
  redisUrl: string;
  /** Open-loop rate (req/s) and duration (s) of the loaded requests. */
  rate: number;
  openLoopS: number;
  /** autocannon connections and duration (s) for the saturation runs. */
  connections: number;
  saturationS: number;
  /** Samples of each sequential page view. */
  samples: number;
  /** Reminders falling due at once, and the steady-state rate (per s) and duration (s). */
  burst: number;
  steadyRate: number;
  steadyS: number;
  /** BullMQ backends to measure the reminders on: redis, postgres. */
  backends: string[];
  /** Parts to skip: http, export, reminders. */
  skip: string[];
  logLevel: string;
  outDir: string;
  /** The worker writes a CPU profile (`--cpu-prof`). */
  cpuProf: boolean;
}

export function readOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument ${argv[i]}`);
    flags.set(m[1], m[2] ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true'));
  }
  const num = (name: string, fallback: number) => {
    const v = flags.get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  const list = (name: string, fallback: string) => (flags.get(name) ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
  return {
    databaseUrl: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zs_bench',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    rate: num('rate', 500),
    openLoopS: num('open-loop-seconds', 10),
    connections: num('connections', 32),
    saturationS: num('saturation-seconds', 8),
    samples: num('samples', 20),
    burst: num('reminders', 100_000),
    steadyRate: num('steady-rate', 200),
    steadyS: num('steady-seconds', 30),
    backends: list('backends', 'redis,postgres'),
    skip: list('skip', ''),
    logLevel: flags.get('log-level') ?? 'warn',
    outDir: flags.get('out') ?? 'bench',
    cpuProf: flags.get('cpu-prof') === 'true',
  };
}
