import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { MAX_BODY_BYTES } from '../../apps/api/src/common/request-body';
import { MAX_INPUT_DEPTH } from '../../apps/api/src/common/unsafe-input';
import {
  documentXml,
  docxWith,
  manyEntriesZip,
  nestedZipBomb,
  textEntry,
  zerosDocx,
} from '../support/zip-bombs';
import { addOrganisation, addUser } from '../support/admin-fixtures';

const ROOT = resolve(__dirname, '../..');

/** `{"a":{"a":…{"a":1}}}`, `levels` objects deep. */
const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

describe('input limits (HTTP API and CLI)', () => {
  const tag = randomUUID().slice(0, 8);
  const password = 'test-password-123';
  const tmp = mkdtempSync(join(tmpdir(), 'rectify-limits-'));
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let orgId: string;
  let orgName: string;
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const bomb = zerosDocx(400);

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    const db = app.get(DataSource);
    orgName = `限额党支部-${tag}`;
    orgId = (await addOrganisation(db, { name: orgName })).id;
    await addUser(db, { username: `limits-${tag}`, organisationName: orgName, role: 'admin', password });
    admin = (
      await request(http)
        .post('/api/auth/login')
        .send({ username: `limits-${tag}`, password })
    ).body.accessToken;
  });
  afterAll(async () => {
    await app.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const upload = (path: string, bytes: Buffer, fields: Record<string, string> = {}) => {
    let req = request(http).post(path).set(auth()).attach('file', bytes, 'report.docx');
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req;
  };

  describe('zip bombs', () => {
    it('answers a 1 MB .docx that unpacks to 400 MB with 413 and a Chinese message, and keeps serving', async () => {
      const res = await upload('/api/reports/preview', bomb).expect(413);
      expect(res.body).toEqual({
        code: 'REPORT_TOO_LARGE',
        message: expect.stringContaining('Word 文档超出读取限制'),
        details: { reason: 'DOCX_LIMIT_EXCEEDED' },
      });
      const ok = docxWith(
        textEntry('word/document.xml', documentXml('<w:p><w:r><w:t>二、存在问题</w:t></w:r></w:p>')),
      );
      await upload('/api/reports/preview', ok).expect(201);
    });

    it('answers a zip with 100,000 entries with 413', async () => {
      const res = await upload('/api/reports/preview', manyEntriesZip(100_000)).expect(413);
      expect(res.body.message).toContain('100000');
    });

    it('answers a zip of zips holding no Word document with 415', async () => {
      expect((await upload('/api/reports/preview', nestedZipBomb(2, 8, 50)).expect(415)).body.code).toBe(
        'REPORT_UNSUPPORTED_TYPE',
      );
    });

    it('refuses the same bomb on import and on reconciliation, storing nothing', async () => {
      await upload('/api/reports', bomb, { organisationId: orgId }).expect(413);
      await upload('/api/reports/reconcile', bomb, { organisationId: orgId, year: '2024' }).expect(413);
      const reports = await request(http).get('/api/reports').set(auth()).expect(200);
      expect(reports.body.filter((r: { organisationId: string }) => r.organisationId === orgId)).toEqual([]);
    });

    it('answers a .docx the XML parser rejects with 422 文件无法作为Word文档读取, naming no parser internals', async () => {
      const broken = docxWith(
        textEntry('word/document.xml', documentXml('<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>')),
      );
      const res = await upload('/api/reports/preview', broken).expect(422);
      expect(res.body.code).toBe('REPORT_UNREADABLE');
      expect(res.body.details).toEqual({ reason: 'DOCX_UNREADABLE' });
      expect(res.body.message).toContain('文件无法作为Word文档读取');
      expect(res.body.message).not.toMatch(/xmldom|entity/i);
    });

    it('makes rectify extract, import and reconcile refuse the bomb with a Chinese message and no stack trace', () => {
      const file = join(tmp, 'bomb.docx');
      writeFileSync(file, bomb);
      const rectify = (...args: string[]) =>
        spawnSync(process.execPath, [join(ROOT, 'bin/rectify.js'), ...args], {
          encoding: 'utf8',
          cwd: tmp,
          env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
        });
      const runs = {
        extract: rectify('extract', file),
        import: rectify('import', file, '--org', orgName),
        reconcile: rectify('reconcile', file, '--org', orgName, '--year', '2024'),
      };
      expect(runs.extract.status).toBe(2);
      for (const run of Object.values(runs)) {
        expect(run.status).not.toBe(0);
        expect(run.stderr).toContain('Word 文档超出读取限制');
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
    });
  });

  describe('request bodies', () => {
    it(`answers a JSON body over ${MAX_BODY_BYTES / 1024 / 1024} MB with 413 and a Chinese message`, async () => {
      const res = await request(http)
        .post('/api/auth/login')
        .send({ username: 'x', password: 'y'.repeat(MAX_BODY_BYTES) })
        .expect(413);
      expect(res.body).toEqual({
        code: 'BODY_TOO_LARGE',
        message: '请求内容过大：请求体不能超过 1 MB。',
        details: { maxBytes: MAX_BODY_BYTES },
      });
    });

    it('reads a JSON body of 500 KB, under the limit, and validates it as usual', async () => {
      const res = await request(http)
        .post('/api/auth/login')
        .send({ username: 'x', password: 'y'.repeat(500 * 1024) })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('answers malformed JSON with 400 and a Chinese message', async () => {
      const res = await request(http)
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"username": "x",')
        .expect(400);
      expect(res.body).toEqual({
        code: 'MALFORMED_BODY',
        message: expect.stringMatching(/^请求内容无法解析/),
        details: null,
      });
    });

    it('answers a body nested 100,000 levels deep, sent without logging in, with 400 and no stack overflow', async () => {
      const deep = '{"username":"x","password":"y","a":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
      const res = await request(http)
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(deep)
        .expect(400);
      expect(res.body.code).toBe('INPUT_TOO_DEEP');
      expect(res.body.message).toContain(`${MAX_INPUT_DEPTH} 层`);
    });

    it(`allows ${MAX_INPUT_DEPTH} levels of nesting and refuses ${MAX_INPUT_DEPTH + 1}`, async () => {
      const atLimit = await request(http)
        .post('/api/auth/login')
        .send({ username: 'x', password: 'y', a: nested(MAX_INPUT_DEPTH - 1) })
        .expect(400);
      expect(atLimit.body.code).toBe('VALIDATION_FAILED');
      const over = await request(http)
        .post('/api/auth/login')
        .send({ username: 'x', password: 'y', a: nested(MAX_INPUT_DEPTH) })
        .expect(400);
      expect(over.body.code).toBe('INPUT_TOO_DEEP');
    });
  });

  describe('report upload forms', () => {
    it('answers a report form with more than 10 fields, or a field over 100 KB, with 400 in Chinese', async () => {
      const fields = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}`, 'x']));
      const many = await upload('/api/reports/preview', Buffer.from('二、存在问题\n'), fields).expect(400);
      expect(many.body.message).toContain('表单字段过多');
      const big = await upload('/api/reports', Buffer.from('二、存在问题\n'), {
        organisationId: orgId,
        corrections: 'x'.repeat(101 * 1024),
      }).expect(400);
      expect(big.body.message).toContain('表单字段内容过长');
    });
  });

  describe('forbidden characters', () => {
    it.each([
      ['NUL', '\u0000'],
      ['BEL', '\u0007'],
      ['ESC', '\u001b'],
      ['U+FFFE', '\ufffe'],
      ['U+FFFF', '\uffff'],
      ['a lone high surrogate', '\ud800'],
      ['a lone low surrogate', '\udc00'],
    ])(
      'answers %s in a JSON text field with 400 FORBIDDEN_CHARACTER, before logging in',
      async (_name, char) => {
        const res = await request(http)
          .post('/api/auth/login')
          .send({ username: `a${char}b`, password })
          .expect(400);
        expect(res.body.code).toBe('FORBIDDEN_CHARACTER');
        expect(res.body.details.field).toBe('username');
        expect(res.body.message).toMatch(/^请求参数 username 含有不允许的控制字符（U\+[0-9A-F]{4}）/);
      },
    );

    it('lets tab, line breaks and emoji through to the usual checks', async () => {
      const res = await request(http)
        .post('/api/auth/login')
        .send({ username: 'a\tb\r\nc😀', password })
        .expect(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('answers a control character in a JSON key, nested in an array, with 400', async () => {
      const res = await request(http)
        .put(`/api/items/${randomUUID()}/measures`)
        .set(auth())
        .send({
          measures: [{ title: 't', responsible: 'r', deadline: '2024-06-30', 'x\u0001': 1 }],
          expectedVersion: 1,
        })
        .expect(400);
      expect(res.body.code).toBe('FORBIDDEN_CHARACTER');
      expect(res.body.details.field).toBe('measures[0].x\ufffd');
    });

    it('answers NUL in a query string, a path parameter and a multipart form field with 400', async () => {
      const query = await request(http).get('/api/items?q=%00').set(auth()).expect(400);
      expect(query.body.code).toBe('FORBIDDEN_CHARACTER');
      const param = await request(http).get('/api/items/%00').set(auth()).expect(400);
      expect(param.body.code).toBe('FORBIDDEN_CHARACTER');
      const form = await upload('/api/reports', Buffer.from('二、存在问题\n一是学习不够。\n'), {
        organisationId: orgId,
        source: 'self_inspection\u0000',
      }).expect(400);
      expect(form.body.code).toBe('FORBIDDEN_CHARACTER');
    });

    it('answers NUL escaped inside the corrections JSON of an import with 400', async () => {
      const res = await upload(
        '/api/reports',
        Buffer.from('2023年述职报告\n二、存在问题\n一是学习不够深入。\n'),
        {
          organisationId: orgId,
          corrections: JSON.stringify({ titles: { '1': '标题\u0000' } }),
        },
      ).expect(400);
      expect(res.body.code).toBe('FORBIDDEN_CHARACTER');
    });
  });

  describe('numbers', () => {
    it.each([
      '/api/items?page=1e308',
      '/api/items?page=0',
      '/api/items?pageSize=-1',
      '/api/items?pageSize=1.5',
      '/api/items?page=0x10',
      '/api/items?year=Infinity',
      '/api/reminders/deliveries?limit=NaN',
      '/api/reminders/deliveries?limit=',
      '/api/dev/mailbox?limit=1e3',
    ])('answers GET %s with 400 VALIDATION_FAILED', async (path) => {
      const res = await request(http).get(path).set(auth()).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('answers out-of-range numbers in the closing-loop queries with 400', async () => {
      for (const query of ['year=1e308', 'year=2024.5', 'year=-2024']) {
        await request(http).get(`/api/organisations/${orgId}/ledger?${query}`).set(auth()).expect(400);
      }
      await request(http).get(`/api/organisations/${orgId}/overdue-trend?months=1e3`).set(auth()).expect(400);
    });

    it.each([1e308, 2 ** 31, -1, 1.5])(
      'answers expectedVersion %p in a JSON body with 400',
      async (expectedVersion) => {
        const res = await request(http)
          .post(`/api/items/${randomUUID()}/transitions`)
          .set(auth())
          .send({ event: 'ADD_PROGRESS_NOTE', payload: { note: 'x' }, expectedVersion })
          .expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.details).toEqual([expect.objectContaining({ field: 'expectedVersion' })]);
      },
    );

    it('answers a body that is not JSON, a form or an upload with 415, saying what to send', async () => {
      const res = await request(http)
        .post('/api/auth/login')
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify({ username: 'x', password: 'y' }))
        .expect(415);
      expect(res.body).toEqual(
        expect.objectContaining({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: expect.stringContaining('application/json'),
        }),
      );
    });

    it('says one thing per field, in Chinese, naming the limit: the type when the type is wrong', async () => {
      const problems = async (path: string, body?: object) => {
        const req = body
          ? request(http).put(path).set(auth()).send(body)
          : request(http).get(path).set(auth());
        const res = await req.expect(400);
        return Object.fromEntries(
          (res.body.details as { field: string; problems: string[] }[]).map((d) => [d.field, d.problems]),
        );
      };
      expect(await problems('/api/items?page=1e308&overdue=maybe&organisationId=x')).toEqual({
        page: ['必须是整数'],
        overdue: ['必须是 true 或 false'],
        organisationId: ['必须是有效的编号（UUID）'],
      });
      expect(await problems('/api/items?pageSize=5000')).toEqual({
        pageSize: [expect.stringMatching(/^不能大于 \d+$/)],
      });
      const item = `/api/items/${randomUUID()}/measures`;
      expect(await problems(item, { measures: [], expectedVersion: 1 })).toEqual({ measures: ['至少 1 项'] });
      const many = Array.from({ length: 5000 }, () => ({
        title: '措施',
        responsible: '张三',
        deadline: '2030-01-01',
      }));
      expect(await problems(item, { measures: many, expectedVersion: 1 })).toEqual({
        measures: [expect.stringMatching(/^最多 \d+ 项$/)],
      });
    });

    it('still reads plain decimal numbers', async () => {
      const res = await request(http).get('/api/items?page=2&pageSize=5&year=2023').set(auth()).expect(200);
      expect(res.body).toEqual(expect.objectContaining({ page: 2, pageSize: 5 }));
    });
  });

  describe('numbered lists', () => {
    it('previews a report numbered 1. to 2000. as 2,000 problems', async () => {
      const lines = Array.from({ length: 2000 }, (_, i) => `${i + 1}. 第${i + 1}个支部制度执行不够严格。`);
      const text = ['2023年度述职报告', '二、存在问题', ...lines, '三、下步打算', '1.加强学习。'].join('\n');
      const res = await request(http)
        .post('/api/reports/preview')
        .set(auth())
        .attach('file', Buffer.from(text, 'utf8'), 'long.txt')
        .expect(201);
      expect(res.body.problems).toHaveLength(2000);
      expect(res.body.problems[1999].title).toBe('第2000个支部制度执行不够严格');
    });
  });

  describe('security headers', () => {
    it('sends no upgrade-insecure-requests and no HSTS over plain HTTP', async () => {
      const res = await request(http).get('/api/health');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });
  });
});
