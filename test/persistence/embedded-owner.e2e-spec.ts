import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { openDatabase, type Database } from '@rectify/persistence';
import request from 'supertest';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { addOrganisation, addUser } from '../support/admin-fixtures';
import { openMemoryDatabase } from '../support/memory-database';

// The embedded database (PGlite) has exactly one owner process; the command-line tool works
// through that owner while the product runs (issue 13, part 1).
jest.setTimeout(180_000);
const ROOT = resolve(__dirname, '../..');
const CHILD = join(ROOT, 'test/support/embedded-owner-child.ts');

function startChild(dataDir: string, name?: string): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(
    process.execPath,
    ['-r', join(ROOT, 'scripts/register-ts.js'), CHILD, dataDir, ...(name ? [name] : [])],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' } },
  );
  let text = '';
  const output = new Promise<string>((done) => {
    const take = (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('ready')) done(text);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.on('close', () => done(text)); // 'close': all output read; 'exit' may come first
  });
  return { child, output };
}

/** Runs the CLI in a child process without blocking this one, which owns the database it serves. */
function rectify(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, RECTIFY_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [join(ROOT, 'bin/rectify.js'), ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise<{ status: number | null; stdout: string; stderr: string; json: () => unknown }>((done) =>
    child.on('close', (status) => done({ status, stdout, stderr, json: () => JSON.parse(stdout) })),
  );
}

/**
 * One in-memory PGlite for the tests that only send queries and keep no rows: booting PGlite
 * costs seconds, so they share it. Opened by the first of them, closed after the file.
 */
let memoryDb: Promise<Database> | undefined;
const sharedMemoryDb = () => (memoryDb ??= openMemoryDatabase());
afterAll(async () => (await memoryDb)?.close());

describe('the embedded database has one owner', () => {
  let workDir: string;
  beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'rectify-owner-'));
  });
  afterEach(() => rmSync(workDir, { recursive: true, force: true }));

  it('refuses a second process on a data directory a live process holds, naming the holder and what to do', async () => {
    const dataDir = join(workDir, 'pglite');
    const db = await openDatabase({ dataDir });
    try {
      const { child, output } = startChild(dataDir);
      const text = await output;
      await new Promise((done) => (child.exitCode !== null ? done(null) : child.on('exit', done)));
      expect(child.exitCode).toBe(1);
      expect(text).toContain(`正由进程 ${process.pid}`);
      expect(text).toContain('请先停止该进程');
      // The refused process left the owner's data alone.
      expect(await db.dataSource.query('SELECT count(*)::int AS n FROM organisation')).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('takes over the lock a killed process left behind, keeping what that process committed', async () => {
    const dataDir = join(workDir, 'pglite');
    const { child, output } = startChild(dataDir, '被强行终止前写入的支部');
    expect(await output).toContain('ready');
    child.kill('SIGKILL');
    await new Promise((done) => child.on('exit', done));
    expect(existsSync(`${dataDir}.lock`)).toBe(true);
    const { socketDir } = JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')) as { socketDir: string };
    expect(existsSync(socketDir)).toBe(true);
    const db = await openDatabase({ dataDir });
    expect(existsSync(socketDir)).toBe(false); // the killed owner's socket folder is tidied
    try {
      const rows = await db.dataSource.query('SELECT name FROM organisation');
      expect(rows).toEqual([{ name: '被强行终止前写入的支部' }]);
    } finally {
      await db.close();
    }
  });

  it('keeps each connection’s requests whole when large queries from several connections interleave', async () => {
    const db = await sharedMemoryDb();
    const big = 'x'.repeat(1_000_000);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 3 === 0
          ? db.dataSource.query('SELECT length($1::text) AS v', [big + i]).then((r) => Number(r[0].v))
          : db.dataSource.query('SELECT $1::int + 1 AS v', [i]).then((r) => Number(r[0].v)),
      ),
    );
    expect(answers).toEqual(
      Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? big.length + String(i).length : i + 1)),
    );
  });
});

