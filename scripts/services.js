'use strict';
// Service launcher: makes sure the servers the product needs exist on this machine
// (installing Debian packages when missing) and runs private instances of them on free
// local ports. Used by `npm start` and by the test command; nothing is installed by hand.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const log = (msg) => process.stderr.write(`[services] ${msg}\n`);

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

let aptUpdated = false;
function aptInstall(pkg) {
  if (!which('apt-get')) {
    throw new Error(`"${pkg}" is missing and apt-get is not available: install ${pkg} and try again.`);
  }
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = asRoot ? [] : ['sudo', '-n'];
  const run = (args) => {
    const [cmd, ...rest] = [...prefix, ...args];
    const r = spawnSync(cmd, rest, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0)
      throw new Error(`"${args.join(' ')}" failed (exit ${r.status}): install ${pkg} by hand.`);
  };
  if (!aptUpdated) {
    log('apt-get update');
    run(['apt-get', 'update', '-q']);
    aptUpdated = true;
  }
  log(`apt-get install ${pkg}`);
  run(['apt-get', 'install', '-y', '-q', '--no-install-recommends', pkg]);
}

function findRedisServer() {
  const candidates = [which('redis-server'), '/usr/bin/redis-server', '/usr/local/bin/redis-server'];
  return candidates.find((c) => c && fs.existsSync(c)) ?? null;
}

function ensureRedisServer() {
  let bin = findRedisServer();
  if (!bin) {
    aptInstall('redis-server');
    bin = findRedisServer();
  }
  if (!bin) throw new Error('redis-server is still missing after apt-get install redis-server.');
  return bin;
}

const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

/**
 * Debian's chromium for the browser tests (Playwright cannot download its own browser here),
 * with the CJK fonts without which Chinese renders as boxes. Returns the browser binary.
 */
function ensureChromium() {
  let bin = CHROMIUM_CANDIDATES.find((c) => fs.existsSync(c));
  if (!bin) {
    aptInstall('chromium');
    bin = CHROMIUM_CANDIDATES.find((c) => fs.existsSync(c));
  }
  if (!fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) aptInstall('fonts-noto-cjk');
  if (!bin) throw new Error('chromium is still missing after apt-get install chromium.');
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function redisPing(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    let buf = '';
    sock.setTimeout(500);
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => {
      buf += d.toString();
      if (buf.includes('\r\n')) {
        sock.destroy();
        resolve(buf.startsWith('+PONG'));
      }
    });
    sock.on('timeout', () => (sock.destroy(), resolve(false)));
    sock.on('error', () => resolve(false));
  });
}

/**
 * Starts a private redis-server and resolves once it answers PING. It runs in a process group
 * of its own, so a Ctrl-C in the terminal reaches the apps, which finish their jobs, and not
 * Redis under them; `stop` ends it afterwards.
 * BullMQ needs `maxmemory-policy noeviction` (any other policy drops job keys when memory runs
 * out) and the AOF (appendonly, fsync every second) keeps the jobs across a restart; both are
 * set here rather than left to the build's defaults. `overrides` (tests only) come last and win,
 * e.g. `['--maxmemory-policy', 'allkeys-lru']`.
 * @param {{ dataDir: string, port?: number, overrides?: string[] }} opts
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void>, exited: Promise<number | string> }>}
 *   `exited` settles with the exit code or signal when the server ends for any reason.
 */
async function startRedis({ dataDir, port, overrides = [] }) {
  const bin = ensureRedisServer();
  fs.mkdirSync(dataDir, { recursive: true });
  await stopLeftoverRedis(dataDir);
  const chosenPort = port ?? (await freePort());
  const args = [
    '--port',
    String(chosenPort),
    '--bind',
    '127.0.0.1',
    '--dir',
    path.resolve(dataDir),
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--maxmemory-policy',
    'noeviction',
    '--save',
    '',
    '--daemonize',
    'no',
    '--protected-mode',
    'yes',
    '--logfile',
    path.resolve(dataDir, 'redis.log'),
    '--pidfile',
    path.resolve(dataDir, 'redis.pid'),
    ...overrides,
  ];
  const child = spawn(bin, args, { stdio: 'ignore', detached: true });
  let exited = false;
  const exitedPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      resolve(signal ?? code);
    }),
  );
  const deadline = Date.now() + 20_000;
  while (!(await redisPing(chosenPort))) {
    if (exited) throw new Error(`redis-server exited at start-up; see ${path.resolve(dataDir, 'redis.log')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer on port ${chosenPort} within 20 s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  log(`redis-server ready on 127.0.0.1:${chosenPort} (data in ${dataDir})`);
  const stop = () =>
    new Promise((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return { url: `redis://127.0.0.1:${chosenPort}`, port: chosenPort, stop, exited: exitedPromise };
}

/**
 * A redis-server left running on `dataDir` by a launcher that was killed (Redis runs in a
 * process group of its own, so `kill -9` of the launcher's group misses it). Two servers
 * appending to one AOF file would mix their data, so the old one is stopped first (SIGTERM,
 * then SIGKILL after 10 s).
 */
async function stopLeftoverRedis(dataDir) {
  const pidFile = path.resolve(dataDir, 'redis.pid');
  let pid;
  try {
    pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  const isRedis = () => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('redis-server');
    } catch {
      return false;
    }
  };
  if (!Number.isInteger(pid) || pid <= 0 || !isRedis()) return;
  log(`stopping the redis-server (pid ${pid}) an earlier run left on ${dataDir}`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (isRedis()) {
    if (Date.now() > deadline) process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Keeps a private Redis running: when it ends while the product runs, it is started again on
 * the same port and data folder (its AOF file restores the data); the apps reconnect by
 * themselves. `maxDeaths` deaths within `windowMs` call `onGiveUp` instead of looping.
 * @param {{ url: string, port: number, stop: () => Promise<void>, exited: Promise<number | string> }} first
 * @param {{ dataDir: string, isStopping: () => boolean, onGiveUp: () => unknown, maxDeaths?: number, windowMs?: number }} opts
 * @returns {{ current: () => typeof first, restarted: (listener: (redis: typeof first) => void) => void }}
 */
function superviseRedis(first, { dataDir, isStopping, onGiveUp, maxDeaths = 3, windowMs = 60_000 }) {
  let redis = first;
  const deaths = [];
  const listeners = [];
  const watch = () =>
    redis.exited.then(async (how) => {
      if (isStopping()) return;
      deaths.push(Date.now());
      while (deaths.length && deaths[0] < Date.now() - windowMs) deaths.shift();
      if (deaths.length >= maxDeaths) {
        log(
          `Redis 在 ${windowMs / 1000} 秒内停止了 ${deaths.length} 次（${how}），产品停止：请查看 ${path.resolve(dataDir, 'redis.log')}`,
        );
        return onGiveUp();
      }
      log(`Redis 意外停止（${how}），正在于同一端口重新启动；数据由 AOF 文件恢复`);
      try {
        redis = await startRedis({ dataDir, port: redis.port });
      } catch (err) {
        log(`Redis 无法重新启动：${err instanceof Error ? err.message : String(err)}`);
        return onGiveUp();
      }
      for (const listener of listeners) listener(redis);
      watch();
    });
  watch();
  return { current: () => redis, restarted: (listener) => listeners.push(listener) };
}

function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0], 'bin') : null;
}

