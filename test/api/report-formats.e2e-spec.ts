import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { addOrganisation, addUser } from '../support/admin-fixtures';

const FIXTURES = join(__dirname, '../fixtures/reports');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const PROBLEMS = ['理论学习的系统性不强', '组织生活质量有待提升', '服务群众的精准度不够'];

describe('reports API with Word 97, WPS and PDF files', () => {
  const tag = randomUUID().slice(0, 8);
  const password = 'test-password-123';
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let token: string;
  const organisations: Record<string, string> = {};

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    const db = app.get(DataSource);
    const town = await addOrganisation(db, { name: `街道党工委-${tag}` });
    for (const branch of ['doc', 'wps', 'pdf']) {
      const name = `柳岸社区第二党支部-${branch}-${tag}`;
      organisations[branch] = (await addOrganisation(db, { name, parentName: town.name })).id;
    }
    await addUser(db, { username: `admin-${tag}`, organisationName: town.name, role: 'admin', password });
    token = (
      await request(http)
        .post('/api/auth/login')
        .send({ username: `admin-${tag}`, password })
    ).body.accessToken;
  });
  afterAll(() => app.close());

  const upload = (path: string, bytes: Buffer, name: string, fields: Record<string, string> = {}) => {
    let req = request(http)
      .post(path)
      .set({ Authorization: `Bearer ${token}` })
      .attach('file', bytes, name);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req;
  };

  it.each([
    ['liuan-2023.doc', 'doc'],
    ['liuan-2023.wps', 'doc'],
    ['liuan-2023.pdf', 'pdf'],
  ])(
    'previews %s with its problems, the text it read and why each problem was taken',
    async (file, format) => {
      const res = await upload('/api/reports/preview', fixture(file), file).expect(201);
      expect(res.body.format).toBe(format);
      expect(res.body.year).toBe(2023);
      expect(res.body.problems.map((p: { title: string }) => p.title)).toEqual(PROBLEMS);
      expect(res.body.problems[0]).toEqual(
        expect.objectContaining({ basis: 'numbered_item', confidence: expect.any(Number) }),
      );
      expect(res.body.text.split('\n')).toContain('二、存在问题');
    },
  );

  it('previews a 问题清单 workbook with the table it read, so the page can show it beside the problems', async () => {
    const file = 'problem-list-libreoffice.xlsx';
    const res = await upload('/api/reports/preview', fixture(file), file).expect(201);
    expect(res.body.format).toBe('xlsx');
    expect(res.body.tables).toHaveLength(1);
    const cells = (res.body.tables[0].rows as string[][]).flat();
    expect(cells).toContain('存在问题');
    for (const title of res.body.problems.map((p: { title: string }) => p.title))
      expect(cells.some((cell) => cell.includes(title))).toBe(true);
    expect(res.body.tables[0].sheet).toBe('问题清单');
  });

  it.each([
    ['liuan-2023.doc', 'doc'],
    ['liuan-2023.wps', 'wps'],
    ['liuan-2023.pdf', 'pdf'],
  ])('imports %s: one item per problem, and keeps the text it read', async (file, branch) => {
    const res = await upload('/api/reports', fixture(file), file, {
      organisationId: organisations[branch],
    }).expect(201);
    expect(res.body).toEqual(expect.objectContaining({ created: true, year: 2023 }));
    expect(res.body.itemIds).toHaveLength(3);
    const text = await request(http)
      .get(`/api/reports/${res.body.reportId}/text`)
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    expect(text.text).toContain('（一）理论学习的系统性不强。支部学习多以读文件、听讲座为主');
    expect(text.text).not.toContain('— 1 —');
    const item = await request(http)
      .get(`/api/items/${res.body.itemIds[1]}`)
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    expect(item.body.title).toBe('组织生活质量有待提升');
  });

  it('answers a scanned PDF with 422 and what to do, and imports nothing', async () => {
    const res = await upload('/api/reports', fixture('scanned.pdf'), 'scan.pdf', {
      organisationId: organisations.pdf,
    }).expect(422);
    expect(res.body).toEqual({
      code: 'REPORT_UNREADABLE',
      message: '该 PDF 是扫描件，没有可读取的文字：请上传Word版本或先进行文字识别（OCR）后再上传。',
      details: { reason: 'PDF_NO_TEXT' },
    });
  });

  it.each(['liuan-2023-password.pdf', 'liuan-2023-password.doc', 'liuan-2023-password.docx'])(
    'answers %s, which has an opening password, with 422 FILE_ENCRYPTED',
    async (file) => {
      const res = await upload('/api/reports/preview', fixture(file), file).expect(422);
      expect(res.body.details).toEqual({ reason: 'FILE_ENCRYPTED' });
      expect(res.body.message).toContain('密码');
    },
  );

  it('lists every accepted format when the form has no file', async () => {
    const res = await request(http)
      .post('/api/reports/preview')
      .set({ Authorization: `Bearer ${token}` })
      .expect(400);
    expect(res.body.message).toContain('.docx、.doc、.wps、.pdf、.txt、.md、.xlsx、.csv');
  });
});
