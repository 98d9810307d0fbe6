import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export interface WorkerBuild {
  /** Output folder: apps/, libs/ and bench/ as in the source tree. */
  dir: string;
  projectRoot: string;
  /** `node -r` hook resolving @rectify/* into `dir`. */
  register: string;
  /** The project's node_modules, for modules required from outside the project tree. */
  nodePath: string;
}

const ROOT = resolve(__dirname, '../..');

/**
 * Compiles what `bench/support/tsconfig.<project>.json` names with tsc into `outDir`, for
 * NodeChild to run. Nest needs tsc's decorator metadata, which tsx (esbuild) does not emit;
 * building into a folder of the benchmark's own leaves the project's dist/ alone. Throws with
 * tsc's output when the build fails.
 */
export function buildForBench(project: 'api' | 'worker', outDir: string): WorkerBuild {
  const r = spawnSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      '-p',
      join(ROOT, `bench/support/tsconfig.${project}.json`),
      '--outDir',
      outDir,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`building the ${project} failed:\n${r.stdout}${r.stderr}`);
  return {
    dir: outDir,
    projectRoot: ROOT,
    register: join(ROOT, 'bench/support/register-build.cjs'),
    nodePath: join(ROOT, 'node_modules'),
  };
}

/** The worker and the reminders baseline's empty worker (tsconfig.worker.json). */
export function buildWorker(outDir: string): WorkerBuild {
  return buildForBench('worker', outDir);
}
