import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { importAndWork2023, type Qingshan, seedQingshan } from '../support/closing-loop-fixture';

const AS_OF = '2024-06-15';

// The overdue trend over HTTP against the real PostgreSQL server. The five 2023 items get
// deadlines, creation times and back-dated closing history lines chosen so that each month's
// count is known; all their real history lines are written "now", after every month counted.
describe('overdue trend API', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let q: Qingshan;
  const tokens: Record<string, string> = {};

  const get = (who: string, organisationId: string, query: Record<string, string | number> = {}) =>
    request(http)
      .get(`/api/organisations/${organisationId}/overdue-trend`)
      .query(query)
      .set({ Authorization: `Bearer ${tokens[who]}` });
  const counts = (body: { months: { month: string; overdue: number }[] }) =>
    Object.fromEntries(body.months.map((m) => [m.month, m.overdue]));

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    const db = app.get(DataSource);
    q = await seedQingshan(db);
    const ids = await importAndWork2023(db, q);

    const shape = (i: number, deadline: string, createdAt: string, organisationId = q.branch.id) =>
      db.query(
        `UPDATE rectification_item SET deadline = $2, created_at = $3, organisation_id = $4 WHERE id = $1`,
        [ids[i], deadline, createdAt, organisationId],
      );
    const closeAt = (i: number, toStatus: 'completed' | 'long_term', at: string) =>
      db.query(
        `INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, at)
         VALUES ($1, 1000, 'test', 'supervisor', $2, 'pending_review', $3, '{}', $4)`,
        [ids[i], toStatus === 'completed' ? 'APPROVE_COMPLETION' : 'APPROVE_LONG_TERM', toStatus, at],
      );
    // #1: overdue from February, completed on 10 April.
    await shape(0, '2024-02-10', '2024-01-05T09:00:00+08:00');
    await closeAt(0, 'completed', '2024-04-10T10:00:00+08:00');
    // #2: due on 31 March, so not yet overdue at the end of that day; overdue from April.
    await shape(1, '2024-03-31', '2024-01-05T09:00:00+08:00');
    // #3: created on 20 March, already past its deadline; long-term late on 31 May (Shanghai).
    await shape(2, '2024-01-15', '2024-03-20T09:00:00+08:00');
    await closeAt(2, 'long_term', '2024-05-31T23:30:00+08:00');
    // #4: in the other branch; due 10 June, overdue on asOf (15 June).
    await shape(3, '2024-06-10', '2024-01-05T09:00:00+08:00', q.other.id);
    // #5: overdue in May; completed at 00:30 on 1 June in Shanghai (still 31 May in UTC).
    await shape(4, '2024-05-01', '2024-01-05T09:00:00+08:00');
    await closeAt(4, 'completed', '2024-06-01T00:30:00+08:00');

    for (const who of ['sec', 'sup', 'sec4']) {
      const res = await request(http)
        .post('/api/auth/login')
        .send({ username: `${who}-${q.tag}`, password: 'rectify-test' })
        .expect(200);
      tokens[who] = res.body.accessToken;
    }
  });
  afterAll(() => app.close());

  it('counts, for the committee and everything below it, the items overdue at each month end', async () => {
    const res = await get('sup', q.committee.id, { months: 6, asOf: AS_OF }).expect(200);
    expect(res.body.months).toEqual([
      { month: '2024-01', overdue: 0 },
      { month: '2024-02', overdue: 1 },
      { month: '2024-03', overdue: 2 },
      { month: '2024-04', overdue: 2 },
      { month: '2024-05', overdue: 2 },
      { month: '2024-06', overdue: 2 },
    ]);
  });

  it('counts only the branch itself when asked for the branch', async () => {
    const res = await get('sup', q.branch.id, { months: 6, asOf: AS_OF }).expect(200);
    expect(counts(res.body)).toEqual({
      '2024-01': 0,
      '2024-02': 1,
      '2024-03': 2,
      '2024-04': 2,
      '2024-05': 2,
      '2024-06': 1,
    });
  });

  it('ends the current month on asOf, not on its last day', async () => {
    const early = await get('sup', q.other.id, { months: 1, asOf: '2024-06-10' }).expect(200);
    expect(early.body.months).toEqual([{ month: '2024-06', overdue: 0 }]);
    const later = await get('sup', q.other.id, { months: 1, asOf: '2024-06-11' }).expect(200);
    expect(later.body.months).toEqual([{ month: '2024-06', overdue: 1 }]);
  });

  it('defaults to twelve months ending with the month of asOf, crossing the year', async () => {
    const res = await get('sup', q.committee.id, { asOf: AS_OF }).expect(200);
    expect(res.body.months.map((m: { month: string }) => m.month)).toEqual([
      '2023-07',
      '2023-08',
      '2023-09',
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
    ]);
    expect(res.body.months.slice(0, 7).every((m: { overdue: number }) => m.overdue === 0)).toBe(true);
  });

  it('lets a secretary see their own branch', async () => {
    const res = await get('sec', q.branch.id, { months: 2, asOf: AS_OF }).expect(200);
    expect(counts(res.body)).toEqual({ '2024-05': 2, '2024-06': 1 });
  });

  it("answers 404 for another branch's secretary and for the committee above a secretary", async () => {
    const res = await get('sec4', q.branch.id, { asOf: AS_OF }).expect(404);
    expect(res.body.code).toBe('ORGANISATION_NOT_FOUND');
    await get('sec', q.committee.id, { asOf: AS_OF }).expect(404);
  });

  it('refuses months outside 1–36 and a malformed asOf with 400', async () => {
    for (const months of [0, 37, 'abc', 1.5]) {
      await get('sup', q.committee.id, { months, asOf: AS_OF }).expect(400);
    }
    await get('sup', q.committee.id, { months: 36, asOf: AS_OF }).expect(200);
    await get('sup', q.committee.id, { asOf: '2024-13-01' }).expect(400);
  });
});
