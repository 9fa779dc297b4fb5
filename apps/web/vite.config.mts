import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

// The web UI (apps/web): React + antd, built to apps/web/dist, which the API serves at `/` (app.factory.ts).
// No @vitejs/plugin-react: Vite's own oxc transform compiles the JSX (automatic runtime); edits reload the page.
const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * After a production build, prints what a user downloads: the whole build, the first load (index.html's own
 * script, CSS and module preloads — what the login page needs) and each lazily loaded screen, raw and gzipped.
 */
function sizeReport(): Plugin {
  let outDir = '';
  return {
    name: 'zs-size-report',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    closeBundle() {
      const assets = join(outDir, 'assets');
      const files = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
      const size = (f: string) => {
        const data = readFileSync(join(assets, f));
        return { raw: data.length, gzip: gzipSync(data).length };
      };
      const sum = (list: string[]) => list.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
      const html = readFileSync(join(outDir, 'index.html'), 'utf8');
      const first = [...html.matchAll(/\/assets\/([^"']+\.(?:js|css))/g)].map((m) => m[1]!);
      const screens = files.filter((f) => /^[A-Z][A-Za-z]+Page-/.test(f)).sort();
      const line = (label: string, s: { raw: number; gzip: number }) => `  ${label.padEnd(28)} ${kB(s.raw).padStart(10)}  gzip ${kB(s.gzip).padStart(9)}`;
      console.log(`\nweb UI build size (${files.length} files)`);
      console.log(line('all JS + CSS', sum(files)));
      console.log(line('first load (login page)', sum(first)));
      for (const f of screens) console.log(line(`  screen ${f.replace(/-[^-]+\.js$/, '')}`, size(f)));
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [sizeReport()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // antd marks its files "use client" (for React Server Components): meaningless in a client bundle
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        // React in one long-lived vendor chunk; antd is split by what each screen uses (the login page loads the
        // least), ECharts only with the cockpit
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
  preview: { proxy: { '/api': { target: apiTarget, changeOrigin: true } } },
});
