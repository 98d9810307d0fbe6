import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { LEDGER_PAGE_SIZE } from '@rectify/application';
import { LEDGER_COLUMNS } from '@rectify/domain';
import { PgTrackedItemsRepository } from '@rectify/persistence';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { addOrganisation, addUser } from '../support/admin-fixtures';
import { binaryParser } from '../support/binary-response';
import { xmlProblems } from '../support/office-xml';
import { createTestDatabase } from '../support/test-database';

const AS_OF = '2024-12-20';
/** Branches whose names sort differently by pinyin (阿 a, 八 ba, 张 zhang, 中 zhong) than by code point. */
const BRANCHES = ['张村党支部', '中心校党支部', '阿村党支部', '八村党支部'];
const PER_BRANCH = 300;

// The .xlsx ledger is read from the database page by page and streamed: read back with exceljs's
// reader, it must hold the rows of the JSON ledger (built whole and sorted in memory) in the same
// order and numbering, across page boundaries, and refusals must still be JSON errors.
describe('the streamed .xlsx ledger', () => {
  const tag = randomUUID().slice(0, 6);
  let database: { url: string; drop: () => Promise<void> };
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let committeeId: string;
  let token: string;

  const get = (path: string, query: Record<string, string | number>) =>
    request(http)
      .get(path)
      .query(query)
      .set({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: database.url }));
    await app.init();
    http = app.getHttpServer();
    const db = app.get(DataSource);
    const committee = await addOrganisation(db, { name: `县委${tag}` });
    committeeId = committee.id;
    for (const name of BRANCHES)
      await addOrganisation(db, { name: `${name}${tag}`, parentName: committee.name });
    await addUser(db, {
      username: `sup-${tag}`,
      organisationName: committee.name,
      role: 'supervisor',
      password: 'rectify-test-1',
    });
    token = (
      await request(http)
        .post('/api/auth/login')
        .send({ username: `sup-${tag}`, password: 'rectify-test-1' })
        .expect(200)
    ).body.accessToken;
    // Items created by hand, several to an instant and instants a microsecond apart (the order
    // is kept to the millisecond, then seq and id), plus one of another year and one withdrawn.
    await db.query(
      `INSERT INTO rectification_item (report_id, organisation_id, year, seq, title, detail, source, status, deadline, version, created_at, updated_at)
       SELECT NULL, o.id, 2024, n, '问题' || n || '：' || o.name, '', 'superior_review',
              CASE WHEN n % 3 = 0 THEN 'measures_set' ELSE 'identified' END,
              CASE WHEN n % 3 = 0 THEN DATE '2024-10-01' END, 1,
              TIMESTAMPTZ '2024-03-01 08:00:00+08' + (n % 7) * interval '1 second' + (n % 2) * interval '1 microsecond',
              now()
         FROM organisation o, generate_series(1, $2::int) AS n
        WHERE o.name LIKE '%' || $1`,
      [tag, PER_BRANCH],
    );
    await db.query(
      `INSERT INTO rectification_item (report_id, organisation_id, year, seq, title, detail, source, status, version, withdrawn_at, withdraw_reason)
       SELECT NULL, o.id, y, 1000, '不应出现', '', 'superior_review', 'identified', 1, w, CASE WHEN w IS NOT NULL THEN '重复录入' END
         FROM organisation o, (VALUES (2023, NULL::timestamptz), (2024, now())) AS v(y, w)
        WHERE o.name = $1`,
      [`阿村党支部${tag}`],
    );
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('holds the rows of the JSON ledger in the same order, numbered across pages', async () => {
    const total = (BRANCHES.length + 1) * PER_BRANCH;
    expect(total).toBeGreaterThan(2 * LEDGER_PAGE_SIZE);
    const json = await get(`/api/organisations/${committeeId}/ledger`, { year: 2024, asOf: AS_OF }).expect(
      200,
    );
    expect(json.body.rows).toHaveLength(total);

    const res = await get(`/api/organisations/${committeeId}/ledger`, {
      year: 2024,
      asOf: AS_OF,
      format: 'xlsx',
    })
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    const file = res.body as Buffer;
    expect(await xmlProblems(file)).toEqual([]);
    const workbook = await new ExcelJS.Workbook().xlsx.load(file as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('整改台账')!;
    const row = (n: number) =>
      LEDGER_COLUMNS.map((_, c) => String(sheet.getRow(n).getCell(c + 1).value ?? ''));

    expect(row(1)[0]).toBe(`县委${tag}2024年度查摆问题整改台账`);
    expect(sheet.model.merges).toEqual(['A1:M1']);
    expect(row(2)).toEqual([...LEDGER_COLUMNS]);
    const rows = Array.from({ length: total }, (_, i) => row(3 + i));
    expect(rows).toEqual(json.body.rows.map((r: { cells: string[] }) => r.cells));
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
    // The committee's own items come in its name's place, then the branches in pinyin order.
    const order = [...new Set(rows.map((r) => r[5]))];
    expect(order).toEqual(
      [`县委${tag}`, ...BRANCHES.map((b) => `${b}${tag}`)].sort((a, b) => a.localeCompare(b, 'zh')),
    );
    expect(sheet.autoFilter).toBe(`A2:M${2 + total}`);
    expect(row(3 + total).every((v) => v === '')).toBe(true);
    expect(row(4 + total)[0]).toMatch(/^生成时间：/);
    expect(sheet.rowCount).toBe(4 + total);
  });

  it('is an empty ledger with its header and footer for a year without items', async () => {
    const res = await get(`/api/organisations/${committeeId}/ledger`, { year: 2019, format: 'xlsx' })
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    const sheet = (await new ExcelJS.Workbook().xlsx.load(res.body as unknown as ExcelJS.Buffer))
      .worksheets[0];
    expect(sheet.getRow(2).getCell(1).value).toBe('序号');
    expect(String(sheet.getRow(4).getCell(1).value)).toMatch(/^生成时间：/);
  });

  it('aborts the response when a page fails after the file has started, rather than end it as if complete', async () => {
    const loadPage = PgTrackedItemsRepository.prototype.loadPage;
    let calls = 0;
    const spy = jest.spyOn(PgTrackedItemsRepository.prototype, 'loadPage').mockImplementation(function (
      this: PgTrackedItemsRepository,
      ...args
    ) {
      calls++;
      // The first page is read before the response; the second while the file is being sent.
      return calls === 2 ? Promise.reject(new Error('数据库连接中断')) : loadPage.apply(this, args);
    });
    try {
      const outcome = await new Promise<string>((resolve) => {
        get(`/api/organisations/${committeeId}/ledger`, { year: 2024, asOf: AS_OF, format: 'xlsx' })
          .buffer(true)
          .parse(binaryParser)
          .end((err, res) => resolve(err ? 'aborted' : `complete ${res.status}`));
      });
      expect(outcome).toBe('aborted');
      expect(calls).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses before the first byte with a JSON error: an unknown organisation, a bad year', async () => {
    const missing = await get(`/api/organisations/${randomUUID()}/ledger`, {
      year: 2024,
      format: 'xlsx',
    }).expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    expect(missing.body.code).toBe('ORGANISATION_NOT_FOUND');
    expect(missing.body.message).toMatch(/不存在/);
    const badYear = await get(`/api/organisations/${committeeId}/ledger`, {
      year: 99999,
      format: 'xlsx',
    }).expect(400);
    expect(badYear.headers['content-type']).toMatch(/^application\/json/);
    expect(badYear.body.code).toBeDefined();
  });
});
