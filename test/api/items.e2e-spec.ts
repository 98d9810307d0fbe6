import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { importReport } from '../support/item-commands';
import { addOrganisation, addUser } from '../support/admin-fixtures';

// Each role through the HTTP API against the real PostgreSQL server, and the refusals.
describe('items API', () => {
  const tag = randomUUID().slice(0, 8);
  const password = 'test-password-123';
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  const tokens: Record<string, string> = {};
  let itemA: string;
  let itemA2: string;

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const transition = (who: string, id: string, body: object) =>
    request(http).post(`/api/items/${id}/transitions`).set(as(who)).send(body);

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    const db = app.get(DataSource);
    const town = await addOrganisation(db, { name: `镇党委-${tag}` });
    const a = await addOrganisation(db, { name: `甲村党支部-${tag}`, parentName: town.name });
    const b = await addOrganisation(db, { name: `乙村党支部-${tag}`, parentName: town.name });
    const users = [
      ['secA', a.name, 'secretary'],
      ['secB', b.name, 'secretary'],
      ['sup', town.name, 'supervisor'],
    ] as const;
    for (const [who, org, role] of users) {
      await addUser(db, { username: `${who}-${tag}`, organisationName: org, role, password });
      const res = await request(http)
        .post('/api/auth/login')
        .send({ username: `${who}-${tag}`, password });
      tokens[who] = res.body.accessToken;
    }
    const report = (name: string) =>
      Buffer.from(
        `2023年度${name}述职报告 ${tag}\n二、存在问题\n一是学习不够深入。二是制度执行不严。\n三、下步打算\n1.加强学习。\n`,
      );
    const imported = await importReport(db, {
      bytes: report('甲'),
      fileName: 'a.txt',
      organisationName: a.name,
    });
    [itemA, itemA2] = imported.itemIds;
    await importReport(db, { bytes: report('乙'), fileName: 'b.txt', organisationName: b.name });
  });
  afterAll(() => app.close());

  it('shows a secretary only their own branch, and a supervisor every branch below', async () => {
    const own = await request(http).get('/api/items').set(as('secA')).expect(200);
    expect(own.body.total).toBe(2);
    expect(own.body.items.map((i: { id: string }) => i.id).sort()).toEqual([itemA, itemA2].sort());
    const all = await request(http)
      .get('/api/items')
      .query({ status: 'identified', year: 2023 })
      .set(as('sup'))
      .expect(200);
    expect(
      all.body.items.filter((i: { organisationName: string }) => i.organisationName.endsWith(tag)),
    ).toHaveLength(4);
  });

  it('lets a secretary set measures and submit, a supervisor return and then approve', async () => {
    expect(
      (await request(http).get(`/api/items/${itemA}/events`).set(as('secA')).expect(200)).body.events,
    ).toEqual(['SET_MEASURES', 'ADD_PROGRESS_NOTE']);
    const measures = [{ title: '建立学习制度', responsible: '张三', deadline: '2024-06-30' }];
    await transition('secA', itemA, {
      event: 'SET_MEASURES',
      payload: { measures },
      expectedVersion: 1,
    }).expect(200);
    await transition('secA', itemA, {
      event: 'SUBMIT_COMPLETION',
      payload: { evidence: '已执行' },
      expectedVersion: 2,
    }).expect(200);
    await transition('sup', itemA, {
      event: 'RETURN_FOR_REWORK',
      payload: { reason: '佐证不足' },
      expectedVersion: 3,
    }).expect(200);
    await transition('secA', itemA, {
      event: 'SUBMIT_COMPLETION',
      payload: { evidence: '补充记录' },
      expectedVersion: 4,
    }).expect(200);
    const done = await transition('sup', itemA, { event: 'APPROVE_COMPLETION', expectedVersion: 5 }).expect(
      200,
    );
    expect(done.body).toEqual({
      itemId: itemA,
      fromStatus: 'pending_review',
      status: 'completed',
      version: 6,
    });
    const detail = await request(http).get(`/api/items/${itemA}`).set(as('sup')).expect(200);
    expect(detail.body.measures).toEqual([
      { seq: 1, title: '建立学习制度', responsible: '张三', responsibleUserId: null, deadline: '2024-06-30' },
    ]);
    expect(detail.body.evidence).toHaveLength(2);
    expect(detail.body.history.map((h: { event: string }) => h.event)).toEqual([
      'IMPORT',
      'SET_MEASURES',
      'SUBMIT_COMPLETION',
      'RETURN_FOR_REWORK',
      'SUBMIT_COMPLETION',
      'APPROVE_COMPLETION',
    ]);
  });

  it("answers another branch's item with 404, for reading and for writing", async () => {
    const read = await request(http).get(`/api/items/${itemA2}`).set(as('secB')).expect(404);
    expect(read.body.code).toBe('ITEM_NOT_FOUND');
    expect(JSON.stringify(read.body)).not.toContain('学习');
    await request(http).get(`/api/items/${itemA2}/events`).set(as('secB')).expect(404);
    await transition('secB', itemA2, {
      event: 'ADD_PROGRESS_NOTE',
      payload: { note: '看看' },
      expectedVersion: 1,
    }).expect(404);
  });

  it('refuses a secretary approving their own item with 403 and a reason', async () => {
    await transition('secA', itemA2, {
      event: 'SET_MEASURES',
      payload: { measures: [{ title: '完善制度', responsible: '李四', deadline: '2024-06-30' }] },
      expectedVersion: 1,
    }).expect(200);
    await transition('secA', itemA2, {
      event: 'SUBMIT_COMPLETION',
      payload: { evidence: '完成' },
      expectedVersion: 2,
    }).expect(200);
    const res = await transition('secA', itemA2, { event: 'APPROVE_COMPLETION', expectedVersion: 3 }).expect(
      403,
    );
    expect(res.body).toEqual(
      expect.objectContaining({
        code: 'ACTOR_NOT_PERMITTED',
        message: '只有上级党组织、管理员可以"审核销号"。',
      }),
    );
  });

  it('answers an invalid transition with 409 naming the allowed events, and a stale version with 409', async () => {
    const invalid = await transition('sup', itemA2, {
      event: 'REOPEN',
      payload: { reason: '复查' },
      expectedVersion: 3,
    }).expect(409);
    expect(invalid.body.code).toBe('EVENT_NOT_ALLOWED_IN_STATE');
    expect(invalid.body.details).toEqual(
      expect.objectContaining({
        currentStatus: 'pending_review',
        allowedEvents: expect.arrayContaining(['APPROVE_COMPLETION']),
      }),
    );
    const stale = await transition('sup', itemA2, { event: 'APPROVE_COMPLETION', expectedVersion: 2 }).expect(
      409,
    );
    expect(stale.body).toEqual(
      expect.objectContaining({
        code: 'ITEM_CHANGED',
        details: expect.objectContaining({ currentStatus: 'pending_review', version: 3 }),
      }),
    );
  });

  it('answers unknown fields and bad values with 400 listing each problem', async () => {
    const res = await transition('sup', itemA2, {
      event: 'FLY',
      expectedVersion: 'three',
      extra: true,
    }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'event',
      'expectedVersion',
      'extra',
    ]);
    await request(http).get('/api/items').query({ pageSize: 1000 }).set(as('sup')).expect(400);
  });

  it('treats SQL in filters and search as plain text: no error leak, no extra rows', async () => {
    for (const q of ["' OR 1=1 --", '%', '_', "学习'; DROP TABLE rectification_item; --"]) {
      const res = await request(http).get('/api/items').query({ q }).set(as('secB')).expect(200);
      expect(res.body.total).toBe(0);
    }
    const found = await request(http).get('/api/items').query({ q: '学习' }).set(as('secB')).expect(200);
    expect(found.body.total).toBe(1);
    const bad = await request(http)
      .get('/api/items')
      .query({ status: "x' OR '1'='1", organisationId: '1 OR 1=1' })
      .set(as('secB'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toMatch(/syntax|postgres|SELECT/i);
  });
});

