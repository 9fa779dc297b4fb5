import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WEB_DIR = resolve(process.cwd(), 'apps/web');

/** The newest modification time under a path. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * The web UI's production build for the API to serve: built here when it is missing or older than its
 * sources (a fresh checkout, an edit), else left alone — so that concurrent runs do not rebuild it under
 * each other.
 */
export function ensureWebBuild(): string {
  const dist = join(WEB_DIR, 'dist');
  const index = join(dist, 'index.html');
  const sources = Math.max(newest(join(WEB_DIR, 'src')), newest(join(WEB_DIR, 'index.html')), newest(join(WEB_DIR, 'vite.config.mts')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return dist;
  execFileSync(process.execPath, [resolve(process.cwd(), 'node_modules/vite/bin/vite.js'), 'build', '--config', join(WEB_DIR, 'vite.config.mts'), '--logLevel', 'warn'], {
    cwd: process.cwd(),
    stdio: 'inherit',
  });
  return dist;
}