function ensurePostgresBin() {
  let bin = findPostgresBin();
  if (!bin) {
    aptInstall('postgresql');
    bin = findPostgresBin();
  }
  if (!bin) throw new Error('PostgreSQL binaries are still missing after apt-get install postgresql.');
  return bin;
}

/** initdb refuses to run as root: the cluster belongs to a system user (postgres). */
function ensurePostgresUser() {
  if (spawnSync('id', ['-u', 'postgres']).status === 0) return 'postgres';
  const r = spawnSync('useradd', ['-r', '-M', '-s', '/usr/sbin/nologin', 'postgres'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('cannot create the system user "postgres" needed to run PostgreSQL');
  return 'postgres';
}

function runAs(user, cmd, args, opts = {}) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [c, a] = asRoot ? ['runuser', ['-u', user, '--', cmd, ...args]] : [cmd, args];
  return spawnSync(c, a, { encoding: 'utf8', ...opts });
}

/**
 * Starts a private PostgreSQL server (initdb into dataDir on first use) on a free local port,
 * with its socket in dataDir, and creates the database. Resolves with a DATABASE_URL.
 * `settings`: extra server settings (`-c name=value`), e.g. { shared_preload_libraries:
 * 'pg_stat_statements' } for a benchmark's statement profile.
 * @param {{ dataDir: string, database?: string, port?: number, settings?: Record<string, string> }} opts
 */
async function startPostgres({ dataDir, database = 'rectify', port, settings = {} }) {
  const bin = ensurePostgresBin();
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const user = asRoot ? ensurePostgresUser() : os.userInfo().username;
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  if (asRoot) {
    spawnSync('chown', ['-R', `${user}:`, dir]);
    // Every parent must be traversable by the postgres user.
    for (let p = path.dirname(dir); p !== path.dirname(p); p = path.dirname(p)) {
      try {
        fs.chmodSync(p, fs.statSync(p).mode | 0o011);
      } catch {
        break;
      }
    }
  }
  const pgdata = path.join(dir, 'data');
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    const init = runAs(user, path.join(bin, 'initdb'), [
      '-D',
      pgdata,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-locale',
    ]);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stderr || init.stdout}`);
  }
  const chosenPort = port ?? (await freePort());
  const start = runAs(user, path.join(bin, 'pg_ctl'), [
    '-D',
    pgdata,
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-p ${chosenPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100${Object.entries(
      settings,
    )
      .map(([k, v]) => ` -c ${k}=${v}`)
      .join('')}`,
    '-w',
    '-t',
    '60',
    'start',
  ]);
  if (start.status !== 0) {
    throw new Error(
      `PostgreSQL did not start (see ${path.join(dir, 'server.log')}):\n${start.stderr || start.stdout}`,
    );
  }
  const create = runAs(user, path.join(bin, 'createdb'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(chosenPort),
    '-U',
    'postgres',
    database,
  ]);
  if (create.status !== 0 && !/already exists/.test(create.stderr)) {
    throw new Error(`createdb ${database} failed: ${create.stderr}`);
  }
  log(`PostgreSQL ready on 127.0.0.1:${chosenPort} (data in ${pgdata})`);
  const stop = async () => {
    runAs(user, path.join(bin, 'pg_ctl'), ['-D', pgdata, '-m', 'fast', '-w', 'stop']);
  };
  return {
    url: `postgres://postgres@127.0.0.1:${chosenPort}/${database}`,
    port: chosenPort,
    bin,
    stop,
  };
}

module.exports = {
  startRedis,
  superviseRedis,
  startPostgres,
  ensureRedisServer,
  ensureChromium,
  freePort,
  which,
  log,
};
