import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ITEM_TITLE_MAX_LENGTH } from '@rectify/domain';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { type Qingshan, seedQingshan } from '../support/closing-loop-fixture';

// Items that do not come from a report (上级点评、巡视巡察反馈、群众评议、其他) over HTTP against
// the real PostgreSQL server: created one by one or from a pasted list, counted in their year's
// summary and ledger, corrected by the people allowed to, refused to everyone else.
describe('items created by hand (API)', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let q: Qingshan;
  const tokens: Record<string, string> = {};
  const YEAR = 2031;

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const create = (who: string, body: Record<string, unknown>) =>
    request(http).post('/api/items').set(as(who)).send(body);
  const get = (who: string, path: string, query: Record<string, string | number> = {}) =>
    request(http).get(path).query(query).set(as(who));

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    q = await seedQingshan(app.get(DataSource));
    for (const who of ['sec', 'sup', 'sec4', 'admin']) {
      const res = await request(http)
        .post('/api/auth/login')
        .send({ username: `${who}-${q.tag}`, password: 'rectify-test' })
        .expect(200);
      tokens[who] = res.body.accessToken;
    }
  });
  afterAll(() => app.close());

  it('lets a supervisor above create one item, identified, with a CREATE line naming them', async () => {
    const res = await create('sup', {
      organisationId: q.branch.id,
      source: 'inspection_tour',
      year: YEAR,
      deadline: `${YEAR}-06-30`,
      reason: '巡察反馈意见',
      problems: [{ title: '三会一课记录不规范', detail: '部分会议记录缺少签到' }],
    }).expect(201);
    expect(res.body).toMatchObject({ organisationId: q.branch.id, year: YEAR });
    expect(res.body.items).toHaveLength(1);
    const item = await get('sec', `/api/items/${res.body.items[0].id}`).expect(200);
    expect(item.body).toMatchObject({
      reportId: null,
      reportYear: YEAR,
      createdBy: q.supervisor.id,
      title: '三会一课记录不规范',
      detail: '部分会议记录缺少签到',
      source: 'inspection_tour',
      status: 'identified',
      deadline: `${YEAR}-06-30`,
    });
    expect(item.body.history).toEqual([
      expect.objectContaining({
        seq: 1,
        event: 'CREATE',
        actorName: '王强',
        actorRole: 'supervisor',
        fromStatus: null,
        toStatus: 'identified',
        payload: { source: 'inspection_tour', year: YEAR, deadline: `${YEAR}-06-30`, reason: '巡察反馈意见' },
      }),
    ]);
    // The branch secretary works it like an imported item.
    expect(item.body.allowedActions).toEqual(expect.arrayContaining(['SET_MEASURES', 'EDIT_DETAILS']));
  });

  it('creates one item per line of a pasted list, and counts them in their year’s summary and ledger', async () => {
    const res = await create('sup', {
      organisationId: q.branch.id,
      source: 'superior_review',
      year: YEAR,
      list: '1. 理论学习不够深入\n\n（二）组织生活不够规范\n三、联系服务群众不够紧密\n',
    }).expect(201);
    expect(res.body.items.map((i: { seq: number; title: string }) => [i.seq, i.title])).toEqual([
      [2, '理论学习不够深入'],
      [3, '组织生活不够规范'],
      [4, '联系服务群众不够紧密'],
    ]);
    const summary = await get('sup', `/api/organisations/${q.committee.id}/summary`, { year: YEAR }).expect(
      200,
    );
    expect(summary.body.totals.items).toBe(4);
    const ledger = await get('sup', `/api/organisations/${q.committee.id}/ledger`, { year: YEAR }).expect(
      200,
    );
    expect(ledger.body.rows).toHaveLength(4);
    // The branch's 上年度整改情况 in next year's report accounts for them.
    const section = await get('sec', `/api/organisations/${q.branch.id}/section`, {
      year: YEAR + 1,
    }).expect(200);
    expect(section.body.problemYear).toBe(YEAR);
    expect(section.body.paragraphs).toHaveLength(4);
    const listed = await get('sec', '/api/items', { year: YEAR, source: 'superior_review' }).expect(200);
    expect(listed.body.total).toBe(3);
    // Another year's counts do not move.
    const other = await get('sup', `/api/organisations/${q.committee.id}/summary`, { year: YEAR - 1 }).expect(
      200,
    );
    expect(other.body.totals.items).toBe(0);
  });

  it('refuses a secretary with 403 and a Chinese message, and an organisation out of scope with 404', async () => {
    const body = { organisationId: q.branch.id, source: 'superior_review', list: '问题' };
    const secretary = await create('sec', body).expect(403);
    expect(secretary.body.code).toBe('ACTOR_NOT_PERMITTED');
    expect(secretary.body.message).toContain('只有上级党组织或管理员可以');
    const outside = await create('sec4', body).expect(404);
    expect(outside.body.code).toBe('ORGANISATION_NOT_FOUND');
    // A supervisor does not raise problems for their own organisation.
    await create('sup', { ...body, organisationId: q.committee.id }).expect(403);
    await create('admin', { ...body, organisationId: q.committee.id, year: YEAR + 1 }).expect(201);
  });

  it('refuses lists over the limits and bad fields with 400, writing nothing', async () => {
    const base = { organisationId: q.branch.id, source: 'public_appraisal', year: YEAR + 2 };
    const tooMany = Array.from({ length: 201 }, (_, i) => `问题${i + 1}`).join('\n');
    const many = await create('sup', { ...base, list: tooMany }).expect(400);
    expect(many.body.message).toContain('一次最多新建200个整改事项');
    const long = await create('sup', {
      ...base,
      list: `1. ${'长'.repeat(ITEM_TITLE_MAX_LENGTH + 1)}`,
    }).expect(400);
    expect(long.body.message).toContain(`超过${ITEM_TITLE_MAX_LENGTH}个字`);
    const empty = await create('sup', { ...base, list: '\n  \n' }).expect(400);
    expect(empty.body.message).toContain('问题清单为空');
    const selfFound = await create('sup', { ...base, source: 'self_inspection', list: '甲' }).expect(400);
    expect(JSON.stringify(selfFound.body)).toContain('自身查摆的问题请通过导入述职报告录入');
    const unknown = await create('sup', { ...base, source: 'gossip', list: '甲' }).expect(400);
    expect(JSON.stringify(unknown.body)).toContain('上级点评、巡视巡察反馈、群众评议或其他');
    await create('sup', { ...base, deadline: '2031-02-30', list: '甲' }).expect(400);
    await create('sup', { ...base, list: '甲', problems: [{ title: '乙' }] }).expect(400);
    const listed = await get('sup', '/api/items', { year: YEAR + 2 }).expect(200);
    expect(listed.body.total).toBe(0);
  });

  it('lets the branch secretary and the creator correct title and detail, with the old text on record', async () => {
    const res = await create('sup', {
      organisationId: q.branch.id,
      source: 'other',
      year: YEAR + 3,
      list: '党员档案不全',
    }).expect(201);
    const id = res.body.items[0].id;
    await request(http)
      .patch(`/api/items/${id}`)
      .set(as('sec'))
      .send({ title: '党员档案管理不规范', detail: '3名党员档案缺少材料' })
      .expect(200);
    await request(http)
      .patch(`/api/items/${id}`)
      .set(as('sup'))
      .send({ detail: '2名党员档案缺少材料' })
      .expect(200);
    await request(http).patch(`/api/items/${id}`).set(as('sec4')).send({ title: '甲' }).expect(404);
    const item = await get('sec', `/api/items/${id}`).expect(200);
    expect(item.body).toMatchObject({
      title: '党员档案管理不规范',
      detail: '2名党员档案缺少材料',
      version: 3,
    });
    expect(item.body.history[1]).toMatchObject({
      event: 'UPDATE_DETAILS',
      payload: {
        title: '党员档案管理不规范',
        previousTitle: '党员档案不全',
        detail: '3名党员档案缺少材料',
        previousDetail: '',
      },
    });
  });
});
