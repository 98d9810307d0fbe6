import { join, resolve } from 'node:path';
import {
  ConfigError,
  DATABASE_LIMITS_ENV,
  host,
  nonNegativeInt,
  oneOf,
  optionalInstant,
  optionalUrl,
  port,
  positiveInt,
  readEnv,
  text,
  timeOfDay,
  url,
} from '@rectify/config';
import { appBaseUrlFor } from './app-base-url';

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

const PROJECT_ROOT = resolve(__dirname, '../../../..').replace(/[\\/]dist$/, '');

/**
 * The worker's configuration, validated at start-up. Without SMTP_URL the worker runs a
 * development SMTP sink in-process (refused in production); RECTIFY_CLOCK_START lets tests and
 * the benchmark start the worker's clock at a chosen instant (also refused in production).
 */
export function readWorkerConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = readEnv(
    {
      NODE_ENV: oneOf(['development', 'production', 'test'], 'development'),
      REDIS_URL: url(['redis:', 'rediss:']),
      DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
      RECTIFY_DATA_DIR: (raw: string | undefined) => raw || join(PROJECT_ROOT, '.run', 'pglite'),
      WORKER_HEALTH_HOST: host('127.0.0.1'),
      WORKER_HEALTH_PORT: port(3001),
      SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
      SMTP_FROM: text('整改闭环跟踪系统 <rectify@localhost>'),
      DEV_SMTP_SINK_PORT: port(0),
      // Links in emails; by default where the API listens (API_HOST, API_PORT: see app-base-url.ts).
      APP_BASE_URL: optionalUrl(['http:', 'https:']),
      API_HOST: host('127.0.0.1'),
      API_PORT: port(3000),
      QUEUE_PREFIX: text('rectify'),
      REMINDER_YELLOW_WORKDAYS: nonNegativeInt(5),
      REMINDER_ESCALATE_WORKDAYS: positiveInt(5),
      REMINDER_DIGEST_TIME: timeOfDay('09:00'),
      REMINDER_DIGEST_COLLECT_SECONDS: nonNegativeInt(60),
      // Jobs in flight; the batcher takes half of them per SQL round trip (see RemindersProcessor).
      REMINDER_CONCURRENCY: positiveInt(1000),
      // A reminder job's attempts and first backoff (doubling); database outages do not spend them.
      REMINDER_ATTEMPTS: positiveInt(10),
      REMINDER_BACKOFF_MS: positiveInt(1_000),
      // Repeated warnings (failed attempts, Redis errors) print one summary line per source this often.
      LOG_SUMMARY_SECONDS: positiveInt(10),
      DIGEST_CONCURRENCY: positiveInt(20),
      DIGEST_ATTEMPTS: positiveInt(8),
      DIGEST_BACKOFF_MS: positiveInt(30_000),
      JOB_LOCK_MS: positiveInt(30_000),
      // Notifications: fan-outs, robot messages and notification emails in flight at once; a
      // failing job's attempts and first backoff (doubling).
      NOTIFY_CONCURRENCY: positiveInt(20),
      NOTIFY_ATTEMPTS: positiveInt(8),
      NOTIFY_BACKOFF_MS: positiveInt(10_000),
      // At most one message per group robot this often (the platforms allow about 20 a minute);
      // what happens meanwhile is folded into the next one.
      ROBOT_INTERVAL_SECONDS: positiveInt(60),
      // After a platform's rate-limit answer, its wait is honoured up to this (DingTalk: 10 minutes).
      ROBOT_RATE_LIMIT_WAIT_MAX_SECONDS: positiveInt(600),
      // An immediate notification email waits this long for more to fold in.
      NOTICE_EMAIL_COLLECT_SECONDS: positiveInt(60),
      SWEEP_EVERY_SECONDS: positiveInt(300),
      // Reminders are queued this many calendar days before they are sent; the sweeper adds them
      // as they come within it, so Redis holds days of reminders, not a year's.
      REMINDER_QUEUE_DAYS: positiveInt(2),
      OUTBOX_POLL_MS: positiveInt(500),
      // A failing outbox row: tried OUTBOX_MAX_ATTEMPTS times, waiting OUTBOX_RETRY_BASE_MS,
      // doubled each time up to OUTBOX_RETRY_MAX_MS, then parked; a claim holds OUTBOX_LEASE_MS.
      OUTBOX_MAX_ATTEMPTS: positiveInt(8),
      OUTBOX_RETRY_BASE_MS: positiveInt(5_000),
      OUTBOX_RETRY_MAX_MS: positiveInt(600_000),
      OUTBOX_LEASE_MS: positiveInt(60_000),
      SMTP_TIMEOUT_MS: positiveInt(20_000),
      RECTIFY_CLOCK_START: optionalInstant(),
      ...DATABASE_LIMITS_ENV,
    },
    env,
  );
  // The sweeper must come round several times inside the window, or a reminder could be queued late.
  if (config.SWEEP_EVERY_SECONDS * 4 > config.REMINDER_QUEUE_DAYS * 86_400) {
    throw new ConfigError([
      `SWEEP_EVERY_SECONDS=${config.SWEEP_EVERY_SECONDS} is more than a quarter of REMINDER_QUEUE_DAYS=${config.REMINDER_QUEUE_DAYS} (days): the sweeper queues reminders as they come within that window; sweep more often or widen the window.`,
    ]);
  }
  if (config.NODE_ENV === 'production') {
    const problems = [
      !config.SMTP_URL && 'SMTP_URL is required in production: set it to smtp://user:pass@host:587.',
      config.RECTIFY_CLOCK_START && 'RECTIFY_CLOCK_START is for tests only: remove it in production.',
    ].filter((p): p is string => !!p);
    if (problems.length > 0) throw new ConfigError(problems);
  }
  return { ...config, APP_BASE_URL: config.APP_BASE_URL ?? appBaseUrlFor(config.API_HOST, config.API_PORT) };
}

export type WorkerConfig = ReturnType<typeof readWorkerConfig>;
