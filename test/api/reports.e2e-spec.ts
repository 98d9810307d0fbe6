import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import iconv from 'iconv-lite';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { addOrganisation, addUser } from '../support/admin-fixtures';

describe('reports API', () => {
  const tag = randomUUID().slice(0, 8);
  const password = 'test-password-123';
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let orgA: string;
  let orgB: string;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const REPORT = `2023年度甲村党支部述职报告 ${tag}\n二、存在问题\n一是学习不够深入。二是制度执行不严。\n三、下步打算\n1.加强学习。\n`;

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    const db = app.get(DataSource);
    const town = await addOrganisation(db, { name: `镇党委-${tag}` });
    orgA = (await addOrganisation(db, { name: `甲村党支部-${tag}`, parentName: town.name })).id;
    const b = await addOrganisation(db, { name: `乙村党支部-${tag}`, parentName: town.name });
    orgB = b.id;
    for (const [who, org, role] of [
      ['admin', town.name, 'admin'],
      ['secA', `甲村党支部-${tag}`, 'secretary'],
      ['secB', b.name, 'secretary'],
    ] as const) {
      await addUser(db, { username: `${who}-${tag}`, organisationName: org, role, password });
      tokens[who] = (
        await request(http)
          .post('/api/auth/login')
          .send({ username: `${who}-${tag}`, password })
      ).body.accessToken;
    }
  });
  afterAll(() => app.close());

  const upload = (
    who: string,
    path: string,
    bytes: Buffer,
    name: string,
    fields: Record<string, string> = {},
  ) => {
    let req = request(http).post(path).set(as(who)).attach('file', bytes, name);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req;
  };

  it('lets an administrator import a GBK report once; the second upload creates nothing', async () => {
    const gbk = iconv.encode(REPORT, 'gbk');
    const first = await upload('admin', '/api/reports', gbk, 'a.txt', { organisationId: orgA }).expect(201);
    expect(first.body).toEqual(expect.objectContaining({ created: true, year: 2023 }));
    expect(first.body.itemIds).toHaveLength(2);
    const again = await upload('admin', '/api/reports', gbk, 'a.txt', { organisationId: orgA }).expect(201);
    expect(again.body.created).toBe(false);
    const list = await request(http).get('/api/reports').set(as('secA')).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: first.body.reportId, items: 2, year: 2023 })]);
    const text = await request(http)
      .get(`/api/reports/${first.body.reportId}/text`)
      .set(as('secA'))
      .expect(200);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.text).toBe(REPORT);
    await request(http).get(`/api/reports/${first.body.reportId}`).set(as('secB')).expect(404);
    await request(http).get(`/api/reports/${first.body.reportId}/text`).set(as('secB')).expect(404);
  });

  it('imports with the corrections made in the preview: a dropped problem and a rewritten title', async () => {
    const bytes = Buffer.from(REPORT.replace('2023', '2022'), 'utf8');
    const bad = await upload('admin', '/api/reports', bytes, 'c.txt', {
      organisationId: orgB,
      corrections: JSON.stringify({ dropProblemSeqs: [9] }),
    }).expect(400);
    expect(bad.body.message).toContain('问题序号 9 不存在');
    const malformed = await upload('admin', '/api/reports', bytes, 'c.txt', {
      organisationId: orgB,
      corrections: JSON.stringify({ dropProblemSeqs: 'all' }),
    }).expect(400);
    expect(malformed.body.details).toEqual({ corrections: '格式不正确' });
    const res = await upload('admin', '/api/reports', bytes, 'c.txt', {
      organisationId: orgB,
      corrections: JSON.stringify({ dropProblemSeqs: [2], titles: { '1': '更正后的问题标题' } }),
    }).expect(201);
    expect(res.body.itemIds).toHaveLength(1);
    // The answer lists the item as saved, with the corrected title.
    expect(res.body.items).toEqual([{ id: res.body.itemIds[0], seq: 1, title: '更正后的问题标题' }]);
    expect(res.body.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('剔除了第2个问题'),
        expect.stringContaining('更正为"更正后的问题标题"'),
      ]),
    );
    const item = await request(http).get(`/api/items/${res.body.itemIds[0]}`).set(as('admin')).expect(200);
    expect(item.body.title).toBe('更正后的问题标题');
  });

  it('refuses imports by a secretary with 403', async () => {
    const res = await upload('secA', '/api/reports', Buffer.from(REPORT), 'a.txt', {
      organisationId: orgA,
    }).expect(403);
    expect(res.body.code).toBe('ADMIN_ONLY');
  });

  it('previews the extraction without saving anything', async () => {
    const before = (await request(http).get('/api/reports').set(as('admin')).expect(200)).body.length;
    const res = await upload(
      'secA',
      '/api/reports/preview',
      Buffer.from(REPORT.replace(tag, `${tag}-preview`)),
      'p.txt',
    ).expect(201);
    expect(res.body.problems.map((p: { title: string }) => p.title)).toEqual([
      '学习不够深入',
      '制度执行不严',
    ]);
    expect((await request(http).get('/api/reports').set(as('admin')).expect(200)).body.length).toBe(before);
  });

  it('answers an oversize upload with 413, a wrong type with 415, an unreadable text with 422', async () => {
    const big = await upload(
      'admin',
      '/api/reports/preview',
      Buffer.alloc(10 * 1024 * 1024 + 1, 0x41),
      'big.txt',
    ).expect(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const image = await upload('admin', '/api/reports/preview', png, 'r.png').expect(415);
    expect(image.body).toEqual(
      expect.objectContaining({ code: 'REPORT_UNSUPPORTED_TYPE', message: expect.stringContaining('.docx') }),
    );
    const garbled = Buffer.from([0xff, 0xff, 0xfe, 0x80, 0x81, 0xfe, 0xff, 0x80, 0x30, 0xff, 0xfe, 0xfd]);
    expect((await upload('admin', '/api/reports/preview', garbled, 'x.txt').expect(422)).body.code).toBe(
      'REPORT_UNREADABLE',
    );
    const missing = await request(http).post('/api/reports/preview').set(as('admin')).expect(400);
    expect(missing.body.code).toBe('FILE_MISSING');
  });
});