describe('organisations, users and bulk transitions API', () => {
  const tag = randomUUID().slice(0, 8);
  const password = 'test-password-123';
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  let items: string[] = [];
  let otherItem: string;

  beforeAll(async () => {
    const evidenceDir = mkdtempSync(join(tmpdir(), 'rectify-evidence-'));
    app = await createApiApp(
      readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL, EVIDENCE_DIR: evidenceDir }),
    );
    await app.init();
    http = app.getHttpServer();
    const db = app.get(DataSource);
    const town = await addOrganisation(db, { name: `镇党委-${tag}` });
    await addUser(db, { username: `admin-${tag}`, organisationName: town.name, role: 'admin', password });
    tokens.admin = (
      await request(http)
        .post('/api/auth/login')
        .send({ username: `admin-${tag}`, password })
    ).body.accessToken;
    const created = await request(http)
      .post('/api/organisations')
      .set(as('admin'))
      .send({ name: `丙村党支部-${tag}`, parentId: town.id })
      .expect(201);
    expect(created.body).toEqual(expect.objectContaining({ kind: 'branch', parentId: town.id }));
    await request(http)
      .post('/api/users')
      .set(as('admin'))
      .send({
        username: `sec-${tag}`,
        displayName: '丙村书记',
        organisationId: created.body.id,
        positions: [{ kind: 'secretary' }],
        password,
      })
      .expect(201);
    tokens.sec = (
      await request(http)
        .post('/api/auth/login')
        .send({ username: `sec-${tag}`, password })
    ).body.accessToken;
    const report = Buffer.from(
      `2023年度丙村述职报告 ${tag}\n二、存在问题\n一是学习不够深入。二是制度执行不严。\n`,
    );
    items = (
      await importReport(db, { bytes: report, fileName: 'c.txt', organisationName: `丙村党支部-${tag}` })
    ).itemIds;
    const other = await addOrganisation(db, { name: `外镇党委-${tag}` });
    const otherReport = Buffer.from(`2023年度外镇述职报告 ${tag}\n二、存在问题\n一是作风不扎实。\n`);
    [otherItem] = (
      await importReport(db, { bytes: otherReport, fileName: 'o.txt', organisationName: other.name })
    ).itemIds;
  });
  afterAll(() => app.close());

  it('shows the organisation tree a secretary may see, and keeps user management to administrators', async () => {
    const tree = await request(http).get('/api/organisations').set(as('sec')).expect(200);
    expect(tree.body).toEqual([expect.objectContaining({ name: `丙村党支部-${tag}`, children: [] })]);
    expect((await request(http).get('/api/users').set(as('sec')).expect(403)).body.code).toBe('ADMIN_ONLY');
    const users = await request(http).get(`/api/users?q=sec-${tag}`).set(as('admin')).expect(200);
    expect(users.body.users.map((u: { username: string }) => u.username)).toContain(`sec-${tag}`);
    expect(JSON.stringify(users.body)).not.toMatch(/passwordHash|tokenVersion|\$2[aby]\$/i);
  });

  it('applies one event to many items and reports each result', async () => {
    const measures = [{ title: '加强学习', responsible: '王五', deadline: '2024-06-30' }];
    const res = await request(http)
      .post('/api/items/bulk-transitions')
      .set(as('sec'))
      .send({ itemIds: [...items, otherItem], event: 'SET_MEASURES', payload: { measures } })
      .expect(200);
    expect(res.body.succeeded).toBe(2);
    expect(res.body.results[2]).toEqual({
      itemId: otherItem,
      ok: false,
      error: expect.objectContaining({ code: 'ITEM_NOT_FOUND' }),
    });
  });

  it('edits measures through PUT …/measures, checking each field, and records progress notes', async () => {
    const [itemId] = items;
    const bad = await request(http)
      .put(`/api/items/${itemId}/measures`)
      .set(as('sec'))
      .send({ measures: [{ title: '学习', responsible: '', deadline: '2024-02-30' }], expectedVersion: 2 })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'measures.0.deadline',
      'measures.0.responsible',
    ]);
    const measures = [
      { title: '每月集中学习', responsible: '王五', deadline: '2024-03-31' },
      { title: '建立学习台账', responsible: '赵六', deadline: '2024-06-30' },
    ];
    const ok = await request(http)
      .put(`/api/items/${itemId}/measures`)
      .set(as('sec'))
      .send({ measures, expectedVersion: 2 })
      .expect(200);
    expect(ok.body).toEqual(expect.objectContaining({ status: 'measures_set', version: 3 }));
    await request(http)
      .post(`/api/items/${itemId}/notes`)
      .set(as('sec'))
      .send({ note: '已开展两次学习', expectedVersion: 3 })
      .expect(201);
    const detail = await request(http).get(`/api/items/${itemId}`).set(as('sec')).expect(200);
    expect(detail.body.measures.map((m: { title: string }) => m.title)).toEqual([
      '每月集中学习',
      '建立学习台账',
    ]);
    expect(detail.body.deadline).toBe('2024-06-30');
    expect(detail.body.history.at(-1)).toEqual(
      expect.objectContaining({ event: 'ADD_PROGRESS_NOTE', payload: { note: '已开展两次学习' } }),
    );
  });

  it('takes evidence files by their content type and size, and serves them back only within scope', async () => {
    const [, itemId] = items;
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 7),
    ]);
    const up = await request(http)
      .post(`/api/items/${itemId}/evidence`)
      .set(as('sec'))
      .field('text', '学习记录照片')
      .attach('file', png, '照片.png')
      .expect(201);
    expect(up.body).toEqual(
      expect.objectContaining({ fileName: '照片.png', mimeType: 'image/png', sizeBytes: png.length }),
    );
    const down = await request(http)
      .get(`/api/items/${itemId}/evidence/${up.body.id}`)
      .set(as('sec'))
      .buffer(true)
      .expect(200);
    expect(down.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(down.body as Buffer, png)).toBe(0);
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    const refused = await request(http)
      .post(`/api/items/${itemId}/evidence`)
      .set(as('sec'))
      .attach('file', exe, 'a.pdf')
      .expect(415);
    expect(refused.body.code).toBe('EVIDENCE_UNSUPPORTED_TYPE');
    await request(http)
      .post(`/api/items/${itemId}/evidence`)
      .set(as('sec'))
      .attach('file', Buffer.alloc(20 * 1024 * 1024 + 1, 0x41), 'big.txt')
      .expect(413);
    await request(http).get(`/api/items/${otherItem}/evidence/${up.body.id}`).set(as('sec')).expect(404);
  });

  it('limits login attempts per user and address with 429', async () => {
    let last = 0;
    for (let i = 0; i < 11; i++) {
      last = (
        await request(http)
          .post('/api/auth/login')
          .send({ username: `victim-${tag}`, password: 'wrong-password' })
      ).status;
    }
    expect(last).toBe(429);
  });
});
