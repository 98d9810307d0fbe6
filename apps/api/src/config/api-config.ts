import { dirname, join, resolve } from 'node:path';
import {
  DATABASE_LIMITS_ENV,
  ROBOT_WEBHOOK_ENV,
  host,
  oneOf,
  port,
  readEnv,
  secret,
  positiveInt,
  optionalUrl,
  text,
  trustProxy,
  flag,
} from '@rectify/config';

export const API_CONFIG = Symbol('API_CONFIG');

const PROJECT_ROOT = resolve(__dirname, '../../../..').replace(/[\\/]dist$/, '');

const isBlank = (raw: string | undefined) => raw === undefined || raw.trim() === '';

/**
 * The API's configuration, validated once at start-up.
 *
 * JWT_SECRET: without it, the secret is generated once per installation (32 random bytes) into
 * JWT_SECRET_FILE, by default `jwt-secret` beside the embedded database's folder (`.run/` for
 * `npm start`), shared by every API process of that installation. In production with a database
 * server (DATABASE_URL), where API processes may run on several machines, JWT_SECRET is required.
 *
 * Login throttling counts failed logins per user name (any address) and per client address
 * (any user name) in a fixed window, in Redis when REDIS_URL is set (shared by every API process),
 * else in memory. TRUST_PROXY says whose X-Forwarded-For may name the client address.
 */
export function readApiConfig(env: NodeJS.ProcessEnv = process.env) {
  const production = env.NODE_ENV === 'production';
  const dataDir = isBlank(env.RECTIFY_DATA_DIR)
    ? join(PROJECT_ROOT, '.run', 'pglite')
    : (env.RECTIFY_DATA_DIR as string);
  const secretFile = isBlank(env.JWT_SECRET_FILE)
    ? join(dirname(resolve(dataDir)), 'jwt-secret')
    : resolve(env.JWT_SECRET_FILE as string);
  const secretRequired = production && !isBlank(env.DATABASE_URL);
  return {
    ...readEnv(
      {
        API_HOST: host('127.0.0.1'),
        API_PORT: port(3000),
        NODE_ENV: oneOf(['development', 'production', 'test'], 'development'),
        DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
        REDIS_URL: optionalUrl(['redis:', 'rediss:']),
        // The worker's BullMQ key prefix: the dashboard and the health check read the same queues.
        QUEUE_PREFIX: text('rectify'),
        RECTIFY_DATA_DIR: () => dataDir,
        // Where evidence files live: `disk` under EVIDENCE_DIR (one machine, or a folder every API
        // process shares), or `database` (table evidence_file: every process sees them).
        EVIDENCE_STORE: oneOf(['disk', 'database'], 'disk'),
        EVIDENCE_DIR: (raw: string | undefined) => raw || join(PROJECT_ROOT, '.run', 'evidence'),
        // The built web UI (npm run build:web), served under `/` when it exists.
        WEB_DIR: (raw: string | undefined) => raw || join(PROJECT_ROOT, 'dist', 'web'),
        JWT_SECRET: secret(secretRequired ? undefined : secretFile),
        JWT_TTL_SECONDS: positiveInt(3600),
        LOGIN_MAX_FAILURES_PER_USERNAME: positiveInt(10),
        LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInt(50),
        LOGIN_FAILURE_WINDOW_SECONDS: positiveInt(900),
        TRUST_PROXY: trustProxy(),
        // Served to browsers over HTTPS (directly or behind a TLS proxy): only then do responses
        // carry HSTS and CSP upgrade-insecure-requests, which break a plain-HTTP intranet address.
        HTTPS_ONLY: flag(false),
        // Timeouts and pool size of the database connections (see DEFAULT_DATABASE_LIMITS).
        ...DATABASE_LIMITS_ENV,
        // Stand-in robot webhook hosts besides the official ones (tests, development).
        ...ROBOT_WEBHOOK_ENV,
      },
      env,
    ),
    /** Where a generated JWT secret lives (unused when JWT_SECRET is set). */
    JWT_SECRET_FILE: secretFile,
  };
}

export type ApiConfig = ReturnType<typeof readApiConfig>;
