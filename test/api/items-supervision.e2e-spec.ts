import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { addOrganisation, addUser } from '../support/admin-fixtures';
import { binaryParser } from '../support/binary-response';
import { importReport } from '../support/item-commands';

interface Entry {
  id: string;
  title: string;
  organisationName: string;
  reportYear: number;
  status: string;
}

// A supervisor chasing items across branches: the list narrowed to one organisation with or
// without those below it, by stage and year, within the read scope, and exported to .xlsx.
describe('items API for a supervisor: organisation, stage and year filters, and the .xlsx export', () => {
  const tag = randomUUID().slice(0, 8);
  const password = 'test-password-123';
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  const tokens: Record<string, string> = {};
  const orgs: Record<string, string> = {};
  let signedOff: string;

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const list = (who: string, query: Record<string, string | number | boolean>) =>
    request(http)
      .get('/api/items')
      .query({ q: tag, pageSize: 200, ...query })
      .set(as(who));
  const titles = (body: { items: Entry[] }) =>
    body.items.map((i) => `${i.organisationName}|${i.title}`).sort();

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    const db = app.get(DataSource);
    const town = await addOrganisation(db, { name: `镇党委-${tag}` });
    const general = await addOrganisation(db, { name: `总支-${tag}`, parentName: town.name });
    const branchA = await addOrganisation(db, { name: `甲支部-${tag}`, parentName: general.name });
    const branchB = await addOrganisation(db, { name: `乙支部-${tag}`, parentName: town.name });
    const outside = await addOrganisation(db, { name: `外镇-${tag}` });
    Object.assign(orgs, {
      town: town.id,
      general: general.id,
      branchA: branchA.id,
      branchB: branchB.id,
      outside: outside.id,
    });
    for (const [who, org, role] of [
      ['sup', town.name, 'supervisor'],
      ['secA', branchA.name, 'secretary'],
    ] as const) {
      await addUser(db, { username: `${who}-${tag}`, organisationName: org, role, password });
      tokens[who] = (
        await request(http)
          .post('/api/auth/login')
          .send({ username: `${who}-${tag}`, password })
      ).body.accessToken;
    }
    const report = (year: number, name: string) =>
      Buffer.from(
        `${year}年度${name}述职报告 ${tag}\n二、存在问题\n一是${name}学习不够深入${tag}。二是${name}制度执行不严${tag}。\n`,
      );
    await importReport(db, {
      bytes: report(2023, '总支'),
      fileName: 'g.txt',
      organisationName: general.name,
    });
    const a = await importReport(db, {
      bytes: report(2023, '甲'),
      fileName: 'a.txt',
      organisationName: branchA.name,
    });
    await importReport(db, { bytes: report(2024, '乙'), fileName: 'b.txt', organisationName: branchB.name });
    await importReport(db, { bytes: report(2023, '外'), fileName: 'o.txt', organisationName: outside.name });
    // One of 甲's items rectified by its secretary and signed off by the supervisor.
    signedOff = a.itemIds[0];
    const send = (who: string, event: string, payload: object, expectedVersion: number) =>
      request(http)
        .post(`/api/items/${signedOff}/transitions`)
        .set(as(who))
        .send({ event, payload, expectedVersion })
        .expect(200);
    await send(
      'secA',
      'SET_MEASURES',
      { measures: [{ title: '学习', responsible: '张三', deadline: '2024-06-30' }] },
      1,
    );
    await send('secA', 'SUBMIT_COMPLETION', { evidence: '已学习' }, 2);
    await send('sup', 'APPROVE_COMPLETION', {}, 3);
  });
  afterAll(() => app.close());

  it('narrows to an organisation with those below it by default, or to the organisation alone', async () => {
    const withBelow = await list('sup', { organisationId: orgs.general }).expect(200);
    expect(withBelow.body.total).toBe(4);
    expect(new Set(withBelow.body.items.map((i: Entry) => i.organisationName))).toEqual(
      new Set([`总支-${tag}`, `甲支部-${tag}`]),
    );
    const alone = await list('sup', { organisationId: orgs.general, subtree: false }).expect(200);
    expect(alone.body.total).toBe(2);
    expect(alone.body.items.every((i: Entry) => i.organisationName === `总支-${tag}`)).toBe(true);
    // subtree=true is the default spelled out.
    expect(titles((await list('sup', { organisationId: orgs.general, subtree: true })).body)).toEqual(
      titles(withBelow.body),
    );
  });

  it('filters by stage (尚未完成 takes every unfinished status) and by one year or all years', async () => {
    const open = await list('sup', { organisationId: orgs.town, stage: 'open' }).expect(200);
    expect(open.body.total).toBe(5);
    expect(open.body.items.map((i: Entry) => i.id)).not.toContain(signedOff);
    const done = await list('sup', { organisationId: orgs.town, stage: 'completed' }).expect(200);
    expect(done.body.items.map((i: Entry) => i.id)).toEqual([signedOff]);
    const allYears = await list('sup', { organisationId: orgs.town }).expect(200);
    expect(allYears.body.items.map((i: Entry) => i.reportYear).sort()).toEqual([
      2023, 2023, 2023, 2023, 2024, 2024,
    ]);
    const one = await list('sup', { organisationId: orgs.town, year: 2024 }).expect(200);
    expect(new Set(one.body.items.map((i: Entry) => i.organisationName))).toEqual(new Set([`乙支部-${tag}`]));
  });

  it('refuses an organisation outside the read scope as not found, in Chinese, revealing nothing', async () => {
    for (const [who, org] of [
      ['sup', orgs.outside],
      ['secA', orgs.town],
      ['secA', orgs.general],
      ['sup', randomUUID()],
    ]) {
      const res = await list(who, { organisationId: org }).expect(404);
      expect(res.body).toMatchObject({
        code: 'ORGANISATION_NOT_FOUND',
        message: '所选党组织不存在或不在您的查看范围内：请重新选择党组织。',
      });
    }
    // Their own branch is theirs to filter by.
    expect((await list('secA', { organisationId: orgs.branchA }).expect(200)).body.total).toBe(2);
  });

  it('refuses a malformed stage or subtree with the field named in Chinese', async () => {
    const stage = await list('sup', { stage: 'done' }).expect(400);
    expect(stage.body.code).toBe('VALIDATION_FAILED');
    expect(stage.body.details).toEqual([
      { field: 'stage', problems: ['取值无效，可选：open、long_term、completed'] },
    ]);
    const subtree = await list('sup', { organisationId: orgs.town, subtree: 'maybe' }).expect(400);
    expect(subtree.body.details).toEqual([{ field: 'subtree', problems: ['必须是 true 或 false'] }]);
  });

  it('exports exactly the filtered rows of every page to .xlsx, and refuses what the list refuses', async () => {
    const filters = { q: tag, organisationId: orgs.town, stage: 'open' };
    // The list one row a page: the export still holds all of them.
    const firstPage = await list('sup', { ...filters, pageSize: 1 }).expect(200);
    expect(firstPage.body.items).toHaveLength(1);
    const res = await request(http)
      .get('/api/items/export')
      .query(filters)
      .set(as('sup'))
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('整改事项清单'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(2).values as string[]).slice(1);
    expect(header).toEqual([
      '序号',
      '党组织',
      '年度',
      '问题',
      '问题来源',
      '状态',
      '整改时限',
      '亮灯',
      '剩余/超期',
      '反复出现',
      '备注',
    ]);
    const rows: string[] = [];
    for (let r = 3; r < 3 + firstPage.body.total; r++) {
      const row = sheet.getRow(r);
      rows.push(`${String(row.getCell(2).value)}|${String(row.getCell(4).value)}`);
      expect(row.getCell(6).value).toBe('问题已查摆');
    }
    expect(rows.sort()).toEqual(titles((await list('sup', filters).expect(200)).body));
    expect(String(sheet.getRow(3 + firstPage.body.total).getCell(4).value ?? '')).toBe('');
    expect(String(sheet.getCell(1, 1).value)).toBe(`整改事项清单（共 ${firstPage.body.total} 项）`);

    const outside = await request(http)
      .get('/api/items/export')
      .query({ organisationId: orgs.outside })
      .set(as('sup'))
      .expect(404);
    expect(outside.body.code).toBe('ORGANISATION_NOT_FOUND');
    const paged = await request(http).get('/api/items/export').query({ page: 2 }).set(as('sup')).expect(400);
    expect(paged.body.details).toEqual([{ field: 'page', problems: ['不允许的字段，请删除'] }]);
    await request(http).get('/api/items/export').expect(401);
  });
});
