'use strict';
// `npm start`: builds the apps, seeds the demo data into the embedded database (or the server
// named by DATABASE_URL), starts a private Redis unless REDIS_URL names one, then the API and
// the worker (in one process on the embedded database, which one process owns).
// Ctrl-C (or SIGTERM) stops all of them. Data lives in .run/ beside the project.
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const WORKER_NODE_OPTIONS = require('./worker-node-options');
const { log } = require('./services');
const { redisForLauncher } = require('./launcher-redis');

const root = path.resolve(__dirname, '..');
const runDir = path.join(root, '.run');

function build() {
  log('building (tsc -p tsconfig.build.json)');
  const r = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('build failed: see the TypeScript errors above');
  log('building the web UI (vite build)');
  const web = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.mjs',
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (web.status !== 0) throw new Error('building the web UI failed: see the messages above');
}

function launch(name, entry, env, nodeOptions = []) {
  const child = spawn(
    process.execPath,
    [...nodeOptions, '-r', path.join(__dirname, 'register-paths.js'), entry],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    },
  );
  child.on('exit', (code, signal) => log(`${name} exited (${signal ?? code})`));
  return child;
}

function seedDemoData(env) {
  log('seeding demo data (organisations, users, example reports)');
  const r = spawnSync(
    process.execPath,
    [
      '-r',
      path.join(__dirname, 'register-paths.js'),
      path.join(root, 'dist/apps/cli/src/main-entry.js'),
      'demo',
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } },
  );
  if (r.status !== 0) throw new Error('seeding the demo data failed: see the message above');
}

async function main() {
  build();
  const databaseEnv = process.env.DATABASE_URL ? {} : { RECTIFY_DATA_DIR: path.join(runDir, 'pglite') };
  seedDemoData(databaseEnv);
  let stopping = false;
  const redis = await redisForLauncher({
    redisUrl: process.env.REDIS_URL,
    dataDir: path.join(runDir, 'redis'),
    port: process.env.REDIS_PORT ? Number(process.env.REDIS_PORT) : undefined,
    isStopping: () => stopping,
    onGiveUp: () => stopAll(1),
  });
  const env = { REDIS_URL: redis.url, ...databaseEnv };
  // The embedded database has one owner process: the API and the worker then share one.
  const children = process.env.DATABASE_URL
    ? [
        launch('api', path.join(root, 'dist/apps/api/src/main.js'), env),
        launch('worker', path.join(root, 'dist/apps/worker/src/main.js'), env, WORKER_NODE_OPTIONS),
      ]
    : // The standalone process runs the worker too.
      [launch('standalone', path.join(root, 'dist/apps/standalone/src/main.js'), env, WORKER_NODE_OPTIONS)];

  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    await Promise.all(
      children.map(
        (c) =>
          new Promise((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', resolve);
            c.kill('SIGTERM');
          }),
      ),
    );
    await redis.stop();
    process.exit(code);
  };
  const port = process.env.API_PORT ?? '3000';
  log(
    `web UI: http://127.0.0.1:${port}/  (demo logins: admin, zhen.shuji, zongzhi.shuji, diyi.shuji; password rectify-demo)`,
  );
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
  // If either app dies, stop everything: a half-running product is worse than a clear exit.
  for (const c of children) c.on('exit', (code) => stopAll(code === 0 ? 0 : 1));
}

main().catch((err) => {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
