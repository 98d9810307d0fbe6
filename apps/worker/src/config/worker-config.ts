import { host, port, readEnv, url } from '@rectify/config';

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

export function readWorkerConfig(env: NodeJS.ProcessEnv = process.env) {
  return readEnv(
    {
      REDIS_URL: url(['redis:', 'rediss:']),
      WORKER_HEALTH_HOST: host('127.0.0.1'),
      WORKER_HEALTH_PORT: port(3001),
    },
    env,
  );
}

export type WorkerConfig = ReturnType<typeof readWorkerConfig>;
