'use strict';
// The e2e suites scripts/test-suites.js runs one at a time after the others (which run on several
// Jest workers at once, each on a database and Redis database number of its own). A suite
// belongs here when it reads state of the whole server, tests the launcher, or is built around
// short real-time limits that a second suite on the same two cores could push past.

/** Paths from the project root, each with why it runs alone. */
const SERIAL = {
  // Checks that no advisory lock is left on the server: another worker's migrations take one.
  'test/persistence/migration-race.e2e-spec.ts': 'reads pg_locks of the whole server',
  // The launcher's Redis: REDIS_URL as `npm start` is given it, private servers killed and restarted.
  'test/launcher/launcher-redis.e2e-spec.ts': 'launcher',
  'test/launcher/redis-supervision.e2e-spec.ts': 'launcher, kills its Redis',
  // Statement, lock and command timeouts of a few seconds measured against pg_sleep and stalls.
  'test/persistence/database-limits.e2e-spec.ts': 'statement timeouts against pg_sleep',
  'test/api/database-faults.e2e-spec.ts': 'lock and statement timeouts',
  'test/reminders/redis-stall.e2e-spec.ts': 'Redis command timeouts while Redis is paused',
  'test/reminders/worker-logs.e2e-spec.ts': 'a worker process through timed outages, stopped within 15 s',
  // Four API and three worker processes at once: beside another suite on two cores their
  // start-ups and the storm would crowd out both.
  'test/scale/multi-process.e2e-spec.ts': 'four API and three worker processes, a reminder storm',
};

module.exports = { SERIAL_SUITES: Object.keys(SERIAL) };
