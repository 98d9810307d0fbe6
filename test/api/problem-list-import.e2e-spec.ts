import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { addOrganisation, addUser } from '../support/admin-fixtures';

/** A 问题清单 workbook as an organisation keeps it: a title row, a header with a line break, rows. */
async function problemListXlsx(tag: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('问题清单');
  ws.addRow([`青石村党支部2024年度问题整改清单 ${tag}`]);
  ws.mergeCells('A1:J1');
  ws.addRow([
    '序号',
    '问题来源',
    '存在问题',
    '整改措施',
    '责任领导',
    '责任单位',
    '责任人',
    '整改\n时限',
    '整改进展',
    '备注',
  ]);
  ws.addRow([
    1,
    '巡察反馈',
    '理论学习不够深入，学用结合不紧。',
    '1.制定学习计划；2.每季度专题研讨',
    '王书记',
    '村党支部',
    '李委员',
    new Date(Date.UTC(2024, 5, 30)),
    '已完成',
    '留存记录',
  ]);
  ws.addRow([
    2,
    '组织生活会',
    '组织生活不够规范',
    '严格落实三会一课',
    '王书记',
    '村党支部',
    '',
    '2024年9月底',
    '正在整改',
    '',
  ]);
  ws.addRow(['', '', '', '规范会议记录', '', '', '赵委员', '', '', '']);
  ws.addRow([
    3,
    '自查',
    '服务群众精准度不够',
    '建立居民诉求台账',
    '王书记',
    '',
    '孙委员',
    '长期坚持',
    '长期坚持',
    '',
  ]);
  ws.addRow([4, '自查', '阵地利用率不高', '', '', '', '', '6月底', '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importing a 问题清单 spreadsheet through the API', () => {
  const tag = randomUUID().slice(0, 8);
  const password = 'test-password-123';
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let org: string;
  let token: string;

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    const db = app.get(DataSource);
    const town = await addOrganisation(db, { name: `镇党委-${tag}` });
    org = (await addOrganisation(db, { name: `青石村党支部-${tag}`, parentName: town.name })).id;
    await addUser(db, { username: `admin-${tag}`, organisationName: town.name, role: 'admin', password });
    token = (
      await request(http)
        .post('/api/auth/login')
        .send({ username: `admin-${tag}`, password })
    ).body.accessToken;
  });
  afterAll(() => app.close());

  const upload = (bytes: Buffer, name: string) =>
    request(http)
      .post('/api/reports')
      .set({ Authorization: `Bearer ${token}` })
      .attach('file', bytes, name)
      .field('organisationId', org);
  const item = async (id: string) =>
    (
      await request(http)
        .get(`/api/items/${id}`)
        .set({ Authorization: `Bearer ${token}` })
        .expect(200)
    ).body;

  it('stores one item per row with measures, owners, deadlines, statuses and the row’s other columns', async () => {
    const res = await upload(await problemListXlsx(tag), '问题清单.xlsx').expect(201);
    expect(res.body).toMatchObject({ created: true, year: 2024 });
    expect(res.body.itemIds).toHaveLength(4);
    expect(res.body.warnings).toEqual(
      expect.arrayContaining([
        '工作表"问题清单"第7行：整改时限"6月底"缺少年份，已保留原文，请导入后补填日期。',
      ]),
    );
    const [first, second, third, fourth] = await Promise.all(res.body.itemIds.map(item));

    expect(first).toMatchObject({
      title: '理论学习不够深入',
      status: 'completed',
      deadline: '2024-06-30',
      responsibleLeader: '王书记',
      detail: '学用结合不紧。\n问题来源：巡察反馈\n责任单位：村党支部\n备注：留存记录',
      source: 'self_inspection',
    });
    expect(first.measures).toEqual([
      {
        seq: 1,
        title: '制定学习计划',
        responsible: '李委员',
        responsibleUserId: null,
        deadline: '2024-06-30',
      },
      {
        seq: 2,
        title: '每季度专题研讨',
        responsible: '李委员',
        responsibleUserId: null,
        deadline: '2024-06-30',
      },
    ]);
    expect(first.history).toEqual([
      expect.objectContaining({
        event: 'IMPORT',
        fromStatus: null,
        toStatus: 'completed',
        payload: expect.objectContaining({
          progress: 'completed',
          progressText: '已完成',
          row: 3,
          sheet: '问题清单',
        }),
      }),
    ]);

    expect(second).toMatchObject({ status: 'measures_set', deadline: '2024-09-30' });
    expect(
      second.measures.map((m: { title: string; responsible: string }) => [m.title, m.responsible]),
    ).toEqual([
      ['严格落实三会一课', '赵委员'],
      ['规范会议记录', '赵委员'],
    ]);

    expect(third).toMatchObject({ status: 'long_term', deadline: null, reviewIntervalDays: 90 });
    expect(third.detail).toContain('整改时限：长期坚持');

    expect(fourth).toMatchObject({ status: 'identified', deadline: null, measures: [] });
    expect(fourth.detail).toBe('问题来源：自查\n整改时限：6月底');

    // The IMPORT line carries the deadline for the overdue trend; planned and long-term items
    // are handed to the reminder relay at once.
    const db = app.get(DataSource);
    const lines: { deadline: string | null }[] = await db.query(
      `SELECT to_char(deadline, 'YYYY-MM-DD') AS deadline FROM item_history WHERE item_id = ANY($1::uuid[]) ORDER BY item_id = $2 DESC`,
      [res.body.itemIds, first.id],
    );
    expect(lines[0].deadline).toBe('2024-06-30');
    const outbox: { item_id: string }[] = await db.query(
      `SELECT item_id FROM outbox WHERE reason = 'IMPORT' AND item_id = ANY($1::uuid[])`,
      [res.body.itemIds],
    );
    expect(outbox.map((r) => r.item_id).sort()).toEqual([second.id, third.id].sort());
  });

  it('leaves imported items in states the workflow continues from', async () => {
    const res = await upload(await problemListXlsx(`${tag}-events`), '问题清单2.xlsx').expect(201);
    const events = async (id: string) =>
      (
        await request(http)
          .get(`/api/items/${id}/events`)
          .set({ Authorization: `Bearer ${token}` })
          .expect(200)
      ).body.events;
    const [completed, planned, longTerm, identified] = await Promise.all(res.body.itemIds.map(events));
    expect(completed).toEqual(expect.arrayContaining(['REOPEN']));
    expect(planned).toEqual(expect.arrayContaining(['SUBMIT_COMPLETION', 'APPROVE_LONG_TERM']));
    expect(longTerm).toEqual(expect.arrayContaining(['RECORD_LONG_TERM_REVIEW', 'SUBMIT_COMPLETION']));
    expect(identified).toEqual(expect.arrayContaining(['SET_MEASURES']));
  });

  it('imports a GB18030 CSV saved by Excel and reports its bad row by number', async () => {
    const csv = [
      `甲村党支部问题清单 ${tag}`,
      '序号,存在问题,整改措施,责任人,完成时限,完成情况',
      '1,党员教育管理不严,建立积分台账,周委员,2024.12.31,推进中',
      '2,,开展检查,吴委员,2024年6月底,',
      '',
    ].join('\r\n');
    const res = await upload(iconv.encode(csv, 'gb18030'), '清单.csv').expect(201);
    expect(res.body.itemIds).toHaveLength(1);
    expect(res.body.warnings).toEqual(expect.arrayContaining(['表格第4行：序号"2"未填写问题，已跳过该行。']));
    expect(await item(res.body.itemIds[0])).toMatchObject({
      title: '党员教育管理不严',
      status: 'measures_set',
      deadline: '2024-12-31',
      measures: [{ seq: 1, title: '建立积分台账', responsible: '周委员', deadline: '2024-12-31' }],
    });
  });

  it('refuses a workbook without a problem list with 422 and says which columns it looks for', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('通讯录').addRow(['姓名', '职务', '电话']);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), '通讯录.xlsx').expect(422);
    expect(res.body.details.reason).toBe('NO_PROBLEM_TABLE');
    expect(res.body.message).toMatch(/^未找到问题清单表头：.*"存在问题"/);
  });
});
