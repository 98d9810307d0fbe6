/**
 * Node options the worker runs with (scripts/start.js, `npm run start:worker`, docs/DEPLOY.md,
 * and bench:reminders for its product workers and raw baselines alike).
 *
 * --max-semi-space-size=32 (MB; Node 20's default is 16): a reminder job lives a tenth of a
 * second or more (its batch waits to fill, then for the database), so with a thousand in flight
 * the default young generation promoted most of them to the old one and garbage collection took
 * 38 % of the worker's time in a 50,000-job storm; with 32 MB it took half as long (stop 34,
 * bench/README.md). Costs at most 3 × 16 MB more memory per process.
 */
module.exports = ['--max-semi-space-size=32'];
