import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { importReport } from './item-commands';
import { addOrganisation, addUser } from './admin-fixtures';

type Who = 'sec' | 'sup' | 'admin';

/**
 * The API on the test's real PostgreSQL server, with a town committee (its supervisor and an
 * administrator) above two branches, a secretary of the first, and fresh one-problem items.
 * `trendBranch` is kept for items whose overdue history a test writes by hand.
 */
export async function startWorkflowApi() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
  const tag = randomUUID().slice(0, 8);
  const password = 'test-password-123';
  const app: INestApplication = await createApiApp(
    readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }),
  );
  await app.init();
  const http = app.getHttpServer();
  const db = app.get(DataSource);
  const town = await addOrganisation(db, { name: `镇党委-${tag}` });
  const branch = await addOrganisation(db, { name: `甲村党支部-${tag}`, parentName: town.name });
  const trendBranch = await addOrganisation(db, { name: `乙村党支部-${tag}`, parentName: town.name });
  const usernames: Record<Who, string> = { sec: `sec-${tag}`, sup: `sup-${tag}`, admin: `admin-${tag}` };
  const tokens = {} as Record<Who, string>;
  for (const [who, org, role] of [
    ['sec', branch.name, 'secretary'],
    ['sup', town.name, 'supervisor'],
    ['admin', town.name, 'admin'],
  ] as const) {
    await addUser(db, { username: usernames[who], organisationName: org, role, password });
    const res = await request(http).post('/api/auth/login').send({ username: usernames[who], password });
    tokens[who] = res.body.accessToken;
  }

  const as = (who: Who) => ({ Authorization: `Bearer ${tokens[who]}` });
  let imported = 0;
  /** A new item of the branch (or of `trendBranch`), as imported: identified, version 1. */
  const freshItem = async (organisationName = branch.name): Promise<string> => {
    imported += 1;
    const text = `2023年度述职报告 ${tag}-${imported}\n二、存在的问题\n1. 理论学习不够深入（${tag}-${imported}）。\n三、下步工作打算\n1. 加强学习。\n`;
    const result = await importReport(db, {
      bytes: Buffer.from(text),
      fileName: `r-${tag}-${imported}.txt`,
      organisationName,
    });
    return result.itemIds[0];
  };
  const item = async (id: string, who: Who = 'sup') =>
    (await request(http).get(`/api/items/${id}`).set(as(who)).expect(200)).body;
  const send = (who: Who, id: string, event: string, payload: object = {}, expectedVersion?: number) =>
    item(id, who).then((current) =>
      request(http)
        .post(`/api/items/${id}/transitions`)
        .set(as(who))
        .send({ event, payload, expectedVersion: expectedVersion ?? current.version }),
    );
  const measures = (...deadlines: string[]) =>
    deadlines.map((deadline, i) => ({ title: `整改措施${i + 1}`, responsible: '张三', deadline }));
  /** A fresh item whose secretary has set measures with these deadlines. */
  const plannedItem = async (...deadlines: string[]) => {
    const id = await freshItem();
    await send('sec', id, 'SET_MEASURES', { measures: measures(...deadlines) }).then((r) => {
      if (r.status !== 200) throw new Error(`SET_MEASURES failed: ${JSON.stringify(r.body)}`);
    });
    return id;
  };

  return {
    app,
    http,
    db,
    tag,
    town,
    branch,
    trendBranch,
    usernames,
    as,
    freshItem,
    item,
    send,
    measures,
    plannedItem,
  };
}

export type WorkflowApi = Awaited<ReturnType<typeof startWorkflowApi>>;
