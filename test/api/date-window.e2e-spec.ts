import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { importReport } from '../support/item-commands';
import { addOrganisation, addUser } from '../support/admin-fixtures';

const WINDOW = '1990-01-01 至 2100-12-31';

// Every date a person gives lies in 1990-01-01 … 2100-12-31: outside it a clear 400, never a
// 500 and never a working-day count over millennia.
describe('dates outside the accepted window', () => {
  const tag = randomUUID().slice(0, 8);
  const password = 'Date-Window-Pass-2024';
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let db: DataSource;
  let token: string;
  let organisationId: string;
  let items: string[];

  const auth = () => ({ Authorization: `Bearer ${token}` });
  const fields = (body: { details: { field: string }[] }) => body.details.map((d) => d.field);
  const measure = (deadline: string) => [{ title: '建立学习制度', responsible: '张三', deadline }];

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(
      readApiConfig({
        NODE_ENV: 'test',
        DATABASE_URL: process.env.DATABASE_URL,
        JWT_SECRET: 'date-window-test-secret-0123456789',
      }),
    );
    await app.init();
    http = app.getHttpServer();
    db = app.get(DataSource);
    const town = await addOrganisation(db, { name: `镇党委-${tag}` });
    const branch = await addOrganisation(db, { name: `甲村党支部-${tag}`, parentName: town.name });
    organisationId = branch.id;
    await addUser(db, { username: `sec-${tag}`, organisationName: branch.name, role: 'secretary', password });
    const login = await request(http)
      .post('/api/auth/login')
      .send({ username: `sec-${tag}`, password })
      .expect(200);
    token = login.body.accessToken;
    const imported = await importReport(db, {
      bytes: Buffer.from(
        `2023年度甲村述职报告 ${tag}\n二、存在问题\n一是学习不够深入。二是制度执行不严。三是阵地建设薄弱。\n三、下步打算\n1.加强学习。\n`,
      ),
      fileName: 'a.txt',
      organisationName: branch.name,
    });
    items = imported.itemIds;
  });
  afterAll(() => app.close());

  it.each(['9999-12-31', '0000-01-01', '2101-01-01', '1989-12-31'])(
    'refuses a measure deadline of %s with 400, naming the field and the window in Chinese',
    async (deadline) => {
      const res = await request(http)
        .put(`/api/items/${items[0]}/measures`)
        .set(auth())
        .send({ measures: measure(deadline), expectedVersion: 1 })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fields(res.body)).toEqual(['measures.0.deadline']);
      expect(res.body.message).toContain(WINDOW);
    },
  );

  it('refuses an out-of-window deadline sent as a SET_MEASURES transition with 400', async () => {
    const res = await request(http)
      .post(`/api/items/${items[0]}/transitions`)
      .set(auth())
      .send({ event: 'SET_MEASURES', payload: { measures: measure('9999-12-31') }, expectedVersion: 1 })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(fields(res.body)).toEqual(['payload']);
    expect(res.body.message).toContain('payload.measures[0].deadline');
  });

  it('refuses an extension to a day outside the window with 400 and leaves the item unchanged', async () => {
    await request(http)
      .put(`/api/items/${items[1]}/measures`)
      .set(auth())
      .send({ measures: measure('2100-12-31'), expectedVersion: 1 })
      .expect(200);
    const res = await request(http)
      .post(`/api/items/${items[1]}/transitions`)
      .set(auth())
      .send({
        event: 'REQUEST_EXTENSION',
        payload: { newDeadline: '9999-12-31', reason: '工期延长' },
        expectedVersion: 2,
      })
      .expect(400);
    expect(res.body.message).toContain('新的完成时限');
    expect(res.body.message).toContain(WINDOW);
    const detail = await request(http).get(`/api/items/${items[1]}`).set(auth()).expect(200);
    expect(detail.body.version).toBe(2);
  });

  it.each([
    ['overdue-trend', { asOf: '0000-01-01' }],
    ['summary', { year: 2023, asOf: '2101-01-01' }],
    ['ledger', { year: 2023, asOf: '1989-12-31' }],
  ])('refuses an asOf outside the window for the %s with 400', async (what, query) => {
    const res = await request(http)
      .get(`/api/organisations/${organisationId}/${what}`)
      .query(query)
      .set(auth())
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(fields(res.body)).toEqual(['asOf']);
  });

  it('lists items whose deadline was stored before dates were bounded, counting days to the end of the window', async () => {
    await request(http)
      .put(`/api/items/${items[2]}/measures`)
      .set(auth())
      .send({ measures: measure('2030-06-30'), expectedVersion: 1 })
      .expect(200);
    await db.query(`UPDATE rectification_item SET deadline = '9999-12-31' WHERE id = $1`, [items[2]]);
    const res = await request(http).get('/api/items').set(auth()).expect(200);
    const entry = res.body.items.find((i: { id: string }) => i.id === items[2]);
    expect(entry).toEqual(expect.objectContaining({ light: 'green', workdaysLeft: expect.any(Number) }));
  });
});
