import { type INestApplication } from '@nestjs/common';
import { LEDGER_COLUMNS } from '@rectify/domain';
import { docxToText } from '@rectify/domain/report/decode/docx-to-text';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import {
  fixtureBytes,
  importAndWork2023,
  type Qingshan,
  seedQingshan,
} from '../support/closing-loop-fixture';

const AS_OF = '2025-01-10';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SECTION_SUMMARY = '对照查摆的5个问题，制定整改措施6条，已整改完成2个，需长期坚持整改1个，尚未完成2个。';

/** Collects a binary response body into a Buffer (supertest only buffers text by default). */
function binaryParser(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  // In Node, the response handed to a parser is the raw IncomingMessage stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer | string) => chunks.push(Buffer.from(chunk)));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (err: Error) => done(err, Buffer.alloc(0)));
}

interface Finding {
  kind: string;
  itemId?: string | null;
  message: string;
}

// The closing-loop endpoints over HTTP against the real PostgreSQL server: the 上年度整改情况,
// the supervisor's summary and ledger, checking the 2024 report, and who may see what.
describe('closing-loop API', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let q: Qingshan;
  let ids2023: string[];
  const tokens: Record<string, string> = {};

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const get = (who: string, path: string, query: Record<string, string | number> = {}) =>
    request(http).get(path).query(query).set(as(who));
  const getFile = (who: string, path: string, query: Record<string, string | number>) =>
    get(who, path, query).buffer(true).parse(binaryParser);
  const branchPath = (what: string) => `/api/organisations/${q.branch.id}/${what}`;
  const committeePath = (what: string) => `/api/organisations/${q.committee.id}/${what}`;
  const upload = (who: string, path: string, fields: Record<string, string>, withFile = true) => {
    let req = request(http).post(path).set(as(who));
    if (withFile) req = req.attach('file', fixtureBytes('qingshan-2024.txt'), 'qingshan-2024.txt');
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req;
  };

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    const db = app.get(DataSource);
    q = await seedQingshan(db);
    ids2023 = await importAndWork2023(db, q);
    for (const who of ['sec', 'sup', 'sec4', 'admin']) {
      const res = await request(http)
        .post('/api/auth/login')
        .send({ username: `${who}-${q.tag}`, password: 'rectify-test' })
        .expect(200);
      tokens[who] = res.body.accessToken;
    }
  });
  afterAll(() => app.close());

  describe('the 上年度整改情况 for the branch secretary', () => {
    const query = { year: 2024, asOf: AS_OF };

    it('answers JSON with the summary sentence and one paragraph per 2023 item', async () => {
      const res = await get('sec', branchPath('section'), query).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.organisation).toEqual(
        expect.objectContaining({ id: q.branch.id, name: q.branch.name }),
      );
      expect(res.body).toEqual(
        expect.objectContaining({
          reportYear: 2024,
          problemYear: 2023,
          heading: '上年度（2023年度）查摆问题整改情况',
          summary: SECTION_SUMMARY,
        }),
      );
      expect(res.body.paragraphs).toHaveLength(5);
      expect(res.body.paragraphs.map((p: { itemId: string }) => p.itemId)).toEqual(ids2023);
    });

    it('downloads plain text as an attachment with a UTF-8 file name', async () => {
      const res = await get('sec', branchPath('section'), { ...query, format: 'text' }).expect(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent(`${q.branch.name}2024年度上年度整改情况.txt`)}`,
      );
      const lines = res.text.split('\n');
      expect(lines.slice(0, 2)).toEqual(['上年度（2023年度）查摆问题整改情况', SECTION_SUMMARY]);
      expect(lines.filter((l) => /^（[一二三四五]）针对/.test(l))).toHaveLength(5);
    });

    it('downloads Markdown opening with the section heading', async () => {
      const res = await get('sec', branchPath('section'), { ...query, format: 'md' }).expect(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''.+\.md$/);
      expect(res.text.startsWith('# 上年度（2023年度）查摆问题整改情况')).toBe(true);
      expect(res.text).toContain(SECTION_SUMMARY);
    });

    it('downloads a Word document that reads back with the summary sentence', async () => {
      const res = await getFile('sec', branchPath('section'), { ...query, format: 'docx' }).expect(200);
      expect(res.headers['content-type']).toBe(DOCX_TYPE);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''.+\.docx$/);
      const bytes = res.body as Buffer;
      expect(Buffer.isBuffer(bytes)).toBe(true);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const text = await docxToText(bytes);
      expect(text).toContain('上年度（2023年度）查摆问题整改情况');
      expect(text).toContain(SECTION_SUMMARY);
    });
  });

  describe('the summary and ledger for the committee supervisor', () => {
    it('lists every organisation in the subtree, the one without items with zeros', async () => {
      const res = await get('sup', committeePath('summary'), { year: 2023, asOf: AS_OF }).expect(200);
      expect(
        res.body.byOrganisation.map((o: { organisationName: string; items: number }) => [
          o.organisationName,
          o.items,
        ]),
      ).toEqual(
        expect.arrayContaining([
          [q.branch.name, 5],
          [q.other.name, 0],
          [q.committee.name, 0],
        ]),
      );
      // The committee's own row (本级) first, then each branch with everything below it.
      expect(res.body.byOrganisation[0]).toMatchObject({
        organisationName: q.committee.name,
        includesBelow: false,
      });
      expect(res.body.byOrganisation.slice(1).every((o: { includesBelow: boolean }) => o.includesBelow)).toBe(
        true,
      );
    });

    it('counts the 2023 items', async () => {
      const res = await get('sup', committeePath('summary'), { year: 2023, asOf: AS_OF }).expect(200);
      expect(res.body.totals).toEqual({
        items: 5,
        measures: 6,
        completed: 2,
        longTerm: 1,
        open: 2,
        overdue: 2,
        recurring: 0,
      });
    });

    it('downloads the ledger as .xlsx with the ledger columns and one row per item', async () => {
      const res = await getFile('sup', committeePath('ledger'), {
        year: 2023,
        asOf: AS_OF,
        format: 'xlsx',
      }).expect(200);
      expect(res.headers['content-type']).toBe(XLSX_TYPE);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''.+\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as unknown as ExcelJS.Buffer);
      const sheet = workbook.getWorksheet('整改台账');
      expect(sheet).toBeDefined();
      const row = (n: number) => (sheet!.getRow(n).values as unknown[]).slice(1).map((v) => String(v ?? ''));
      expect(row(1)[0]).toBe(`${q.committee.name}2023年度查摆问题整改台账`);
      expect(row(2)).toEqual([...LEDGER_COLUMNS]);
      expect([3, 4, 5, 6, 7].map((n) => row(n)[0])).toEqual(['1', '2', '3', '4', '5']);
      // A blank row, then the footer: no sixth item.
      expect(row(8).every((v) => v === '')).toBe(true);
      expect(row(9)[0]).toMatch(/^生成时间：/);
    });

    it('answers the ledger as JSON too', async () => {
      const res = await get('sup', committeePath('ledger'), { year: 2023, asOf: AS_OF }).expect(200);
      expect(res.body.columns).toEqual([...LEDGER_COLUMNS]);
      expect(res.body.rows).toHaveLength(5);
    });
  });

  describe('ledger details (问题来源, 责任领导)', () => {
    const patch = (who: string, itemId: string, body: Record<string, unknown>) =>
      request(http).patch(`/api/items/${itemId}`).set(as(who)).send(body);

    it('are set by the branch secretary and show in the item and the ledger', async () => {
      const res = await patch('sec', ids2023[1], {
        source: 'superior_review',
        responsibleLeader: '王书记',
      }).expect(200);
      const item = await get('sec', `/api/items/${ids2023[1]}`).expect(200);
      expect(item.body).toMatchObject({
        source: 'superior_review',
        responsibleLeader: '王书记',
        version: res.body.version,
      });
      expect(item.body.history.at(-1)).toMatchObject({
        event: 'UPDATE_DETAILS',
        payload: { source: 'superior_review', responsibleLeader: '王书记' },
      });
      const ledger = await get('sup', committeePath('ledger'), { year: 2023, asOf: AS_OF }).expect(200);
      const row = ledger.body.rows.find((r: { itemId: string }) => r.itemId === ids2023[1]);
      expect([row.cells[2], row.cells[4]]).toEqual(['上级点评', '王书记']);
      // Cleared with null; the source stays.
      await patch('sup', ids2023[1], { responsibleLeader: null }).expect(200);
      const cleared = await get('sec', `/api/items/${ids2023[1]}`).expect(200);
      expect(cleared.body).toMatchObject({ source: 'superior_review', responsibleLeader: null });
    });

    it('are refused out of scope, with a stale version, an unknown source, or nothing to change', async () => {
      await patch('sec4', ids2023[0], { responsibleLeader: '赵' }).expect(404);
      const stale = await patch('sec', ids2023[0], { responsibleLeader: '李', expectedVersion: 1 }).expect(
        409,
      );
      expect(stale.body.code).toBe('ITEM_CHANGED');
      const bad = await patch('sec', ids2023[0], { source: 'rumour' }).expect(400);
      expect(JSON.stringify(bad.body.details)).toContain('source');
      const empty = await patch('sec', ids2023[0], {}).expect(400);
      expect(empty.body.message).toContain('没有要修改的内容');
      await patch('sec', ids2023[0], { colour: 'red' }).expect(400);
    });
  });

  describe('scope', () => {
    it.each(['section', 'summary', 'ledger'])(
      "answers the other branch's secretary 404 for the branch %s",
      async (what) => {
        const res = await get('sec4', branchPath(what), { year: what === 'section' ? 2024 : 2023 }).expect(
          404,
        );
        expect(res.body.code).toBe('ORGANISATION_NOT_FOUND');
      },
    );

    it("answers a secretary 404 for the committee's summary", async () => {
      const res = await get('sec', committeePath('summary'), { year: 2023 }).expect(404);
      expect(res.body.code).toBe('ORGANISATION_NOT_FOUND');
    });

    it('answers 401 without a token', async () => {
      for (const what of ['section', 'summary', 'ledger']) {
        const res = await request(http).get(branchPath(what)).query({ year: 2024 }).expect(401);
        expect(res.body.code).toBe('UNAUTHENTICATED');
      }
      await request(http).get(`/api/reports/${ids2023[0]}/reconciliation`).expect(401);
      await request(http)
        .post('/api/reports/reconcile')
        .attach('file', fixtureBytes('qingshan-2024.txt'), 'qingshan-2024.txt')
        .field('organisationId', q.branch.id)
        .expect(401);
    });
  });

  describe('bad input', () => {
    const fields = (body: { details: { field: string }[] }) => body.details.map((d) => d.field);

    it('refuses a year that is not a number, naming the field', async () => {
      const res = await get('sec', branchPath('section'), { year: 'abc' }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fields(res.body)).toContain('year');
      expect(res.body.message).toContain('year');
    });

    it('refuses an unknown query field', async () => {
      const res = await get('sec', branchPath('summary'), { year: 2023, foo: 1 }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fields(res.body)).toContain('foo');
    });

    it('refuses an unknown format', async () => {
      const res = await get('sec', branchPath('section'), { year: 2024, format: 'pdf' }).expect(400);
      expect(fields(res.body)).toEqual(['format']);
      const ledger = await get('sup', committeePath('ledger'), { year: 2023, format: 'docx' }).expect(400);
      expect(fields(ledger.body)).toEqual(['format']);
    });

    it('refuses an asOf that is not a date', async () => {
      const res = await get('sec', branchPath('section'), { year: 2024, asOf: '2025-13-45' }).expect(400);
      expect(fields(res.body)).toEqual(['asOf']);
    });

    // asOf is compared with YYYY-MM-DD deadlines, so other ISO 8601 forms must be refused too
    // (the CLI's --as-of refuses them).
    it.each([
      ['summary', '2025-01-10T08:00:00Z'],
      ['ledger', '2025-W02'],
    ])('refuses an asOf for the %s that is ISO 8601 but not YYYY-MM-DD (%s)', async (what, asOf) => {
      const res = await get('sup', committeePath(what), { year: 2023, asOf }).expect(400);
      expect(fields(res.body)).toEqual(['asOf']);
    });

    it('refuses an asOf far in the future at once, instead of counting working days to it', async () => {
      const res = await get('sup', committeePath('summary'), { year: 2023, asOf: '9999-12-31' }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fields(res.body)).toEqual(['asOf']);
      expect(res.body.message).toContain('1990至2100');
    });

    it('answers a year without items 404, telling which report to import', async () => {
      const res = await get('sec', branchPath('section'), { year: 2030 }).expect(404);
      expect(res.body.code).toBe('NO_TRACKED_ITEMS');
      expect(res.body.message).toContain('没有2029年度的整改事项');
      expect(res.body.message).toContain('请先由管理员导入该组织2029年度的报告');
      // A web user is never told to run a command.
      expect(res.body.message).not.toContain('rectify');
    });

    it('answers an organisation id that is not a uuid 404', async () => {
      const res = await get('sec', '/api/organisations/not-a-uuid/section', { year: 2024 }).expect(404);
      expect(res.body.code).toBe('ORGANISATION_NOT_FOUND');
    });
  });

  describe('the 2024 report', () => {
    const kinds = (findings: Finding[]) => findings.map((f) => f.kind);
    let reportId: string;
    let findings: Finding[];
    let checkedOnImport: unknown;
    let newItems: string[];

    it('is checked without being stored', async () => {
      const res = await upload('sec', '/api/reports/reconcile', { organisationId: q.branch.id }).expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          organisation: { id: q.branch.id, name: q.branch.name },
          reportYear: 2024,
          problemYear: 2023,
          warnings: [],
        }),
      );
      expect(kinds(res.body.reconciliation.findings)).toEqual([
        'claim_disagrees',
        'item_omitted',
        'problem_recurs',
      ]);
      expect(res.body.reconciliation.findings[0].itemId).toBe(ids2023[4]);
      expect(res.body.reconciliation.findings[1].itemId).toBe(ids2023[3]);
      // Claims were compared with the tracking, so the result may speak of agreement.
      expect(res.body.reconciliation.checkedClaims).toBeGreaterThan(0);
      expect(res.body.reconciliation.unchecked).toBeNull();
      const reports = (await get('admin', '/api/reports').expect(200)).body as {
        organisationId: string;
        year: number;
      }[];
      const branchReports = reports.filter((r) => r.organisationId === q.branch.id);
      expect(branchReports.map((r) => r.year)).toEqual([2023]);
    });

    it('is refused without a file', async () => {
      const res = await upload(
        'sec',
        '/api/reports/reconcile',
        { organisationId: q.branch.id },
        false,
      ).expect(400);
      expect(res.body.code).toBe('FILE_MISSING');
    });

    it("is refused for an organisation out of the secretary's scope", async () => {
      const res = await upload('sec4', '/api/reports/reconcile', { organisationId: q.branch.id }).expect(404);
      expect(res.body.code).toBe('ORGANISATION_NOT_FOUND');
    });

    it('is checked on import: the recurring problem and the three findings', async () => {
      const res = await upload('admin', '/api/reports', { organisationId: q.branch.id }).expect(201);
      expect(res.body.created).toBe(true);
      expect(res.body.year).toBe(2024);
      reportId = res.body.reportId;
      newItems = res.body.itemIds;
      expect(newItems).toHaveLength(3);
      expect(res.body.recurring).toHaveLength(1);
      expect(res.body.recurring[0]).toEqual(
        expect.objectContaining({
          itemId: newItems[0],
          earlier: [expect.objectContaining({ itemId: ids2023[3], year: 2023 })],
        }),
      );
      findings = res.body.reconciliation.reconciliation.findings;
      checkedOnImport = res.body.reconciliation;
      expect(findings).toHaveLength(3);
      expect(kinds(findings)).toEqual(['claim_disagrees', 'item_omitted', 'problem_recurs']);
      expect(findings[2].itemId).toBe(newItems[0]);
    });

    it('gives the stored report the same findings later, to the supervisor only', async () => {
      expect(reportId).toBeDefined();
      const res = await get('sup', `/api/reports/${reportId}/reconciliation`).expect(200);
      // The import checks the report while storing it: the stored report's check is the same.
      expect(res.body).toEqual(checkedOnImport);
      expect(res.body.reconciliation.findings).toEqual(findings);
      const sec = await get('sec', `/api/reports/${reportId}/reconciliation`).expect(200);
      expect(sec.body.reconciliation.findings).toEqual(findings);
      const other = await get('sec4', `/api/reports/${reportId}/reconciliation`).expect(404);
      expect(other.body.code).toBe('REPORT_NOT_FOUND');
      const bogus = await get('sup', '/api/reports/not-a-uuid/reconciliation').expect(404);
      expect(bogus.body.code).toBe('REPORT_NOT_FOUND');
    });

    it('lists items with their light and the working days overdue or left', async () => {
      const res = await get('sec', '/api/items', { organisationId: q.branch.id, year: 2023 }).expect(200);
      const byId = Object.fromEntries(res.body.items.map((i: { id: string }) => [i.id, i]));
      // The open 2023 item's deadline (2024-06-30) is long past; completed items are not lit.
      expect(byId[ids2023[3]]).toMatchObject({ light: 'red', workdaysLeft: null });
      expect(byId[ids2023[3]].workdaysOverdue).toBeGreaterThan(400);
      expect(byId[ids2023[0]]).toMatchObject({ light: 'not_lit', workdaysLeft: null, workdaysOverdue: null });
    });

    it('finds the repeated problem with the recurring filter', async () => {
      const res = await get('sup', '/api/items', { recurring: 'true', organisationId: q.branch.id }).expect(
        200,
      );
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({ reportYear: 2024, recurring: true });
      const others = await get('sup', '/api/items', {
        recurring: 'false',
        organisationId: q.branch.id,
      }).expect(200);
      expect(others.body.total).toBe(7);
      expect(others.body.items.every((i: { recurring: boolean }) => !i.recurring)).toBe(true);
    });

    it('links the repeated problem to the 2023 item both ways in the item details', async () => {
      expect(newItems).toBeDefined();
      const repeated = await get('sec', `/api/items/${newItems[0]}`).expect(200);
      expect(repeated.body.recurrence.repeats).toHaveLength(1);
      expect(repeated.body.recurrence.repeats[0]).toEqual(
        expect.objectContaining({ itemId: ids2023[3], year: 2023, title: '党建与业务融合不够紧密' }),
      );
      expect(repeated.body.recurrence.repeatedBy).toEqual([]);
      const earlier = await get('sup', `/api/items/${ids2023[3]}`).expect(200);
      expect(earlier.body.recurrence.repeats).toEqual([]);
      expect(earlier.body.recurrence.repeatedBy.map((r: { itemId: string }) => r.itemId)).toEqual([
        newItems[0],
      ]);
    });
  });
});