describe('connections to the embedded database', () => {
  it('keeps each connection’s named prepared statements its own, as separate PostgreSQL sessions would', async () => {
    const db = await sharedMemoryDb();
    type Client = {
      query(c: { name: string; text: string; values: unknown[] }): Promise<{ rows: { v: number }[] }>;
    };
    const runners = [db.dataSource.createQueryRunner(), db.dataSource.createQueryRunner()];
    try {
      const [a, b] = (await Promise.all(runners.map((r) => r.connect()))) as Client[];
      const one = await a.query({ name: 'same.name', text: 'SELECT $1::int + 1 AS v', values: [1] });
      const two = await b.query({ name: 'same.name', text: 'SELECT $1::int * 10 AS v', values: [2] });
      const again = await a.query({ name: 'same.name', text: 'SELECT $1::int + 1 AS v', values: [5] });
      expect([one.rows[0].v, two.rows[0].v, again.rows[0].v]).toEqual([2, 20, 6]);
    } finally {
      await Promise.all(runners.map((r) => r.release()));
    }
  });
});

describe('the command-line tool while the product runs on the embedded database', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'rectify-cli-live-')), 'pglite');
  const report = join(ROOT, 'test/fixtures/closing-loop/qingshan-2023.txt');
  let db: Database;
  let app: INestApplication;
  let token: string;
  let appClosed = false;

  beforeAll(async () => {
    db = await openDatabase({ dataDir });
    await addOrganisation(db.dataSource, { name: '青石村党支部' });
    await addUser(db.dataSource, {
      username: 'cli.shuji',
      organisationName: '青石村党支部',
      role: 'secretary',
      password: 'cli-live-test-1',
    });
    app = await createApiApp(
      readApiConfig({ NODE_ENV: 'test', RECTIFY_DATA_DIR: dataDir, REDIS_URL: process.env.REDIS_URL }),
      db,
    );
    await app.init();
    const login = await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ username: 'cli.shuji', password: 'cli-live-test-1' })
      .expect(200);
    token = login.body.accessToken;
  });
  afterAll(async () => {
    if (!appClosed) await app?.close();
    await db?.close();
    rmSync(resolve(dataDir, '..'), { recursive: true, force: true });
  });

  it('imports and transitions through the running owner: the API sees both at once, and both survive a restart', async () => {
    const imported = await rectify(
      dataDir,
      'import',
      report,
      '--org',
      '青石村党支部',
      '--year',
      '2023',
      '--json',
    );
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const { itemIds } = imported.json() as { itemIds: string[] };
    expect(itemIds.length).toBeGreaterThan(0);

    const listed = await request(app.getHttpServer())
      .get('/api/items')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(listed.body.total).toBe(itemIds.length);

    const moved = await rectify(
      dataDir,
      'transition',
      itemIds[0],
      'SET_MEASURES',
      '--as',
      'cli.shuji',
      '--measure',
      '完善学习制度|张三|2030-06-30',
      '--json',
    );
    expect(moved.stderr).toBe('');
    expect(moved.json()).toEqual(expect.objectContaining({ status: 'measures_set' }));
    const item = await request(app.getHttpServer())
      .get(`/api/items/${itemIds[0]}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(item.body.status).toBe('measures_set');

    // The API's next write on the same item works from the version the CLI left.
    const note = await request(app.getHttpServer())
      .post(`/api/items/${itemIds[0]}/notes`)
      .set('Authorization', `Bearer ${token}`)
      .send({ note: '已召开支委会研究整改。', expectedVersion: item.body.version });
    expect(note.status).toBe(201);

    await app.close();
    appClosed = true;
    await db.close();
    db = await openDatabase({ dataDir });
    const rows = await db.dataSource.query(`SELECT status FROM rectification_item WHERE id = $1`, [
      itemIds[0],
    ]);
    expect(rows).toEqual([{ status: 'measures_set' }]);
    const count = await db.dataSource.query(`SELECT count(*)::int AS n FROM rectification_item`);
    expect(count).toEqual([{ n: itemIds.length }]);
  });
});
