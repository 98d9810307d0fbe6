import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { makePdf, textPage } from '../support/make-pdf';
import { conformanceProblems, type OpenApiDocument, responseSchema } from '../support/openapi-conformance';
import { createTestDatabase } from '../support/test-database';
import { directoryWorkbook } from '../support/directory-workbook';

const ROOT = join(__dirname, '../..');
const DEMO_PASSWORD = 'rectify-demo';

// What the API really answers, on the demo data (items in every stage, histories with most kinds
// of events, a next-year report to reconcile), is what its OpenAPI document says it answers: the
// web's generated client trusts these types.
describe('responses conform to the OpenAPI document', () => {
  let database: { url: string; drop: () => Promise<void> };
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let doc: OpenApiDocument;
  let admin: Record<string, string>;
  /** "GET /api/items/{id}" for each operation a test has called. */
  const called = new Set<string>();

  /** Sends, expects a documented success status, and checks the body against its schema. */
  async function conforms(
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    template: string,
    status: number,
    send: (path: string) => request.Test,
    params: Record<string, string> = {},
  ): Promise<request.Response> {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
    const res = await send(path);
    called.add(`${method.toUpperCase()} ${template}`);
    expect({ route: `${method.toUpperCase()} ${template}`, status: res.status }).toEqual({
      route: `${method.toUpperCase()} ${template}`,
      status,
    });
    const problems = conformanceProblems(doc, responseSchema(doc, method, template, status), res.body);
    expect({ route: `${method.toUpperCase()} ${template}`, problems }).toEqual({
      route: `${method.toUpperCase()} ${template}`,
      problems: [],
    });
    return res;
  }
  const get = (template: string, params: Record<string, string> = {}, query: object = {}) =>
    conforms('get', template, 200, (p) => request(http).get(p).query(query).set(admin), params);

  beforeAll(async () => {
    database = await createTestDatabase();
    const seeded = spawnSync(process.execPath, [join(ROOT, 'bin/rectify.js'), 'demo'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: 'utf8',
    });
    if (seeded.status !== 0) throw new Error(`seeding the demo data failed:\n${seeded.stderr}`);
    app = await createApiApp(
      readApiConfig({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'rectify-evidence-')),
      }),
    );
    await app.init();
    http = app.getHttpServer();
    doc = (await request(http).get('/api/docs/openapi.json').expect(200)).body;
    const login = await conforms('post', '/api/auth/login', 200, (p) =>
      request(http).post(p).send({ username: 'admin', password: DEMO_PASSWORD }),
    );
    admin = { Authorization: `Bearer ${login.body.accessToken}` };
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('the checker finds a missing, an undocumented and a mistyped property', () => {
    const schema = responseSchema(doc, 'get', '/api/items/{id}/events', 200);
    expect(conformanceProblems(doc, schema, { events: ['SET_MEASURES'] })).toEqual([]);
    expect(conformanceProblems(doc, schema, {})).toEqual(['$.events: missing']);
    expect(conformanceProblems(doc, schema, { events: ['FLY'], extra: 1 })).toEqual([
      '$.events[0]: "FLY" is not in ' + JSON.stringify(doc.components.schemas.RectificationEventType.enum),
      '$.extra: not documented',
    ]);
  });

  it('for the user, the organisations, the users and the reminders', async () => {
    // Rows only the worker writes (it is not running here): a sent and a failed reminder, an
    // item whose reminders could not be scheduled, a message in the development mailbox.
    const db = app.get(DataSource);
    const [{ itemId, userId }] = await db.query(
      `SELECT i.id AS "itemId", u.id AS "userId" FROM rectification_item i, app_user u WHERE u.username = 'admin' LIMIT 1`,
    );
    await db.query(
      `INSERT INTO reminder_delivery (recipient_id, item_id, kind, due_date, send_on, status, attempts, message_id, error, sent_at)
       VALUES ($1, $2, 'approaching', '2024-06-30', '2024-06-24', 'sent', 1, '<sent@rectify>', NULL, now()),
              ($1, $2, 'due', '2024-06-30', '2024-06-30', 'failed', 8, NULL, '收件人没有邮箱地址：请在用户管理中补充。', NULL)`,
      [userId, itemId],
    );
    await db.query(
      `INSERT INTO outbox (item_id, reason, attempts, last_error, next_attempt_at)
       VALUES ($1, 'SET_MEASURES', 2, '队列暂时无法连接。', now() + interval '1 minute')`,
      [itemId],
    );
    const [mail] = await db.query(
      `INSERT INTO dev_mailbox (envelope_from, envelope_to, subject, message_id, raw)
       VALUES ('rectify@localhost', 'admin@qingshi.example', '【整改提醒】', '<m@rectify>', $1) RETURNING id::text AS id`,
      ['From: rectify@localhost\r\nTo: admin@qingshi.example\r\nSubject: test\r\n\r\nhello\r\n'],
    );
    await get('/api/dev/mailbox/{id}', { id: mail.id });
    await get('/api/me');
    const tree = await get('/api/organisations');
    await get('/api/users');
    await get('/api/reminders/deliveries');
    await get('/api/reminders/outbox-failures');
    await get('/api/dev/mailbox');
    const created = await conforms('post', '/api/organisations', 201, (p) =>
      request(http).post(p).set(admin).send({ name: '契约测试党支部', parentId: tree.body[0].id }),
    );
    const user = await conforms('post', '/api/users', 201, (p) =>
      request(http)
        .post(p)
        .set(admin)
        .send({
          username: 'contract.shuji',
          displayName: '契约测试书记',
          organisationId: created.body.id,
          positions: [{ kind: 'secretary' }],
          password: 'Qingshi-contract-2024',
        }),
    );
    const id = { id: user.body.id as string };
    // Organisation administration, on an organisation of its own below the created one.
    const org = await conforms('post', '/api/organisations', 201, (p) =>
      request(http).post(p).set(admin).send({ name: '契约测试小组', parentId: tree.body[0].id }),
    );
    const orgId = { id: org.body.id as string };
    await conforms(
      'patch',
      '/api/organisations/{id}',
      200,
      (p) => request(http).patch(p).set(admin).send({ name: '契约测试党小组', kind: 'branch' }),
      orgId,
    );
    await conforms(
      'post',
      '/api/organisations/{id}/move',
      200,
      (p) => request(http).post(p).set(admin).send({ parentId: created.body.id }),
      orgId,
    );
    await conforms(
      'post',
      '/api/organisations/{id}/deactivate',
      200,
      (p) => request(http).post(p).set(admin),
      orgId,
    );
    await conforms(
      'post',
      '/api/organisations/{id}/activate',
      200,
      (p) => request(http).post(p).set(admin),
      orgId,
    );
    await conforms(
      'patch',
      '/api/users/{id}',
      200,
      (p) => request(http).patch(p).set(admin).send({ phone: '13800000000' }),
      id,
    );
    await conforms(
      'put',
      '/api/users/{id}/positions',
      200,
      (p) =>
        request(http)
          .put(p)
          .set(admin)
          .send({ positions: [{ kind: 'secretary' }, { kind: 'organising_member', rights: ['supervise'] }] }),
      id,
    );
    await conforms('post', '/api/users/{id}/deactivate', 200, (p) => request(http).post(p).set(admin), id);
    await conforms('post', '/api/users/{id}/activate', 200, (p) => request(http).post(p).set(admin), id);
    const reset = await conforms(
      'post',
      '/api/users/{id}/reset-password',
      200,
      (p) => request(http).post(p).set(admin),
      id,
    );
    const oneTime = reset.body.oneTimePassword as string;
    const signedIn = await conforms('post', '/api/auth/login', 200, (p) =>
      request(http).post(p).send({ username: 'contract.shuji', password: oneTime }),
    );
    await conforms('post', '/api/me/password', 200, (p) =>
      request(http)
        .post(p)
        .set({ Authorization: `Bearer ${signedIn.body.accessToken}` })
        .send({ currentPassword: oneTime, newPassword: 'Qingshi-contract-2025' }),
    );
  });

  it('for every item of the demo, its detail, its events and the commands on it', async () => {
    const page = await get('/api/items', {}, { pageSize: 100 });
    const items: { id: string; status: string; version: number }[] = page.body.items;
    expect(items.length).toBeGreaterThan(5);
    const allowed = new Map<string, string[]>();
    for (const item of items) {
      await get('/api/items/{id}', { id: item.id });
      allowed.set(item.id, (await get('/api/items/{id}/events', { id: item.id })).body.events);
    }
    const open = items.find((i) => allowed.get(i.id)!.includes('ADD_PROGRESS_NOTE'))!;
    const unplanned = items.find((i) => i.id !== open.id && allowed.get(i.id)!.includes('SET_MEASURES'))!;
    let version = open.version;
    const detailsChanged = await conforms(
      'patch',
      '/api/items/{id}',
      200,
      (p) =>
        request(http).patch(p).set(admin).send({ responsibleLeader: '李书记', expectedVersion: version }),
      { id: open.id },
    );
    version = detailsChanged.body.version;
    const noted = await conforms(
      'post',
      '/api/items/{id}/notes',
      201,
      (p) => request(http).post(p).set(admin).send({ note: '已召开专题会议', expectedVersion: version }),
      { id: open.id },
    );
    version = noted.body.version;
    const moved = await conforms(
      'post',
      '/api/items/{id}/transitions',
      200,
      (p) =>
        request(http)
          .post(p)
          .set(admin)
          .send({ event: 'ADD_PROGRESS_NOTE', payload: { note: '进展顺利' }, expectedVersion: version }),
      { id: open.id },
    );
    version = moved.body.version;
    await conforms(
      'put',
      '/api/items/{id}/measures',
      200,
      (p) =>
        request(http)
          .put(p)
          .set(admin)
          .send({
            measures: [{ title: '每月专题学习', responsible: '王委员', deadline: '2099-06-30' }],
            expectedVersion: unplanned.version,
          }),
      { id: unplanned.id },
    );
    const bulk = await conforms('post', '/api/items/bulk-transitions', 200, (p) =>
      request(http)
        .post(p)
        .set(admin)
        .send({
          itemIds: [open.id, '00000000-0000-4000-8000-000000000000'],
          event: 'ADD_PROGRESS_NOTE',
          payload: { note: '批量记录' },
        }),
    );
    expect(bulk.body).toMatchObject({ succeeded: 1, failed: 1 });
    const pdf = makePdf([textPage(['meeting minutes'])]);
    const uploaded = await conforms(
      'post',
      '/api/items/{id}/evidence',
      201,
      (p) => request(http).post(p).set(admin).field('text', '会议记录').attach('file', pdf, '会议记录.pdf'),
      { id: open.id },
    );
    const file = await request(http)
      .get(`/api/items/${open.id}/evidence/${uploaded.body.id}`)
      .set(admin)
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    called.add('GET /api/items/{id}/evidence/{evidenceId}');
    await get('/api/items/{id}', { id: open.id });
    await conforms(
      'delete',
      '/api/items/{id}/evidence/{evidenceId}',
      200,
      (p) => request(http).delete(p).set(admin),
      {
        id: open.id,
        evidenceId: uploaded.body.id,
      },
    );
    await get('/api/items/{id}', { id: open.id });
    const tree = await get('/api/organisations');
    const createdItems = await conforms('post', '/api/items', 201, (p) =>
      request(http).post(p).set(admin).send({
        organisationId: tree.body[0].id,
        source: 'superior_review',
        list: '1. 契约测试问题一\n2. 契约测试问题二',
      }),
    );
    // A created item's detail (no report, its CREATE line) conforms too.
    await get('/api/items/{id}', { id: createdItems.body.items[0].id });
    // Withdrawn (撤销, its detail with the withdrawal and the WITHDRAW line), then restored.
    const mistaken = createdItems.body.items[1].id;
    const withdrawn = await conforms(
      'post',
      '/api/items/{id}/withdraw',
      200,
      (p) => request(http).post(p).set(admin).send({ version: 1, reason: '契约测试撤销' }),
      { id: mistaken },
    );
    await get('/api/items/{id}', { id: mistaken });
    await get('/api/items', {}, { withdrawn: 'only' });
    await conforms(
      'post',
      '/api/items/{id}/restore',
      200,
      (p) => request(http).post(p).set(admin).send({ version: withdrawn.body.version, note: '恢复' }),
      { id: mistaken },
    );
    await get('/api/items/{id}', { id: mistaken });
  });

  it('for the reports, their reconciliation and the closing-the-loop outputs', async () => {
    const reports = await get('/api/reports');
    const list: { id: string; year: number | null; organisationId: string }[] = reports.body;
    for (const report of list) await get('/api/reports/{id}', { id: report.id });
    const next = list.find((r) => r.year === 2024)!;
    await get('/api/reports/{id}/reconciliation', { id: next.id });
    const text = await request(http).get(`/api/reports/${next.id}/text`).set(admin).expect(200);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    called.add('GET /api/reports/{id}/text');
    const organisationId = next.organisationId;
    await get('/api/organisations/{id}/section', { id: organisationId }, { year: 2024 });
    await get('/api/organisations/{id}/summary', { id: organisationId }, { year: 2023 });
    await get('/api/organisations/{id}/ledger', { id: organisationId }, { year: 2023 });
    const exported = await request(http)
      .get('/api/items/export')
      .query({ organisationId, year: 2023 })
      .set(admin)
      .expect(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    called.add('GET /api/items/export');
    await get('/api/organisations/{id}/overdue-trend', { id: organisationId });
    await get('/api/organisations/{id}/people', { id: organisationId });
    const report = Buffer.from(
      '2025年度党支部述职报告\n一、上年度整改情况\n针对"学习不够深入"问题，已整改完成。\n二、存在问题\n一是学习不够深入。二是制度执行不严。\n三、下步打算\n1.加强学习。\n',
    );
    await conforms('post', '/api/reports/preview', 201, (p) =>
      request(http).post(p).set(admin).attach('file', report, 'report.txt'),
    );
    await conforms('post', '/api/reports/reconcile', 200, (p) =>
      request(http)
        .post(p)
        .set(admin)
        .field('organisationId', organisationId)
        .field('year', '2025')
        .attach('file', report, 'report.txt'),
    );
    const imported = await conforms('post', '/api/reports', 201, (p) =>
      request(http)
        .post(p)
        .set(admin)
        .field('organisationId', organisationId)
        .field('year', '2025')
        .attach('file', report, 'report.txt'),
    );
    // Nobody worked on it: the import can be removed (删除导入).
    await conforms('delete', '/api/reports/{id}', 200, (p) => request(http).delete(p).set(admin), {
      id: imported.body.reportId,
    });
  });

  it('the directory template and import, refused by row and accepted', async () => {
    const template = await request(http).get('/api/directory/template.xlsx').set(admin).expect(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    called.add('GET /api/directory/template.xlsx');
    const row = ['契约村党支部', '青石镇党委', '党支部', '契约', 'contract.directory', '书记', '', ''];
    const refused = await directoryWorkbook([row.map((cell, i) => (i === 5 ? '主任' : cell))]);
    const accepted = await directoryWorkbook([row]);
    await conforms('post', '/api/directory/import', 422, (p) =>
      request(http).post(p).set(admin).attach('file', refused, '组织和人员.xlsx'),
    );
    await conforms('post', '/api/directory/import', 200, (p) =>
      request(http).post(p).set(admin).attach('file', accepted, '组织和人员.xlsx'),
    );
  });

  it('for the notification centre, the notification preferences and the group robots', async () => {
    // Rows only the fan-out and the worker write (neither runs here): a message for the
    // administrator, and a failed delivery of a robot of the town.
    const db = app.get(DataSource);
    const [{ itemId, userId, orgId }] = await db.query(
      `SELECT i.id AS "itemId", u.id AS "userId", o.id AS "orgId"
         FROM rectification_item i, app_user u, organisation o
        WHERE u.username = 'admin' AND o.parent_id IS NULL LIMIT 1`,
    );
    const [message] = await db.query(
      `INSERT INTO notification (dedupe_key, kind, channel, item_id, recipient_id, headline, detail, status, sent_at)
       VALUES ('conformance:in_app', 'returned', 'in_app', $1, $2, '「事项」被退回整改', '原因：材料不全', 'sent', now())
       RETURNING id::text AS id`,
      [itemId, userId],
    );
    await get('/api/me/notifications', {}, { unread: 'true', limit: 10 });
    await get('/api/me/notifications/unread-count');
    await get('/api/me/todo');
    await conforms('post', '/api/me/notifications/read', 200, (p) =>
      request(http)
        .post(p)
        .set(admin)
        .send({ ids: [message.id] }),
    );
    await get('/api/me/notification-preferences');
    await conforms('put', '/api/me/notification-preferences', 200, (p) =>
      request(http)
        .put(p)
        .set(admin)
        .send({ emailMode: 'digest', emailKinds: ['submitted'] }),
    );

    const wecom = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa';
    const saved = await conforms(
      'put',
      '/api/organisations/{id}/robots/{platform}',
      200,
      (p) => request(http).put(p).set(admin).send({ webhookUrl: wecom, quietHours: null }),
      { id: orgId, platform: 'wecom' },
    );
    expect(saved.body.webhook).not.toContain('693a91f6-7aaa');
    const [robot] = await db.query(`SELECT id FROM organisation_robot WHERE organisation_id = $1`, [orgId]);
    await db.query(
      `UPDATE organisation_robot SET failed_at = now(), last_error = '企业微信机器人的 Webhook 已失效。', last_sent_at = now() WHERE id = $1`,
      [robot.id],
    );
    await db.query(
      `INSERT INTO notification (dedupe_key, kind, channel, item_id, robot_id, headline, detail, status, error, attempts)
       VALUES ('conformance:robot', 'overdue', 'robot', $1, $2, '「事项」已逾期', '', 'failed', 'Webhook 已失效。', 3)`,
      [itemId, robot.id],
    );
    await get('/api/organisations/{id}/robots', { id: orgId });
    await get('/api/organisations/{id}/robots/deliveries', { id: orgId }, { status: 'failed' });
    const feishu = 'https://open.feishu.cn/open-apis/bot/v2/hook/0123456789abcdef';
    await conforms(
      'put',
      '/api/organisations/{id}/robots/{platform}',
      200,
      (p) => request(http).put(p).set(admin).send({ webhookUrl: feishu }),
      { id: orgId, platform: 'feishu' },
    );
    await conforms(
      'delete',
      '/api/organisations/{id}/robots/{platform}',
      200,
      (p) => request(http).delete(p).set(admin),
      { id: orgId, platform: 'feishu' },
    );
  });

  it('called every operation but the health check (add a call here for a new route)', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.filter((op) => !called.has(op))).toEqual(['GET /api/health']);
  });
});
