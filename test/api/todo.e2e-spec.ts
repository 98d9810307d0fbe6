import { type INestApplication } from '@nestjs/common';
import { ChineseWorkingDayCalendar, shanghaiDate } from '@rectify/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { runCli } from '../../apps/cli/src/main';
import { fixtureBytes, MEASURES_2023, type Qingshan, seedQingshan } from '../support/closing-loop-fixture';
import { importReport, transitionItem } from '../support/item-commands';

// The to-do lists (待办, GET /api/me/todo), the 被退回 mark in the item list, and bulk sign-off
// from 待我审核, over HTTP against the real PostgreSQL server.
describe('to-do lists (API)', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let db: DataSource;
  let q: Qingshan;
  let ids: string[];
  const tokens: Record<string, string> = {};
  const calendar = new ChineseWorkingDayCalendar();
  const today = shanghaiDate(new Date());
  const soon = calendar.addWorkdays(today, 2);

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const todo = async (who: string) => (await request(http).get('/api/me/todo').set(as(who)).expect(200)).body;
  const entryIds = (list: { entries: { itemId: string }[] }) => list.entries.map((e) => e.itemId);

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    db = app.get(DataSource);
    q = await seedQingshan(db);
    ids = (
      await importReport(db, {
        bytes: fixtureBytes('qingshan-2023.txt'),
        fileName: 'qingshan-2023.txt',
        organisationName: q.branch.name,
      })
    ).itemIds;
    const send = (i: number, who: { id: string }, event: string, payload: Record<string, unknown>) =>
      transitionItem(db, { itemId: ids[i], actorUserId: who.id, event: event as never, payload });
    // #1 submitted and returned (its 2024 deadline long past); #2 and #3 submitted; #4 left
    // without measures; #5 due in two working days, with an extension request waiting.
    for (const i of [0, 1, 2]) {
      await send(i, q.secretary, 'SET_MEASURES', { measures: MEASURES_2023[i] });
      await send(i, q.secretary, 'SUBMIT_COMPLETION', { evidence: '已整改' });
    }
    await send(0, q.supervisor, 'RETURN_FOR_REWORK', { reason: '佐证材料不全，请补充会议记录' });
    await send(4, q.secretary, 'SET_MEASURES', {
      measures: [{ title: '改造活动室', responsible: '李明', deadline: soon }],
    });
    await send(4, q.secretary, 'REQUEST_EXTENSION', {
      newDeadline: calendar.addWorkdays(today, 30),
      reason: '资金未到位',
    });
    for (const who of ['sec', 'sup', 'sec4']) {
      const res = await request(http)
        .post('/api/auth/login')
        .send({ username: `${who}-${q.tag}`, password: 'rectify-test' })
        .expect(200);
      tokens[who] = res.body.accessToken;
    }
  });
  afterAll(() => app.close());

  it('shows the secretary the return with its reason, the item without measures and the lights', async () => {
    const mine = await todo('sec');
    expect(mine.returned.entries).toEqual([
      expect.objectContaining({
        itemId: ids[0],
        reason: '佐证材料不全，请补充会议记录',
        returnedBy: '王强',
        action: 'SUBMIT_COMPLETION',
        status: 'measures_set',
      }),
    ]);
    expect(entryIds(mine.needsMeasures)).toEqual([ids[3]]);
    expect(entryIds(mine.dueSoon)).toEqual([ids[4]]);
    expect(mine.dueSoon.entries[0].workdaysLeft).toBe(2);
    expect(entryIds(mine.overdue)).toEqual(expect.arrayContaining([ids[0], ids[1], ids[2]]));
    expect(mine.review.total).toBe(0);
    // #1 is both returned and overdue: the badge counts items, once each.
    expect(mine.counts).toEqual({
      review: 0,
      returned: 1,
      needsMeasures: 1,
      dueSoon: 1,
      overdue: 3,
      total: 5,
    });
    expect(mine.limit).toBe(200);
  });

  it('marks the returned item 被退回 in the item list, with the reason', async () => {
    const page = (
      await request(http)
        .get('/api/items')
        .query({ organisationId: q.branch.id, pageSize: 50 })
        .set(as('sec'))
        .expect(200)
    ).body;
    const returned = page.items.filter((i: { returned: unknown }) => i.returned !== null);
    expect(returned).toEqual([
      expect.objectContaining({
        id: ids[0],
        returned: expect.objectContaining({ reason: '佐证材料不全，请补充会议记录', by: '王强' }),
      }),
    ]);
  });

  it('lists for the supervisor what waits on them, oldest first, and nothing for an unrelated secretary', async () => {
    const theirs = await todo('sup');
    expect(
      theirs.review.entries.map((e: { itemId: string; kind: string; action: string }) => [
        e.itemId,
        e.kind,
        e.action,
      ]),
    ).toEqual([
      [ids[1], 'sign_off', 'APPROVE_COMPLETION'],
      [ids[2], 'sign_off', 'APPROVE_COMPLETION'],
      [ids[4], 'extension', 'APPROVE_EXTENSION'],
    ]);
    expect(theirs.review.entries[2]).toMatchObject({ requestReason: '资金未到位' });
    expect((await todo('sec4')).counts.total).toBe(0);
  });

  it('prints the same lists at the command line (rectify todo --as), by list with counts', async () => {
    let printed = '';
    await runCli(['todo', '--as', `sec-${q.tag}`], (s) => (printed += s));
    expect(printed).toContain('待办（共 5 项）');
    expect(printed).toContain('被退回（1）');
    expect(printed).toContain('退回原因：佐证材料不全，请补充会议记录（王强');
    expect(printed).toContain('待我审核（0）\n  （无）');
    expect(printed).toMatch(/即将到期（1）\n.*→ 提交销号申请\n\s+还剩 2 个工作日/);
    let json = '';
    await runCli(['todo', '--as', `sup-${q.tag}`, '--json'], (s) => (json += s));
    expect(JSON.parse(json).counts.review).toBe(3);
  });

  it('signs off two submissions in bulk, each by the rules, and says which one was refused', async () => {
    const res = await request(http)
      .post('/api/items/bulk-transitions')
      .set(as('sup'))
      .send({
        itemIds: [ids[1], ids[2], ids[0]],
        event: 'APPROVE_COMPLETION',
        payload: { comment: '同意销号' },
      })
      .expect(200);
    expect(res.body.succeeded).toBe(2);
    expect(res.body.results[2]).toMatchObject({
      itemId: ids[0],
      ok: false,
      error: { code: 'EVENT_NOT_ALLOWED_IN_STATE' },
    });
    const theirs = await todo('sup');
    expect(entryIds(theirs.review)).toEqual([ids[4]]);
    expect((await todo('sec')).counts.overdue).toBe(1);
  });
});
