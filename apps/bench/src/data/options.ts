/** `npm run bench:data -- --projects 1000000 [--force] [--url postgres://…]` */
export interface DataOptions {
  projects: number;
  force: boolean;
  url: string;
}

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/zs_bench';

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): DataOptions {
  const options: DataOptions = { projects: 100_000, force: false, url: env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--force') options.force = true;
    else if (arg.startsWith('--projects')) options.projects = Number(value().replace(/_/g, ''));
    else if (arg.startsWith('--url')) options.url = value();
    else if (arg === '--help' || arg === '-h') throw new Error('usage: npm run bench:data -- --projects <n> [--force] [--url <postgres url>]');
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(options.projects) || options.projects < 100) throw new Error('--projects must be an integer ≥ 100');
  return options;
}
