import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { RECTIFICATION_EVENT_TYPES } from '@rectify/workflow';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';

const COMMITTED_DOCUMENT = join(__dirname, '../../apps/web/openapi.json');

interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

type Paths = Record<string, Record<string, Operation>>;

/** "GET /api/items" for each operation whose success (2xx) response lacks a body schema. */
function undocumentedSuccesses(paths: Paths): string[] {
  return Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => {
        const successes = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
        return (
          successes.length === 0 ||
          successes.some(([, r]) => {
            const media = Object.values(r.content ?? {});
            return media.length === 0 || media.some((m) => m.schema === undefined);
          })
        );
      })
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route Express serves, as "GET /api/items/{id}", without the documentation's own routes. */
function servedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as {
    router?: { stack: ExpressLayer[] };
    _router?: { stack: ExpressLayer[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  return stack
    .filter((layer) => layer.route && !layer.route.path.startsWith('/api/docs'))
    .flatMap((layer) =>
      Object.keys(layer.route!.methods).map(
        (m) => `${m.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
      ),
    )
    .sort();
}

describe('OpenAPI document', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
  });
  afterAll(() => app.close());

  it('is served at /api/docs and lists every route the app serves, each with its errors', async () => {
    const doc = (await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body;
    const documented = Object.entries(
      doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>,
    )
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const served = servedRoutes(app);
    expect(served.length).toBeGreaterThan(10);
    expect(documented).toEqual(served);
    for (const [path, ops] of Object.entries(
      doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>,
    )) {
      if (path === '/api/health') continue;
      for (const op of Object.values(ops)) expect(Object.keys(op.responses)).toContain('401');
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['ReopenTransitionRequest', 'ReasonPayload', 'ErrorBodyDoc', 'LoginDto']),
    );
    // A transition's body is one request per event, told apart by `event`.
    const transitionBody =
      doc.paths['/api/items/{id}/transitions'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(transitionBody.discriminator.mapping).sort()).toEqual(
      [...RECTIFICATION_EVENT_TYPES].sort(),
    );
    expect(transitionBody.oneOf).toHaveLength(RECTIFICATION_EVENT_TYPES.length);
    const searchParams = doc.paths['/api/items'].get.parameters.map((p: { name: string }) => p.name);
    expect(searchParams).toEqual(
      expect.arrayContaining([
        'organisationId',
        'status',
        'overdue',
        'source',
        'year',
        'q',
        'page',
        'pageSize',
      ]),
    );
  });

  it('documents a success response with a body schema for every operation, each with its own operationId', async () => {
    const doc = (await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body;
    expect(undocumentedSuccesses(doc.paths)).toEqual([]);
    const ids = Object.values(doc.paths as Paths).flatMap((ops) =>
      Object.values(ops).map((o) => o.operationId),
    );
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('finds an operation without a documented success response', () => {
    const paths: Paths = {
      '/api/x': {
        get: { responses: { '200': { content: { 'application/json': { schema: { type: 'string' } } } } } },
        post: { responses: { '201': { content: {} }, '400': {} } },
        put: { responses: { '401': {} } },
      },
    };
    expect(undocumentedSuccesses(paths)).toEqual(['POST /api/x', 'PUT /api/x']);
  });

  it('is the document committed in apps/web/openapi.json, which the web client is generated from', async () => {
    const doc = (await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body;
    const committed = JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8'));
    // On failure: run `npm run openapi` and commit apps/web/openapi.json.
    expect(committed).toEqual(doc);
  });

  it('serves the interactive documentation page', async () => {
    const page = await request(app.getHttpServer()).get('/api/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger');
  });
});
