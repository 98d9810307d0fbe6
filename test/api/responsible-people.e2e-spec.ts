import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { shanghaiDate } from '@rectify/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { addOrganisation, addUser } from '../support/admin-fixtures';
import { importReport } from '../support/item-commands';

// A measure's 责任人 may be a person of the item's organisation (home organisation or a position
// there), picked by id; anyone else is refused before anything is written; free text stays.
describe('responsible people of measures, against PostgreSQL', () => {
  const tag = randomUUID().slice(0, 8);
  const password = 'test-password-123';
  const deadline = `${Number(shanghaiDate(new Date()).slice(0, 4)) + 2}-06-30`;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const orgs: Record<string, string> = {};
  let items: string[];

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const people = (who: string, organisationId: string) =>
    request(http).get(`/api/organisations/${organisationId}/people`).set(as(who));
  const setMeasures = (itemId: string, measures: object[], expectedVersion = 1) =>
    request(http)
      .post(`/api/items/${itemId}/transitions`)
      .set(as('sec'))
      .send({ event: 'SET_MEASURES', payload: { measures }, expectedVersion });
  const detail = async (itemId: string) =>
    (await request(http).get(`/api/items/${itemId}`).set(as('sec')).expect(200)).body;

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    db = app.get(DataSource);
    const town = await addOrganisation(db, { name: `镇党委-${tag}` });
    const branch = await addOrganisation(db, { name: `甲村党支部-${tag}`, parentName: town.name });
    const other = await addOrganisation(db, { name: `乙村党支部-${tag}`, parentName: town.name });
    Object.assign(orgs, { town: town.id, branch: branch.id, other: other.id });
    const users = [
      ['sec', branch.name, 'secretary', `甲书记-${tag}`],
      ['member', branch.name, 'secretary', `张三-${tag}`],
      ['gone', branch.name, 'secretary', `离任-${tag}`],
      ['outsider', other.name, 'secretary', `王五-${tag}`],
      ['sup', town.name, 'supervisor', `镇督办-${tag}`],
      ['posted', town.name, 'supervisor', `李四-${tag}`],
    ] as const;
    for (const [who, org, role, displayName] of users) {
      const user = await addUser(db, {
        username: `${who}-${tag}`,
        organisationName: org,
        role,
        displayName,
        password,
      });
      ids[who] = user.id;
    }
    for (const who of ['sec', 'sup', 'outsider']) {
      const res = await request(http)
        .post('/api/auth/login')
        .send({ username: `${who}-${tag}`, password })
        .expect(200);
      tokens[who] = res.body.accessToken;
    }
    // 李四 belongs to the town but is 组织委员 of 甲村 as well; 离任 has left (account disabled).
    await db.query(
      `INSERT INTO position (user_id, organisation_id, kind, supervises) VALUES ($1, $2, 'organising_member', true)`,
      [ids.posted, branch.id],
    );
    await db.query(`UPDATE app_user SET disabled = true WHERE id = $1`, [ids.gone]);
    const imported = await importReport(db, {
      bytes: Buffer.from(
        `2023年度甲村述职报告\n二、存在问题\n一是学习不够深入${tag}。\n二是组织生活不规范${tag}。\n三是台账不全${tag}。\n三、下步打算\n1.加强学习。\n`,
      ),
      fileName: 'a.txt',
      organisationName: branch.name,
    });
    items = imported.itemIds;
    expect(items).toHaveLength(3);
  });

  afterAll(() => app.close());

  it('lists the organisation’s active people by name, with their positions there, to whoever may read it', async () => {
    const res = await people('sec', orgs.branch).expect(200);
    expect(res.body.truncated).toBe(false);
    const byName = Object.fromEntries(
      res.body.people.map((p: { displayName: string; id: string; positions: string[] }) => [
        p.displayName,
        p,
      ]),
    );
    expect(Object.keys(byName).sort()).toEqual([`张三-${tag}`, `李四-${tag}`, `甲书记-${tag}`].sort());
    expect(res.body.people.map((p: { displayName: string }) => p.displayName)).toEqual(
      [...res.body.people.map((p: { displayName: string }) => p.displayName)].sort(),
    );
    expect(byName[`李四-${tag}`]).toEqual({
      id: ids.posted,
      displayName: `李四-${tag}`,
      positions: ['organising_member'],
    });
    expect(byName[`张三-${tag}`].id).toBe(ids.member);
    // The supervisor above reads it too.
    await people('sup', orgs.branch).expect(200);
  });

  it('answers 404 for an organisation out of scope, unknown or malformed', async () => {
    const outOfScope = await people('outsider', orgs.branch).expect(404);
    expect(outOfScope.body.code).toBe('ORGANISATION_NOT_FOUND');
    await people('sec', orgs.other).expect(404);
    await people('sec', randomUUID()).expect(404);
    await people('sec', 'not-a-uuid').expect(404);
    await request(http).get(`/api/organisations/${orgs.branch}/people`).expect(401);
  });

  it('accepts a person picked from the organisation, stores them and shows the measures as given', async () => {
    const measures = [
      { title: '建立学习制度', responsible: `张三-${tag}`, responsibleUserId: ids.member, deadline },
      { title: '组织委员督促', responsible: `李四-${tag}`, responsibleUserId: ids.posted, deadline },
    ];
    await setMeasures(items[0], measures).expect(200);
    const item = await detail(items[0]);
    expect(item.measures).toEqual([
      { seq: 1, title: '建立学习制度', responsible: `张三-${tag}`, responsibleUserId: ids.member, deadline },
      { seq: 2, title: '组织委员督促', responsible: `李四-${tag}`, responsibleUserId: ids.posted, deadline },
    ]);
    const line = item.history.find((h: { event: string }) => h.event === 'SET_MEASURES');
    expect(line.payload.measures).toEqual(measures);
  });

  it('refuses a person of another organisation, or one who has left, with 400 and writes nothing', async () => {
    for (const [who, name] of [
      ['outsider', `王五-${tag}`],
      ['gone', `离任-${tag}`],
    ]) {
      const res = await setMeasures(items[1], [
        { title: '规范组织生活', responsible: '自由填写', deadline },
        { title: '请人督促', responsible: name, responsibleUserId: ids[who], deadline },
      ]).expect(400);
      expect(res.body).toMatchObject({
        code: 'RESPONSIBLE_NOT_IN_ORGANISATION',
        message: `第2条整改措施的责任人"${name}"不是本组织人员：请从本组织人员中选择，或直接填写姓名。`,
      });
    }
    const item = await detail(items[1]);
    expect(item).toMatchObject({ status: 'identified', version: 1, measures: [] });
    expect(item.history.map((h: { event: string }) => h.event)).not.toContain('SET_MEASURES');
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM measure WHERE item_id = $1`, [
      items[1],
    ]);
    expect(count).toBe(0);
  });

  it('refuses an id that is not a uuid as an incomplete event, in Chinese', async () => {
    const res = await setMeasures(items[1], [
      { title: '规范组织生活', responsible: '张三', responsibleUserId: '张三', deadline },
    ]).expect(400);
    expect(res.body.message).toBe('第1条整改措施的责任人无效：请从本组织人员中选择，或直接填写姓名。');
  });

  it('accepts free text only, for someone without an account', async () => {
    await setMeasures(items[2], [{ title: '补齐台账', responsible: '老支书', deadline }]).expect(200);
    const item = await detail(items[2]);
    expect(item.measures).toEqual([
      { seq: 1, title: '补齐台账', responsible: '老支书', responsibleUserId: null, deadline },
    ]);
  });

  it('takes a picked person through PUT /measures too', async () => {
    await request(http)
      .put(`/api/items/${items[2]}/measures`)
      .set(as('sec'))
      .send({
        measures: [
          { title: '补齐台账', responsible: `张三-${tag}`, responsibleUserId: ids.member, deadline },
        ],
        expectedVersion: 2,
      })
      .expect(200);
    expect((await detail(items[2])).measures[0].responsibleUserId).toBe(ids.member);
    const refused = await request(http)
      .put(`/api/items/${items[2]}/measures`)
      .set(as('sec'))
      .send({
        measures: [
          { title: '补齐台账', responsible: `王五-${tag}`, responsibleUserId: ids.outsider, deadline },
        ],
        expectedVersion: 3,
      })
      .expect(400);
    expect(refused.body.code).toBe('RESPONSIBLE_NOT_IN_ORGANISATION');
  });
});
