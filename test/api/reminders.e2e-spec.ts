import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { importReport } from '../support/item-commands';
import { addOrganisation, addUser } from '../support/admin-fixtures';

const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

/** A reminder as the development SMTP sink stores it: the full RFC 822 text. */
const reminderMail = (messageId: string) =>
  [
    `From: ${encodedWord('整改闭环跟踪系统')} <rectify@localhost>`,
    `To: ${encodedWord('甲村书记')} <jia@example.org>`,
    `Subject: ${encodedWord('【整改提醒】学习不够深入 将于2024-06-30到期')}`,
    `Message-ID: <${messageId}>`,
    'Date: Mon, 24 Jun 2024 09:00:00 +0800',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    '整改事项"学习不够深入"将于2024-06-30到期，请及时提交整改佐证。',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    '<p>整改事项<b>学习不够深入</b>将于2024-06-30到期。</p>',
    '--b1--',
    '',
  ].join('\r\n');

// Reminder ledger, development mailbox, queue dashboard and health, against the real
// PostgreSQL and Redis; ledger and mailbox rows are written directly, as the worker would.
describe('reminders API, development mailbox and queue dashboard', () => {
  const tag = randomUUID().slice(0, 8);
  const password = 'test-password-123';
  const prefix = `rectify-reminders-e2e-${tag}`;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  const usernames: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  let item: string;
  let mailIds: string[];
  let remindersQueue: Queue;

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const deliveries = (who: string, query: Record<string, string> = {}) =>
    request(http).get('/api/reminders/deliveries').query(query).set(as(who));

  beforeAll(async () => {
    if (!process.env.DATABASE_URL || !process.env.REDIS_URL)
      throw new Error('DATABASE_URL or REDIS_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(
      readApiConfig({
        NODE_ENV: 'test',
        DATABASE_URL: process.env.DATABASE_URL,
        REDIS_URL: process.env.REDIS_URL,
        QUEUE_PREFIX: prefix,
      }),
    );
    await app.init();
    http = app.getHttpServer();
    db = app.get(DataSource);
    const town = await addOrganisation(db, { name: `镇党委-${tag}` });
    const a = await addOrganisation(db, { name: `甲村党支部-${tag}`, parentName: town.name });
    const b = await addOrganisation(db, { name: `乙村党支部-${tag}`, parentName: town.name });
    const users = [
      ['secA', a.name, 'secretary'],
      ['secB', b.name, 'secretary'],
      ['sup', town.name, 'supervisor'],
      ['admin', town.name, 'admin'],
    ] as const;
    for (const [who, org, role] of users) {
      usernames[who] = `${who}-${tag}`;
      userIds[who] = (
        await addUser(db, { username: usernames[who], organisationName: org, role, password })
      ).id;
      const res = await request(http).post('/api/auth/login').send({ username: usernames[who], password });
      tokens[who] = res.body.accessToken;
    }
    const imported = await importReport(db, {
      bytes: Buffer.from(
        `2023年度甲村述职报告 ${tag}\n二、存在问题\n一是学习不够深入。\n三、下步打算\n1.加强学习。\n`,
      ),
      fileName: 'a.txt',
      organisationName: a.name,
    });
    [item] = imported.itemIds;
    await db.query(
      `INSERT INTO reminder_delivery (recipient_id, item_id, kind, due_date, send_on, status, attempts, message_id, error, sent_at)
       VALUES ($1, $2, 'approaching', '2024-06-30', '2024-06-24', 'sent', 1, '<sent@rectify>', NULL, now()),
              ($1, $2, 'due', '2024-06-30', '2024-06-30', 'failed', 8, NULL, '收件人没有邮箱地址：请在用户管理中补充。', NULL)`,
      [userIds.secA, item],
    );
    const inserted: { id: string }[] = await db.query(
      `INSERT INTO dev_mailbox (envelope_from, envelope_to, subject, message_id, raw)
       VALUES ('rectify@localhost', 'jia@example.org', '【整改提醒】一', $1, $2),
              ('rectify@localhost', 'jia@example.org', '【整改提醒】二', $3, $4)
       RETURNING id::text AS id`,
      [
        `<one-${tag}@rectify>`,
        reminderMail(`one-${tag}@rectify`),
        `<two-${tag}@rectify>`,
        reminderMail(`two-${tag}@rectify`),
      ],
    );
    mailIds = inserted.map((r) => r.id);
    // One reminder waiting for its day, as the worker would have queued it.
    remindersQueue = new Queue('reminders', { connection: { url: process.env.REDIS_URL }, prefix });
    await remindersQueue.add('reminder', { itemId: item }, { jobId: `e2e-${tag}`, delay: 86_400_000 });
  });
  afterAll(async () => {
    await remindersQueue.close();
    await app.close();
  });

  describe('GET /api/reminders/deliveries', () => {
    it("shows a branch's reminders to its secretary and to the supervisor above, not to another branch", async () => {
      const own = await deliveries('secA').expect(200);
      expect(own.body.map((d: { status: string }) => d.status).sort()).toEqual(['failed', 'sent']);
      expect(own.body[0]).toMatchObject({
        itemId: item,
        itemTitle: expect.stringContaining('学习不够深入'),
        recipient: { id: userIds.secA, username: usernames.secA },
        dueDate: '2024-06-30',
      });
      const supervisor = await deliveries('sup', { itemId: item }).expect(200);
      expect(supervisor.body).toHaveLength(2);
      const other = await deliveries('secB').expect(200);
      expect(other.body.filter((d: { itemId: string }) => d.itemId === item)).toEqual([]);
    });

    it('filters by status and shows a failed delivery with its Chinese reason', async () => {
      const failed = await deliveries('sup', { status: 'failed', itemId: item }).expect(200);
      expect(failed.body).toEqual([
        expect.objectContaining({
          kind: 'due',
          status: 'failed',
          attempts: 8,
          error: '收件人没有邮箱地址：请在用户管理中补充。',
          sentAt: null,
        }),
      ]);
    });

    it('refuses an unknown status or a limit outside 1..500 with the field named', async () => {
      const bad = await deliveries('admin', { status: 'lost', limit: '501' }).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['limit', 'status']);
      await deliveries('admin', { limit: '0' }).expect(400);
    });
  });

  describe('development mailbox', () => {
    it('lists what the SMTP sink received, newest first, to an administrator only', async () => {
      const list = await request(http)
        .get('/api/dev/mailbox')
        .query({ limit: 2 })
        .set(as('admin'))
        .expect(200);
      expect(list.body.map((m: { id: string }) => m.id)).toEqual([...mailIds].reverse());
      expect(list.body[0]).toEqual({
        id: mailIds[1],
        from: 'rectify@localhost',
        to: 'jia@example.org',
        subject: '【整改提醒】二',
        messageId: `<two-${tag}@rectify>`,
        receivedAt: expect.any(String),
      });
      const refused = await request(http).get('/api/dev/mailbox').set(as('sup')).expect(403);
      expect(refused.body).toEqual({
        code: 'ADMIN_ONLY',
        message: expect.stringContaining('管理员'),
        details: {},
      });
      await request(http).get(`/api/dev/mailbox/${mailIds[0]}`).set(as('secA')).expect(403);
    });

    it('shows one message decoded: Chinese headers, plain text and HTML', async () => {
      const mail = await request(http).get(`/api/dev/mailbox/${mailIds[0]}`).set(as('admin')).expect(200);
      expect(mail.body).toEqual({
        id: mailIds[0],
        from: '"整改闭环跟踪系统" <rectify@localhost>',
        to: '"甲村书记" <jia@example.org>',
        subject: '【整改提醒】学习不够深入 将于2024-06-30到期',
        messageId: `<one-${tag}@rectify>`,
        date: '2024-06-24T01:00:00.000Z',
        text: expect.stringContaining('请及时提交整改佐证'),
        html: expect.stringContaining('<b>学习不够深入</b>'),
      });
    });

    it('answers an unknown message with 404 and an id that is not a positive integer with 400', async () => {
      const missing = await request(http).get('/api/dev/mailbox/999999999').set(as('admin')).expect(404);
      expect(missing.body.code).toBe('MAIL_NOT_FOUND');
      for (const id of ['abc', '0', '-1', '1.5']) {
        const bad = await request(http).get(`/api/dev/mailbox/${id}`).set(as('admin')).expect(400);
        expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'id' }] });
      }
    });
  });

  describe('queue dashboard at /admin/queues', () => {
    it('asks for credentials with a Basic challenge and the API error shape', async () => {
      const res = await request(http).get('/admin/queues').expect(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="rectify", charset="UTF-8"');
      expect(res.body).toEqual({
        code: 'UNAUTHENTICATED',
        message: expect.stringContaining('管理员'),
        details: null,
      });
    });

    it('refuses a wrong password or a forged token with 401', async () => {
      const wrong = await request(http)
        .get('/admin/queues')
        .auth(usernames.admin, 'not-the-password')
        .expect(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      expect(wrong.headers['www-authenticate']).toContain('Basic');
      const forged = await request(http)
        .get('/admin/queues')
        .set('Authorization', 'Bearer not.a.token')
        .expect(401);
      expect(forged.body.code).toBe('TOKEN_INVALID');
    });

    it('refuses a supervisor with 403 whether they log in with a password or a token', async () => {
      const basic = await request(http).get('/admin/queues').auth(usernames.sup, password).expect(403);
      expect(basic.body.code).toBe('ADMIN_ONLY');
      const bearer = await request(http).get('/admin/queues/api/queues').set(as('sup')).expect(403);
      expect(bearer.body.code).toBe('ADMIN_ONLY');
    });

    it('serves an administrator the page and its scripts with Basic credentials', async () => {
      const page = await request(http).get('/admin/queues').auth(usernames.admin, password).expect(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.text).toContain('<base href="/admin/queues/"');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      const script = /<script defer src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)?.[1];
      expect(script).toBeDefined();
      const asset = await request(http)
        .get(`/admin/queues/${script}`)
        .auth(usernames.admin, password)
        .expect(200);
      expect(asset.headers['content-type']).toContain('javascript');
    });

    it("lists the worker's queues under QUEUE_PREFIX with a bearer token", async () => {
      const res = await request(http).get('/admin/queues/api/queues').set(as('admin')).expect(200);
      expect(res.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
        'digests',
        'maintenance',
        'notifications',
        'reminders',
      ]);
      const reminders = res.body.queues.find((q: { name: string }) => q.name === 'reminders');
      expect(reminders.counts.delayed).toBe(1);
    });
  });

  it('reports ledger figures by status, waiting outbox rows and job counts per queue in the health check', async () => {
    const res = await request(http).get('/api/health').expect(200);
    const rows: { status: string; n: string }[] = await db.query(
      `SELECT status, count(*) AS n FROM reminder_delivery GROUP BY status`,
    );
    const reminders = res.body.details.reminders;
    expect(reminders.status).toBe('up');
    for (const { status, n } of rows) expect(reminders.ledger[status]).toBe(Number(n));
    expect(reminders.ledger.failed).toBeGreaterThanOrEqual(1);
    expect(reminders.outboxWaiting).toEqual(expect.any(Number));
    expect(reminders.queues.reminders).toEqual({
      waiting: 0,
      delayed: 1,
      active: 0,
      failed: 0,
      completed: 0,
    });
    expect(Object.keys(reminders.queues).sort()).toEqual([
      'digests',
      'maintenance',
      'notifications',
      'reminders',
    ]);
  });

  describe('in production', () => {
    let production: INestApplication;
    beforeAll(async () => {
      production = await createApiApp(
        readApiConfig({
          NODE_ENV: 'production',
          DATABASE_URL: process.env.DATABASE_URL,
          JWT_SECRET: `production-secret-${tag}`,
        }),
      );
      await production.init();
    });
    afterAll(() => production.close());

    it('turns the development mailbox off with 404 DEV_MAILBOX_DISABLED', async () => {
      const login = await request(production.getHttpServer())
        .post('/api/auth/login')
        .send({ username: usernames.admin, password })
        .expect(200);
      const res = await request(production.getHttpServer())
        .get('/api/dev/mailbox')
        .set('Authorization', `Bearer ${login.body.accessToken}`)
        .expect(404);
      expect(res.body).toEqual({
        code: 'DEV_MAILBOX_DISABLED',
        message: expect.stringContaining('生产环境'),
        details: null,
      });
    });

    it('answers the queue dashboard with 503 QUEUES_UNAVAILABLE when REDIS_URL is not set', async () => {
      const res = await request(production.getHttpServer()).get('/admin/queues').expect(503);
      expect(res.body).toEqual({
        code: 'QUEUES_UNAVAILABLE',
        message: expect.stringContaining('REDIS_URL'),
        details: null,
      });
    });
  });
});
