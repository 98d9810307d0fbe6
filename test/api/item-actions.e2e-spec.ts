import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { shanghaiDate } from '@rectify/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { importReport } from '../support/item-commands';
import { addOrganisation, addUser } from '../support/admin-fixtures';

interface Evidence {
  text: string;
  createdBy: string | null;
  mayDelete: boolean;
}

// The API tells each reader what they may do to an item, so the web never works the rules out:
// the same item through the eyes of its branch secretary, the supervisor above and an admin.
describe('allowed actions, light and evidence deletion in the items API', () => {
  const tag = randomUUID().slice(0, 8);
  const password = 'test-password-123';
  const deadline = `${Number(shanghaiDate(new Date()).slice(0, 4)) + 2}-06-30`;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  const tokens: Record<string, string> = {};
  let itemId: string;

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const detail = async (who: string) =>
    (await request(http).get(`/api/items/${itemId}`).set(as(who)).expect(200)).body;
  const listed = async (who: string) => {
    const page = await request(http).get('/api/items').query({ q: tag }).set(as(who)).expect(200);
    return page.body.items.find((i: { id: string }) => i.id === itemId);
  };
  const transition = (who: string, event: string, expectedVersion: number, payload?: object) =>
    request(http)
      .post(`/api/items/${itemId}/transitions`)
      .set(as(who))
      .send({ event, payload, expectedVersion })
      .expect(200);

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    const db = app.get(DataSource);
    const town = await addOrganisation(db, { name: `镇党委-${tag}` });
    const branch = await addOrganisation(db, { name: `甲村党支部-${tag}`, parentName: town.name });
    const users = [
      ['sec', branch.name, 'secretary'],
      ['sup', town.name, 'supervisor'],
      ['admin', town.name, 'admin'],
    ] as const;
    for (const [who, org, role] of users) {
      await addUser(db, { username: `${who}-${tag}`, organisationName: org, role, password });
      const res = await request(http)
        .post('/api/auth/login')
        .send({ username: `${who}-${tag}`, password })
        .expect(200);
      tokens[who] = res.body.accessToken;
    }
    const imported = await importReport(db, {
      bytes: Buffer.from(
        `2023年度甲村述职报告\n二、存在问题\n一是学习不够深入${tag}。\n三、下步打算\n1.加强学习。\n`,
      ),
      fileName: 'a.txt',
      organisationName: branch.name,
    });
    [itemId] = imported.itemIds;
    await transition('sec', 'SET_MEASURES', 1, {
      measures: [{ title: '建立学习制度', responsible: '张三', deadline }],
    });
    await transition('sec', 'SUBMIT_COMPLETION', 2, { evidence: '已执行' });
    await request(http)
      .post(`/api/items/${itemId}/evidence`)
      .set(as('admin'))
      .field('text', '管理员补充')
      .attach('file', Buffer.from('会议记录'), 'minutes.txt')
      .expect(201);
  });
  afterAll(() => app.close());

  it('lists, with the item and in its detail, the actions each reader may take while it awaits review', async () => {
    const expected = {
      sec: ['ADD_PROGRESS_NOTE', 'EDIT_DETAILS', 'ATTACH_EVIDENCE'],
      sup: [
        'APPROVE_COMPLETION',
        'RETURN_FOR_REWORK',
        'APPROVE_LONG_TERM',
        'ADD_PROGRESS_NOTE',
        'EDIT_DETAILS',
        'WITHDRAW',
      ],
      admin: [
        'APPROVE_COMPLETION',
        'RETURN_FOR_REWORK',
        'APPROVE_LONG_TERM',
        'ADD_PROGRESS_NOTE',
        'EDIT_DETAILS',
        'ATTACH_EVIDENCE',
        'WITHDRAW',
      ],
    };
    for (const [who, actions] of Object.entries(expected)) {
      expect({ who, actions: (await detail(who)).allowedActions }).toEqual({ who, actions });
      expect({ who, actions: (await listed(who)).allowedActions }).toEqual({ who, actions });
    }
  });

  it('gives the detail the same light and working days as the list entry', async () => {
    const item = await detail('sec');
    expect(item).toMatchObject({ status: 'pending_review', deadline, light: 'green', workdaysOverdue: null });
    expect(item.workdaysLeft).toBeGreaterThan(200);
    const entry = await listed('sec');
    expect([entry.light, entry.workdaysLeft, entry.workdaysOverdue]).toEqual([
      item.light,
      item.workdaysLeft,
      item.workdaysOverdue,
    ]);
  });

  it('lets only the uploader or an admin delete an evidence file, and nobody after sign-off', async () => {
    const mayDelete = async (who: string) =>
      Object.fromEntries(((await detail(who)).evidence as Evidence[]).map((e) => [e.text, e.mayDelete]));
    expect(await mayDelete('sec')).toEqual({ 已执行: true, 管理员补充: false });
    expect(await mayDelete('sup')).toEqual({ 已执行: false, 管理员补充: false });
    expect(await mayDelete('admin')).toEqual({ 已执行: true, 管理员补充: true });

    await transition('sup', 'APPROVE_COMPLETION', (await detail('sup')).version);
    for (const who of ['sec', 'sup', 'admin']) {
      expect(await mayDelete(who)).toEqual({ 已执行: false, 管理员补充: false });
    }
    const done = await detail('sec');
    expect(done).toMatchObject({ light: 'not_lit', workdaysLeft: null, workdaysOverdue: null });
    expect(done.allowedActions).toEqual(['EDIT_DETAILS']);
    expect((await detail('sup')).allowedActions).toEqual(['REOPEN', 'EDIT_DETAILS', 'WITHDRAW']);
  });
});
