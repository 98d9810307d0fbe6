import { type INestApplication } from '@nestjs/common';
import { createRepositories, type Repositories } from '@rectify/persistence';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { binaryParser } from '../support/binary-response';
import { fixtureBytes, MEASURES_2023, type Qingshan, seedQingshan } from '../support/closing-loop-fixture';
import { importReport, transitionItem } from '../support/item-commands';

// Withdrawing a mistaken item (撤销) and restoring it (恢复), and removing an untouched import
// (删除导入), over HTTP against the real PostgreSQL server.
describe('withdrawn items and removed imports (API)', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let db: DataSource;
  let repos: Repositories;
  let q: Qingshan;
  let ids: string[];
  let reportId: string;
  const tokens: Record<string, string> = {};
  const baseline = { listed: 0, summary: 0, ledger: 0, section: 0 };

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const get = (who: string, path: string, query: Record<string, string | number> = {}) =>
    request(http).get(path).query(query).set(as(who));
  const post = (who: string, path: string, body: Record<string, unknown>) =>
    request(http).post(path).set(as(who)).send(body);
  const detail = async (who: string, id: string) => (await get(who, `/api/items/${id}`).expect(200)).body;
  const counts = async () => ({
    listed: (await get('sup', '/api/items', { year: 2023, organisationId: q.branch.id }).expect(200)).body
      .total,
    summary: (await get('sup', `/api/organisations/${q.committee.id}/summary`, { year: 2023 }).expect(200))
      .body.totals.items,
    ledger: (await get('sup', `/api/organisations/${q.committee.id}/ledger`, { year: 2023 }).expect(200)).body
      .rows.length,
    section: (await get('sec', `/api/organisations/${q.branch.id}/section`, { year: 2024 }).expect(200)).body
      .paragraphs.length,
  });
  const ledgerXlsxText = async () => {
    const res = await get('sup', `/api/organisations/${q.committee.id}/ledger`, {
      year: 2023,
      format: 'xlsx',
    })
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    workbook
      .getWorksheet('整改台账')!
      .eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    return cells.join('\n');
  };
  const rowsOf = async (table: string, column: string, values: string[]): Promise<number> => {
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = ANY($1::uuid[])`,
      [values],
    );
    return n;
  };

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    db = app.get(DataSource);
    repos = createRepositories(db);
    q = await seedQingshan(db);
    const imported = await importReport(db, {
      bytes: fixtureBytes('qingshan-2023.txt'),
      fileName: 'qingshan-2023.txt',
      organisationName: q.branch.name,
    });
    ids = imported.itemIds;
    reportId = imported.reportId;
    // The first item has a plan and a deadline, so it has reminders.
    await transitionItem(db, {
      itemId: ids[0],
      actorUserId: q.secretary.id,
      event: 'SET_MEASURES',
      payload: { measures: MEASURES_2023[0] },
    });
    for (const who of ['sec', 'sup', 'sec4', 'admin']) {
      const res = await request(http)
        .post('/api/auth/login')
        .send({ username: `${who}-${q.tag}`, password: 'rectify-test' })
        .expect(200);
      tokens[who] = res.body.accessToken;
    }
    Object.assign(baseline, await counts());
  });
  afterAll(() => app.close());

  it('refuses the item’s own secretary (403, naming who may) and offers 撤销 only to the level above', async () => {
    expect((await detail('sec', ids[0])).allowedActions).not.toContain('WITHDRAW');
    const { version, allowedActions } = await detail('sup', ids[0]);
    expect(allowedActions).toContain('WITHDRAW');
    const refused = await post('sec', `/api/items/${ids[0]}/withdraw`, {
      version,
      reason: '不是我们的问题',
    }).expect(403);
    expect(refused.body.code).toBe('ACTOR_NOT_PERMITTED');
    expect(refused.body.message).toContain('只有上级党组织、管理员可以撤销');
    // Out of scope reads as absent.
    await post('sec4', `/api/items/${ids[0]}/withdraw`, { version, reason: '误' }).expect(404);
    expect((await detail('sup', ids[0])).withdrawn).toBeNull();
  });

  it('lets a supervisor withdraw with a reason: out of the list, the summary, the ledger, the section and reminders', async () => {
    const before = await detail('sup', ids[0]);
    expect(baseline).toEqual({ listed: 5, summary: 5, ledger: 5, section: 5 });
    expect(await ledgerXlsxText()).toContain(before.title);
    await post('sup', `/api/items/${ids[0]}/withdraw`, { version: before.version }).expect(400);
    const stale = await post('sup', `/api/items/${ids[0]}/withdraw`, {
      version: before.version - 1,
      reason: '与上级点评重复',
    }).expect(409);
    expect(stale.body.code).toBe('ITEM_CHANGED');
    const done = await post('sup', `/api/items/${ids[0]}/withdraw`, {
      version: before.version,
      reason: '与上级点评重复',
    }).expect(200);
    expect(done.body).toEqual({ itemId: ids[0], version: before.version + 1 });

    const after = await detail('sup', ids[0]);
    expect(after).toMatchObject({
      status: 'measures_set',
      version: before.version + 1,
      withdrawn: { at: expect.any(String), by: '王强', reason: '与上级点评重复' },
      allowedActions: ['RESTORE'],
    });
    expect(after.history.at(-1)).toMatchObject({
      event: 'WITHDRAW',
      actorName: '王强',
      fromStatus: 'measures_set',
      toStatus: 'measures_set',
      payload: { reason: '与上级点评重复' },
    });
    expect((await detail('sec', ids[0])).allowedActions).toEqual([]);

    expect(await counts()).toEqual({ listed: 4, summary: 4, ledger: 4, section: 4 });
    const listed = await get('sup', '/api/items', { year: 2023, organisationId: q.branch.id }).expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(ids[0]);
    const only = await get('sup', '/api/items', { withdrawn: 'only', organisationId: q.branch.id }).expect(
      200,
    );
    expect(only.body.items.map((i: { id: string; withdrawn: boolean }) => [i.id, i.withdrawn])).toEqual([
      [ids[0], true],
    ]);
    const text = await ledgerXlsxText();
    expect(text).not.toContain(before.title);
    expect(text).toContain((await detail('sup', ids[1])).title);

    // No reminders: the subjects leave it out, so a job already queued for it sends nothing.
    expect((await repos.reminderSubjects.subjects('operator', [ids[0], ids[1]])).has(ids[0])).toBe(false);
    expect((await repos.reminderSubjects.openSubjects('operator')).map((s) => s.itemId)).not.toContain(
      ids[0],
    );
  });

  it('refuses every event, edit, note and evidence upload on a withdrawn item with 409 ITEM_WITHDRAWN', async () => {
    const { version } = await detail('sup', ids[0]);
    const expectWithdrawn = (res: request.Response) => {
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('ITEM_WITHDRAWN');
      expect(res.body.message).toContain('该整改事项已撤销');
      expect(res.body.message).toContain('请上级党组织先恢复');
    };
    expectWithdrawn(
      await post('sec', `/api/items/${ids[0]}/transitions`, {
        event: 'SUBMIT_COMPLETION',
        payload: { evidence: '已完成' },
        expectedVersion: version,
      }),
    );
    expectWithdrawn(
      await post('sec', `/api/items/${ids[0]}/notes`, { note: '进展', expectedVersion: version }),
    );
    expectWithdrawn(
      await request(http)
        .patch(`/api/items/${ids[0]}`)
        .set(as('sup'))
        .send({ title: '改', expectedVersion: version }),
    );
    expectWithdrawn(
      await request(http)
        .post(`/api/items/${ids[0]}/evidence`)
        .set(as('sec'))
        .attach('file', Buffer.from('%PDF-1.4 test'), '记录.pdf'),
    );
    expect((await get('sec', `/api/items/${ids[0]}/events`).expect(200)).body.events).toEqual([]);
    expect((await detail('sup', ids[0])).version).toBe(version);
  });

  it('restores it in the status it had, back in lists, counts and reminders; only the level above may', async () => {
    const { version } = await detail('sup', ids[0]);
    expect((await post('sec', `/api/items/${ids[0]}/restore`, { version }).expect(403)).body.code).toBe(
      'ACTOR_NOT_PERMITTED',
    );
    await post('sup', `/api/items/${ids[0]}/restore`, { version, note: '经核实确属本支部问题' }).expect(200);
    const restored = await detail('sup', ids[0]);
    expect(restored).toMatchObject({ status: 'measures_set', withdrawn: null, version: version + 1 });
    expect(restored.allowedActions).toContain('WITHDRAW');
    expect(restored.history.at(-1)).toMatchObject({
      event: 'RESTORE',
      payload: { note: '经核实确属本支部问题' },
    });
    expect(await counts()).toEqual(baseline);
    expect((await repos.reminderSubjects.subjects('operator', [ids[0]])).has(ids[0])).toBe(true);
    // Restoring twice is refused.
    await post('sup', `/api/items/${ids[0]}/restore`, { version: version + 1 }).expect(409);
  });

  it('removes an import nobody has worked on with everything of its items, administrators only', async () => {
    const untouched = await importReport(db, {
      bytes: fixtureBytes('qingshan-2024.txt'),
      fileName: 'qingshan-2024.txt',
      organisationName: q.branch.name,
    });
    const itemIds = untouched.itemIds;
    expect(itemIds.length).toBeGreaterThan(0);
    const listed = await get('admin', '/api/reports').expect(200);
    expect(listed.body.find((r: { id: string }) => r.id === untouched.reportId)).toMatchObject({
      mayRemove: true,
    });
    const forSupervisor = await get('sup', '/api/reports').expect(200);
    expect(forSupervisor.body.find((r: { id: string }) => r.id === untouched.reportId)).toMatchObject({
      mayRemove: false,
    });
    expect(
      (await request(http).delete(`/api/reports/${untouched.reportId}`).set(as('sup')).expect(403)).body.code,
    ).toBe('ADMIN_ONLY');
    await request(http).delete(`/api/reports/${untouched.reportId}`).set(as('sec4')).expect(404);

    // Each item has its IMPORT line, which the append-only history lets go only in the removal.
    expect(await rowsOf('item_history', 'item_id', itemIds)).toBe(itemIds.length);
    const removed = await request(http)
      .delete(`/api/reports/${untouched.reportId}`)
      .set(as('admin'))
      .expect(200);
    expect(removed.body).toEqual({ reportId: untouched.reportId, removedItems: itemIds.length });
    await get('admin', `/api/reports/${untouched.reportId}`).expect(404);
    await get('admin', `/api/items/${itemIds[0]}`).expect(404);
    for (const table of ['rectification_item']) expect(await rowsOf(table, 'id', itemIds)).toBe(0);
    for (const table of ['item_history', 'measure', 'outbox', 'reminder_delivery', 'evidence']) {
      expect(await rowsOf(table, 'item_id', itemIds)).toBe(0);
    }
    expect(await rowsOf('item_recurrence', 'item_id', itemIds)).toBe(0);
    // The earlier year's items stay, with their history.
    expect(await rowsOf('rectification_item', 'id', ids)).toBe(5);
  });

  it('refuses to remove an import whose items were worked on (409 REPORT_IN_USE), changing nothing', async () => {
    const historyBefore = await rowsOf('item_history', 'item_id', ids);
    const res = await request(http).delete(`/api/reports/${reportId}`).set(as('admin')).expect(409);
    expect(res.body.code).toBe('REPORT_IN_USE');
    expect(res.body.message).toContain('5个整改事项中已有1个开始办理');
    expect(res.body.details).toMatchObject({ items: 5, worked: 1 });
    await get('admin', `/api/reports/${reportId}`).expect(200);
    expect(await rowsOf('rectification_item', 'id', ids)).toBe(5);
    expect(await rowsOf('item_history', 'item_id', ids)).toBe(historyBefore);
  });

  it('keeps the history append-only outside a removal', async () => {
    await expect(db.query(`DELETE FROM item_history WHERE item_id = $1`, [ids[1]])).rejects.toThrow(
      /append-only/,
    );
  });
});
