'use strict';
// Jest's node environment for the e2e project, giving each Jest worker services of its own when
// scripts/test-suites.js runs the e2e suites on several workers: with RECTIFY_E2E_WORKER_SERVICES
// set, worker N uses the database `<that value>N` on the same PostgreSQL server (made beforehand
// by scripts/test-suites.js) and Redis database number N, so suites running at the same time see
// neither each other's rows nor each other's keys. Unset (a targeted run, the serial group), the
// environment is Jest's own. Set in the worker process itself, before the sandbox copies it, so
// child processes a test starts without an `env` of their own get the same addresses.
const { TestEnvironment } = require('jest-environment-node');

/** Redis has 16 numbered databases by default; 0 stays with the serial group and targeted runs. */
const REDIS_DATABASES = 16;

/**
 * Points DATABASE_URL and REDIS_URL of this worker process at its own database and Redis database
 * number. Throws when the worker id would need a Redis database number the server lacks.
 */
function useWorkerServices(databasePrefix, workerId) {
  if (!Number.isInteger(workerId) || workerId < 1 || workerId >= REDIS_DATABASES) {
    throw new Error(`JEST_WORKER_ID ${process.env.JEST_WORKER_ID} has no Redis database number of its own`);
  }
  const database = new URL(process.env.DATABASE_URL);
  database.pathname = `/${databasePrefix}${workerId}`;
  const redis = new URL(process.env.REDIS_URL);
  redis.pathname = `/${workerId}`;
  process.env.DATABASE_URL = database.toString();
  process.env.REDIS_URL = redis.toString();
}

class E2eEnvironment extends TestEnvironment {
  constructor(config, context) {
    const prefix = process.env.RECTIFY_E2E_WORKER_SERVICES;
    if (prefix && process.env.DATABASE_URL && process.env.REDIS_URL) {
      useWorkerServices(prefix, Number(process.env.JEST_WORKER_ID));
    }
    super(config, context);
  }
}

module.exports = E2eEnvironment;
