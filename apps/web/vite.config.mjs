// @ts-check
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes src/api/generated/ (the typed client from openapi.json and the server's vocabulary)
 * before every build or dev server, so no build runs on a stale or missing client.
 * @returns {import('vite').Plugin}
 */
function generatedApi() {
  const script = fileURLToPath(new URL('../../scripts/generate-web-api.js', import.meta.url));
  return {
    name: 'rectify-generated-api',
    buildStart() {
      const r = spawnSync(process.execPath, [script], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) throw new Error('generating src/api/generated failed: see the message above');
    },
  };
}

/**
 * The web UI: built into dist/web, which the API serves under `/`. In development
 * (`npm run dev:web`) Vite serves it and forwards /api to the API on :3000.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [generatedApi()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; meaningless in a SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
