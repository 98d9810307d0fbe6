import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';

const ROOT = resolve(__dirname, '../..');

/** The API serves the built web UI under `/`, and keeps /api and /admin to itself. */
describe('web UI served by the API', () => {
  // The build scripts/test-suites.js made for this run (the browser tests serve it too), else our own.
  const sharedWebDir = process.env.RECTIFY_TEST_WEB_DIR;
  const webDir = sharedWebDir ?? mkdtempSync(join(tmpdir(), 'rectify-web-'));
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    if (!sharedWebDir) {
      const build = spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/vite/bin/vite.js'),
          'build',
          '--config',
          'apps/web/vite.config.mjs',
          '--outDir',
          webDir,
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
    }
    app = await createApiApp(
      readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL, WEB_DIR: webDir }),
    );
    await app.init();
    http = app.getHttpServer();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    if (!sharedWebDir) rmSync(webDir, { recursive: true, force: true });
  });

  it('answers / and any page path with the app, in Chinese', async () => {
    for (const path of ['/', '/items/123', '/dashboard']) {
      const res = await request(http).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<title>整改闭环管理</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the hashed assets with a long cache, and 404 for a missing one', async () => {
    const [script] = readdirSync(join(webDir, 'assets')).filter((f) => f.endsWith('.js'));
    const res = await request(http).get(`/assets/${script}`).expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
    await request(http).get('/assets/missing.js').expect(404);
  });

  it('sends the app’s script compressed to a browser that accepts it, and whole to one that does not', async () => {
    const [script] = readdirSync(join(webDir, 'assets')).filter((f) => f.endsWith('.js'));
    const built = readFileSync(join(webDir, 'assets', script));
    // As sent, not decoded (supertest and fetch would undo gzip themselves).
    const server = (http as Server).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const raw = (encoding: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((done, fail) =>
        get(
          {
            port,
            host: '127.0.0.1',
            path: `/assets/${script}`,
            headers: { 'Accept-Encoding': encoding },
            agent: false,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
          },
        ).on('error', fail),
      );
    const gzip = await raw('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.length).toBeLessThan(built.length / 2);
    expect(gunzipSync(gzip.body).equals(built)).toBe(true);
    const brotli = await raw('gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(built)).toBe(true);
    expect(brotli.headers['cache-control']).toContain('immutable');
    const identity = await raw('identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(built)).toBe(true);
    await new Promise((closed) => server.close(closed));
  });

  it('leaves /api and /admin to the server', async () => {
    const res = await request(http).get('/api/no-such-route').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
    const dashboard = await request(http).get('/admin/queues');
    expect(dashboard.status).not.toBe(200);
    expect(dashboard.text).not.toContain('整改闭环管理');
    await request(http).post('/').expect(404);
  });
});
