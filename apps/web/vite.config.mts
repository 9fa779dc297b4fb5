import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The web UI (apps/web): React + antd, built to apps/web/dist, which the API serves at `/` (app.factory.ts).
// No @vitejs/plugin-react: Vite's own oxc transform compiles the JSX (automatic runtime); edits reload the page.
const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root,
  base: '/',
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
