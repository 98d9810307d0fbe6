import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { type WorkerBuild } from './build-worker';

const ROOT = resolve(__dirname, '../..');

/**
 * Compiles the API and `bench:api`'s two bare servers with tsc into `outDir` (Nest needs tsc's
 * decorator metadata, which tsx does not emit), in the shape build-worker.ts gives, so NodeChild
 * runs them. Throws with tsc's output when the build fails.
 */
export function buildApi(outDir: string): WorkerBuild {
  const r = spawnSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      '-p',
      join(ROOT, 'bench/support/tsconfig.api.json'),
      '--outDir',
      outDir,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`building the API failed:\n${r.stdout}${r.stderr}`);
  return {
    dir: outDir,
    projectRoot: ROOT,
    register: join(ROOT, 'bench/support/register-build.cjs'),
    nodePath: join(ROOT, 'node_modules'),
  };
}
