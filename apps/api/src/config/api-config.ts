import { join, resolve } from 'node:path';
import { host, oneOf, port, readEnv, secret, positiveInt, optionalUrl, text } from '@rectify/config';

export const API_CONFIG = Symbol('API_CONFIG');

const PROJECT_ROOT = resolve(__dirname, '../../../..').replace(/[\\/]dist$/, '');

/**
 * JWT_SECRET has a development default, clearly marked; NODE_ENV=production refuses to start
 * without a real one.
 */
export function readApiConfig(env: NodeJS.ProcessEnv = process.env) {
  const production = env.NODE_ENV === 'production';
  return readEnv(
    {
      API_HOST: host('127.0.0.1'),
      API_PORT: port(3000),
      NODE_ENV: oneOf(['development', 'production', 'test'], 'development'),
      DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
      REDIS_URL: optionalUrl(['redis:', 'rediss:']),
      // The worker's BullMQ key prefix: the dashboard and the health check read the same queues.
      QUEUE_PREFIX: text('rectify'),
      RECTIFY_DATA_DIR: (raw: string | undefined) => raw || join(PROJECT_ROOT, '.run', 'pglite'),
      EVIDENCE_DIR: (raw: string | undefined) => raw || join(PROJECT_ROOT, '.run', 'evidence'),
      // The built web UI (npm run build:web), served under `/` when it exists.
      WEB_DIR: (raw: string | undefined) => raw || join(PROJECT_ROOT, 'dist', 'web'),
      JWT_SECRET: secret(production ? undefined : 'development-only-secret-change-me'),
      JWT_TTL_SECONDS: positiveInt(3600),
    },
    env,
  );
}

export type ApiConfig = ReturnType<typeof readApiConfig>;
