'use strict';
// Runs a command with private service instances started for it, e.g.
//   node scripts/with-services.js -- jest --runInBand
// The services' addresses reach the command as environment variables (REDIS_URL, DATABASE_URL).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startPostgres, startRedis, log } = require('./services');

async function main() {
  const sep = process.argv.indexOf('--');
  const [cmd, ...args] = sep >= 0 ? process.argv.slice(sep + 1) : [];
  if (!cmd) {
    log('usage: node scripts/with-services.js -- COMMAND [ARGS...]');
    process.exit(2);
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-services-'));
  const redis = await startRedis({ dataDir: path.join(workDir, 'redis') });
  const postgres = await startPostgres({ dataDir: path.join(workDir, 'postgres') }).catch(async (err) => {
    await redis.stop();
    throw err;
  });
  const child = spawn(cmd, args, {
    stdio: 'inherit',
    shell: false,
    env: {
      ...process.env,
      REDIS_URL: redis.url,
      DATABASE_URL: postgres.url,
      PATH: `${path.resolve('node_modules/.bin')}:${process.env.PATH}`,
    },
  });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise((resolve) => child.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
  await Promise.all([redis.stop(), postgres.stop()]);
  fs.rmSync(workDir, { recursive: true, force: true });
  process.exit(code);
}

main().catch((err) => {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
