import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { buildOpenApiDocument } from '../../apps/api/src/openapi';
import { importReport } from '../support/item-commands';
import { addOrganisation, addUser } from '../support/admin-fixtures';

// Generated bodies, query strings, path parameters and headers sent to every route the OpenAPI
// document lists, as each role and anonymously, against the real PostgreSQL server: never a 500,
// every error in the { code, message } shape, and never a word of a foreign organisation's data.
jest.setTimeout(300_000);

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Route {
  method: Method;
  path: string;
  queryNames: string[];
  bodyNames: string[];
  multipart: boolean;
}

const RUNS_PER_ROLE = Number(process.env.GENERATED_REQUEST_RUNS ?? 250);

/** Strings people and attackers send: control characters, huge numbers, bad dates, paths, markup. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '1e308',
    '-1',
    '0',
    'NaN',
    'Infinity',
    '99999999999999999999',
    '9999-12-31',
    '0000-01-01',
    '2024-02-30',
    '1989-12-31',
    '2101-01-01',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '\u0007标题',
    '\uffff',
    '\ud800',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '{"$gt":""}',
    'x'.repeat(5_000),
  ),
);

const jsonValue = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 4 }),
  fc.array(fc.record({ title: nasty, responsible: nasty, deadline: nasty }), { maxLength: 3 }),
);

/** URLs carry UTF-8, which has no lone surrogates: those go in bodies only. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udfff]/g, (c, i: number, all: string) =>
    /[\ud800-\udbff][\udc00-\udfff]/.test(all.slice(i, i + 2)) ||
    /[\ud800-\udbff][\udc00-\udfff]/.test(all.slice(i - 1, i + 1))
      ? c
      : '\ufffd',
  );
}

function deeplyNested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function routesOf(app: INestApplication): Route[] {
  const doc = buildOpenApiDocument(app);
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = (item as Record<string, unknown>)[method] as
        | {
            parameters?: { in: string; name: string }[];
            requestBody?: { content?: Record<string, { schema?: { properties?: object; $ref?: string } }> };
          }
        | undefined;
      if (!op) continue;
      const content = op.requestBody?.content ?? {};
      const schema = Object.values(content)[0]?.schema;
      const resolved = schema?.$ref
        ? (doc.components?.schemas?.[schema.$ref.split('/').pop() as string] as { properties?: object })
        : schema;
      routes.push({
        method,
        path,
        queryNames: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyNames: Object.keys(resolved?.properties ?? {}),
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return routes;
}

describe('generated requests to every route', () => {
  const tag = randomUUID().slice(0, 8);
  const password = 'Fuzz-test-pass-42';
  /** Appears only in the foreign organisation's names and items. */
  const MARKER = `外域标记${tag}`;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let routes: Route[];
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(
      readApiConfig({
        NODE_ENV: 'test',
        DATABASE_URL: process.env.DATABASE_URL,
        REDIS_URL: process.env.REDIS_URL,
      }),
    );
    await app.init();
    http = app.getHttpServer();
    routes = routesOf(app);
    const db = app.get(DataSource);
    const town = await addOrganisation(db, { name: `镇党委-${tag}` });
    const own = await addOrganisation(db, { name: `甲村党支部-${tag}`, parentName: town.name });
    const foreignTown = await addOrganisation(db, { name: `${MARKER}镇党委` });
    const foreign = await addOrganisation(db, { name: `${MARKER}党支部`, parentName: foreignTown.name });
    ids.ownOrg = own.id;
    ids.foreignOrg = foreign.id;
    const users = [
      ['secretary', own.name, 'secretary'],
      ['supervisor', town.name, 'supervisor'],
      ['foreignSecretary', foreign.name, 'secretary'],
      ['admin', town.name, 'admin'],
    ] as const;
    for (const [who, org, role] of users) {
      await addUser(db, { username: `${who}-${tag}`, organisationName: org, role, password });
      const res = await request(http)
        .post('/api/auth/login')
        .send({ username: `${who}-${tag}`, password })
        .expect(200);
      tokens[who] = res.body.accessToken;
    }
    const report = (title: string) =>
      Buffer.from(
        `2023年度述职报告\n二、存在问题\n一是${title}学习不够深入。二是制度执行不严。\n三、下步打算\n1.加强学习。\n`,
      );
    ids.ownItem = (
      await importReport(db, { bytes: report('本支部'), fileName: 'own.txt', organisationName: own.name })
    ).itemIds[0];
    ids.foreignItem = (
      await importReport(db, {
        bytes: report(MARKER),
        fileName: 'foreign.txt',
        organisationName: foreign.name,
      })
    ).itemIds[0];
  });
  afterAll(() => app?.close());

  const pathValue = () =>
    fc.oneof(
      fc.constantFrom(ids.ownItem, ids.foreignItem, ids.ownOrg, ids.foreignOrg, randomUUID()),
      nasty.map((s) => encodeURIComponent(wellFormed(s)).slice(0, 200) || 'x'),
    );

  const requestFor = (route: Route) =>
    fc.record({
      path: fc.array(pathValue(), { minLength: 4, maxLength: 4 }),
      query: fc.dictionary(
        fc.constantFrom(...route.queryNames, 'page', 'pageSize', 'year', 'asOf'),
        nasty.map(wellFormed),
        { maxKeys: 4 },
      ),
      body: fc.oneof(
        fc.dictionary(fc.constantFrom(...route.bodyNames, 'expectedVersion', 'event', 'payload'), jsonValue, {
          maxKeys: 5,
        }),
        jsonValue,
        fc.integer({ min: 40, max: 3000 }).map(deeplyNested),
      ),
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
      ),
      file: fc.option(fc.record({ bytes: fc.uint8Array({ maxLength: 2000 }), name: nasty }), {
        nil: undefined,
      }),
      forwardedFor: fc.option(fc.ipV4(), { nil: undefined }),
    });

  it.each(['secretary', 'supervisor', 'admin', 'anonymous'])(
    'never answers 500 and never shows a foreign organisation’s data (administrators see every organisation), as %s',
    async (who) => {
      const token = who === 'anonymous' ? undefined : tokens[who];
      const failures: string[] = [];
      const statuses: number[] = [];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes).chain((route) => fc.tuple(fc.constant(route), requestFor(route))),
          async ([route, gen]) => {
            let n = 0;
            const url = route.path.replace(/\{[^}]+\}/g, () => gen.path[n++ % gen.path.length]);
            let req = request(http)
              [route.method](url)
              .query(Object.fromEntries(Object.entries(gen.query)));
            if (token) req = req.set('Authorization', `Bearer ${token}`);
            if (gen.forwardedFor) req = req.set('X-Forwarded-For', gen.forwardedFor);
            if (route.multipart && gen.file) {
              req = req.attach(
                'file',
                Buffer.from(gen.file.bytes),
                wellFormed(gen.file.name).slice(0, 100) || 'f.bin',
              );
              for (const [k, v] of Object.entries(gen.body && typeof gen.body === 'object' ? gen.body : {})) {
                req = req.field(k, wellFormed(typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
              }
            } else if (route.method !== 'get' && route.method !== 'delete') {
              const text = JSON.stringify(gen.body) ?? 'null';
              req = req.set('Content-Type', gen.contentType).send(text);
            }
            let res: request.Response;
            try {
              res = await req;
            } catch (err) {
              failures.push(`${route.method} ${url}: ${(err as Error).stack}`);
              return false;
            }
            statuses.push(res.status);
            const where = `${route.method.toUpperCase()} ${url.slice(0, 120)} → ${res.status}`;
            if (res.status >= 500 && !(route.path === '/api/health' && res.status === 503)) {
              failures.push(`${where} ${res.text.slice(0, 200)}`);
              return false;
            }
            if (res.status >= 400 && res.type === 'application/json') {
              if (typeof res.body.code !== 'string' || typeof res.body.message !== 'string') {
                failures.push(`${where}: error without code and message: ${res.text.slice(0, 200)}`);
                return false;
              }
            }
            const text =
              res.text ?? (Buffer.isBuffer(res.body) ? res.body.toString('utf8') : JSON.stringify(res.body));
            if (who !== 'admin' && text.includes(MARKER)) {
              failures.push(`${where}: shows the foreign organisation's data`);
              return false;
            }
            return true;
          },
        ),
        { numRuns: RUNS_PER_ROLE, endOnFailure: true },
      );
      expect(failures).toEqual([]);
      // The generator reaches the handlers, not only the validation in front of them.
      if (who !== 'anonymous')
        expect(statuses.filter((s) => s < 300).length).toBeGreaterThan(statuses.length / 20);
    },
  );
});
