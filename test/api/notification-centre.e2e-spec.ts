import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '@rectify/domain';
import { type AuthTestApp, bearer, startAuthTestApp } from '../support/auth-test-app';
import { importProblems, seedReminderTree } from '../support/reminder-fixture';
import { createTestDatabase } from '../support/test-database';

// The 消息中心 (站内消息) and 通知设置 through the API on the real PostgreSQL. The fan-out that
// writes notification rows is not under test here: the rows are inserted as it would insert them.
jest.setTimeout(90_000);

describe('notification centre and preferences', () => {
  let database: { url: string; drop: () => Promise<void> };
  let t: AuthTestApp;
  let itemId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    t = await startAuthTestApp({ DATABASE_URL: database.url });
    const tree = await seedReminderTree(t.db);
    [itemId] = await importProblems(t.db, tree, 1);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  /** Inserts an in_app row for `recipientId` as the fan-out does (status sent, unread); returns its id. */
  async function deliver(recipientId: string, headline: string, kind = 'returned'): Promise<string> {
    const [row]: { id: string }[] = await t.db.query(
      `INSERT INTO notification (dedupe_key, kind, channel, item_id, recipient_id, headline, detail, status, sent_at)
       VALUES ($1, $2, 'in_app', $3, $4, $5, '镇书记：原因：材料不全', 'sent', now())
       RETURNING id::text AS id`,
      [`test:${randomUUID()}`, kind, itemId, recipientId, headline],
    );
    return row.id;
  }

  async function person() {
    const user = await t.addUser('secretary');
    return { id: user.id, token: await t.token(user.username) };
  }

  const list = (token: string, query: Record<string, string> = {}) =>
    request(t.http).get('/api/me/notifications').query(query).set(bearer(token));
  const unread = async (token: string) =>
    (await request(t.http).get('/api/me/notifications/unread-count').set(bearer(token)).expect(200)).body
      .unread;
  const markRead = (token: string, body: object) =>
    request(t.http).post('/api/me/notifications/read').set(bearer(token)).send(body);

  it('shows a person only their own messages, newest first, in pages, with the unread count', async () => {
    const me = await person();
    const other = await person();
    const first = await deliver(me.id, '甲村「学习不深入」被退回整改');
    await deliver(other.id, '别人的消息');
    const second = await deliver(me.id, '甲村「学习不深入」已审核销号', 'signed_off');
    const third = await deliver(me.id, '第三条');

    const page = await list(me.token, { limit: '2' }).expect(200);
    expect(page.body.entries.map((e: { id: string }) => e.id)).toEqual([third, second]);
    expect(page.body.entries[1]).toEqual({
      id: second,
      kind: 'signed_off',
      kindLabel: '已审核销号',
      headline: '甲村「学习不深入」已审核销号',
      detail: '镇书记：原因：材料不全',
      itemId,
      createdAt: expect.any(String),
      readAt: null,
    });
    expect(page.body.nextBefore).toBe(second);
    const next = await list(me.token, { limit: '2', before: page.body.nextBefore }).expect(200);
    expect(next.body).toEqual({ entries: [expect.objectContaining({ id: first })], nextBefore: null });
    expect(await unread(me.token)).toBe(3);
    expect(await unread(other.token)).toBe(1);
  });

  it('marks read only the person’s own messages, by id or all at once', async () => {
    const me = await person();
    const other = await person();
    const mine = [await deliver(me.id, '一'), await deliver(me.id, '二'), await deliver(me.id, '三')];
    const theirs = await deliver(other.id, '别人的');

    expect((await markRead(me.token, { ids: [mine[0], theirs] }).expect(200)).body).toEqual({
      marked: 1,
      unread: 2,
    });
    expect(await unread(other.token)).toBe(1);
    const unreadOnly = await list(me.token, { unread: 'true' }).expect(200);
    expect(unreadOnly.body.entries.map((e: { id: string }) => e.id)).toEqual([mine[2], mine[1]]);
    const all = await list(me.token).expect(200);
    expect(all.body.entries.find((e: { id: string }) => e.id === mine[0]).readAt).toEqual(expect.any(String));

    expect((await markRead(me.token, { all: true }).expect(200)).body).toEqual({ marked: 2, unread: 0 });
    expect(await unread(other.token)).toBe(1);
    expect((await list(other.token).expect(200)).body.entries[0].readAt).toBeNull();
  });

  it('lists a deadline tier recorded for the person (亮灯) among the messages, and marks it read', async () => {
    const me = await person();
    const message = await deliver(me.id, '甲村「学习不深入」被退回整改');
    const [tier]: { id: string }[] = await t.db.query(
      `INSERT INTO reminder_delivery (recipient_id, item_id, kind, due_date, send_on, status)
       VALUES ($1, $2, 'overdue', '2026-12-31', '2027-01-01', 'pending') RETURNING 't' || id AS id`,
      [me.id, itemId],
    );
    const page = await list(me.token).expect(200);
    expect(page.body.entries.map((e: { id: string }) => e.id)).toEqual([tier.id, message]);
    expect(page.body.entries[0]).toEqual({
      id: tier.id,
      kind: 'overdue',
      kindLabel: '已逾期（红灯）',
      headline: expect.stringMatching(/「.+」已逾期（红灯）$/),
      detail: '整改时限 2026-12-31',
      itemId,
      createdAt: expect.any(String),
      readAt: null,
    });
    expect(await unread(me.token)).toBe(2);
    const after = await list(me.token, { before: tier.id }).expect(200);
    expect(after.body.entries.map((e: { id: string }) => e.id)).toEqual([message]);
    expect((await markRead(me.token, { ids: [tier.id] }).expect(200)).body).toEqual({ marked: 1, unread: 1 });
    expect(
      (await list(me.token, { unread: 'true' }).expect(200)).body.entries.map((e: { id: string }) => e.id),
    ).toEqual([message]);
  });

  it('refuses malformed requests in Chinese', async () => {
    const me = await person();
    const tooMany = await markRead(me.token, {
      ids: Array.from({ length: 501 }, (_, i) => String(i + 1)),
    }).expect(400);
    expect(tooMany.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('最多 500 项'),
    });
    const notIds = await markRead(me.token, { ids: ['1', 'abc'] }).expect(400);
    expect(notIds.body.message).toContain('必须是消息编号');
    expect((await markRead(me.token, {}).expect(400)).body).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '请给出要标为已读的消息编号 ids，或 all: true（二者选一）。',
    });
    expect((await list(me.token, { limit: '101' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await list(me.token, { before: '1e5' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await request(t.http).get('/api/me/notifications').expect(401);
  });

  it('gives the default preferences until saved, then what was saved; refuses unknown values in Chinese', async () => {
    const me = await person();
    const path = '/api/me/notification-preferences';
    expect((await request(t.http).get(path).set(bearer(me.token)).expect(200)).body).toEqual(
      DEFAULT_NOTIFICATION_PREFERENCES,
    );
    const saved = await request(t.http)
      .put(path)
      .set(bearer(me.token))
      .send({ emailMode: 'digest', emailKinds: ['signed_off', 'submitted'] })
      .expect(200);
    expect(saved.body).toEqual({ emailMode: 'digest', emailKinds: ['submitted', 'signed_off'] });
    expect((await request(t.http).get(path).set(bearer(me.token)).expect(200)).body).toEqual(saved.body);
    const other = await person();
    expect((await request(t.http).get(path).set(bearer(other.token)).expect(200)).body.emailMode).toBe(
      'immediate',
    );

    const bad = await request(t.http)
      .put(path)
      .set(bearer(me.token))
      .send({ emailMode: 'weekly', emailKinds: ['overdue'] })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.message).toMatch(/emailMode（取值无效，可选：immediate、digest、off）/);
    expect(bad.body.message).toContain('emailKinds');
  });

  it('tells the web whether the person has an email address', async () => {
    const me = await person();
    expect((await request(t.http).get('/api/me').set(bearer(me.token)).expect(200)).body.email).toBeNull();
  });
});
