import { buildForBench, type WorkerBuild } from './build-worker';

/** The API and `bench:api`'s two bare servers (tsconfig.api.json), in the shape NodeChild runs. */
export function buildApi(outDir: string): WorkerBuild {
  return buildForBench('api', outDir);
}
