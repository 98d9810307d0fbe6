import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { dropStaleExtensionRequests } from '../../libs/persistence/src/migrations/1732730000000-history-deadline';
import { startWorkflowApi, type WorkflowApi } from '../support/workflow-fixture';

// Rules of the workflow that no path may side-step, through the HTTP API (and the CLI) against
// the real PostgreSQL server: the deadline moves later only through 申请延期 → 同意延期, and a
// pending extension request does not outlive the measures_set stage.
const ROOT = resolve(__dirname, '../..');
const HOW_TO_EXTEND = '请通过"申请延期"提出，经上级同意后生效';

describe('workflow rules: the deadline moves later only through an approved extension', () => {
  let w: WorkflowApi;
  beforeAll(async () => {
    w = await startWorkflowApi();
  });
  afterAll(() => w.app.close());

  const historyDeadlines = async (id: string) =>
    (
      await w.db.query(
        `SELECT event, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM item_history WHERE item_id = $1 ORDER BY seq`,
        [id],
      )
    ).map((r: { event: string; deadline: string | null }) => [r.event, r.deadline]);

  it('refuses measures re-set through PUT …/measures that push the deadline later with 409, changing nothing', async () => {
    const id = await w.plannedItem('2024-03-31', '2024-06-30');
    const before = await w.item(id);
    const res = await request(w.http)
      .put(`/api/items/${id}/measures`)
      .set(w.as('sec'))
      .send({ measures: w.measures('2024-03-31', '2024-12-31'), expectedVersion: before.version })
      .expect(409);
    expect(res.body.code).toBe('DEADLINE_EXTENSION_REQUIRED');
    expect(res.body.message).toContain(HOW_TO_EXTEND);
    expect(res.body.message).toContain('2024-06-30');
    expect(res.body.details).toEqual(expect.objectContaining({ currentDeadline: '2024-06-30' }));
    const after = await w.item(id);
    expect(after.deadline).toBe('2024-06-30');
    expect(after.version).toBe(before.version);
    expect(after.measures.map((m: { deadline: string }) => m.deadline)).toEqual(['2024-03-31', '2024-06-30']);
  });

  it('refuses the same postponement sent as a transition, by an administrator and in bulk', async () => {
    const id = await w.plannedItem('2024-06-30');
    const later = { measures: w.measures('2024-07-01') };
    for (const who of ['sec', 'admin'] as const) {
      const res = await w.send(who, id, 'SET_MEASURES', later);
      expect([res.status, res.body.code]).toEqual([409, 'DEADLINE_EXTENSION_REQUIRED']);
    }
    const other = await w.plannedItem('2024-05-31');
    const bulk = await request(w.http)
      .post('/api/items/bulk-transitions')
      .set(w.as('sec'))
      .send({ itemIds: [id, other], event: 'SET_MEASURES', payload: later })
      .expect(200);
    expect(bulk.body.succeeded).toBe(0);
    expect(bulk.body.results.map((r: { error: { code: string } }) => r.error.code)).toEqual([
      'DEADLINE_EXTENSION_REQUIRED',
      'DEADLINE_EXTENSION_REQUIRED',
    ]);
    expect((await w.item(id)).deadline).toBe('2024-06-30');
    expect((await w.item(other)).deadline).toBe('2024-05-31');
  });

  it('refuses the same postponement through the rectify transition command, exiting 1', async () => {
    const id = await w.plannedItem('2024-06-30');
    const cli = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/rectify.js'),
        'transition',
        id,
        'SET_MEASURES',
        '--as',
        w.usernames.sec,
        '--measure',
        '整改措施1|张三|2024-12-31',
      ],
      { encoding: 'utf8', env: process.env },
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(HOW_TO_EXTEND);
    expect((await w.item(id)).deadline).toBe('2024-06-30');
  }, 60_000); // the CLI starts through tsx, which takes a few seconds on a loaded machine

  it('lets the secretary re-plan with the same or an earlier deadline', async () => {
    const id = await w.plannedItem('2024-06-30');
    expect((await w.send('sec', id, 'SET_MEASURES', { measures: w.measures('2024-06-30') })).status).toBe(
      200,
    );
    const earlier = await w.send('sec', id, 'SET_MEASURES', {
      measures: w.measures('2024-04-30', '2024-05-31'),
    });
    expect(earlier.status).toBe(200);
    expect((await w.item(id)).deadline).toBe('2024-05-31');
  });

  it('does not let the ledger details PATCH touch the deadline', async () => {
    const id = await w.plannedItem('2024-06-30');
    const { version } = await w.item(id);
    const res = await request(w.http)
      .patch(`/api/items/${id}`)
      .set(w.as('sec'))
      .send({ responsibleLeader: '王书记', deadline: '2030-01-01', expectedVersion: version })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['deadline']);
    await request(w.http)
      .patch(`/api/items/${id}`)
      .set(w.as('sec'))
      .send({ responsibleLeader: '王书记', expectedVersion: version })
      .expect(200);
    expect((await w.item(id)).deadline).toBe('2024-06-30');
  });

  it('moves the deadline later after 申请延期 and 同意延期, recording the deadline in force on every history line', async () => {
    const id = await w.plannedItem('2024-06-30');
    const asked = await w.send('sec', id, 'REQUEST_EXTENSION', { newDeadline: '2024-09-30', reason: '换届' });
    expect(asked.status).toBe(200);
    expect((await w.item(id)).deadline).toBe('2024-06-30');
    expect((await w.send('sup', id, 'APPROVE_EXTENSION', { comment: '同意' })).status).toBe(200);
    expect((await w.item(id)).deadline).toBe('2024-09-30');
    const { version } = await w.item(id);
    await request(w.http)
      .patch(`/api/items/${id}`)
      .set(w.as('sup'))
      .send({ source: 'superior_review', expectedVersion: version })
      .expect(200);
    expect(await historyDeadlines(id)).toEqual([
      ['IMPORT', null],
      ['SET_MEASURES', '2024-06-30'],
      ['REQUEST_EXTENSION', '2024-06-30'],
      ['APPROVE_EXTENSION', '2024-09-30'],
      ['UPDATE_DETAILS', '2024-09-30'],
    ]);
  });
});

describe('workflow rules: a pending extension request does not outlive measures_set', () => {
  let w: WorkflowApi;
  beforeAll(async () => {
    w = await startWorkflowApi();
  });
  afterAll(() => w.app.close());

  const requestExtension = async (id: string, newDeadline = '2024-09-30') => {
    const res = await w.send('sec', id, 'REQUEST_EXTENSION', { newDeadline, reason: '换届影响进度' });
    expect(res.status).toBe(200);
  };
  // Older versions kept a request through submission and sign-off: such rows still exist.
  const plantStaleRequest = (id: string, newDeadline = '2024-09-30') =>
    w.db.query(`UPDATE rectification_item SET pending_extension = $2 WHERE id = $1`, [
      id,
      JSON.stringify({ newDeadline, reason: '旧版本遗留', requestedBy: 'someone' }),
    ]);
  const lastLine = async (id: string) => (await w.item(id)).history.at(-1);

  it('drops a pending request when the item is submitted, records the drop, and shows none after sign-off', async () => {
    const id = await w.plannedItem('2024-06-30');
    await requestExtension(id);
    expect((await w.send('sec', id, 'SUBMIT_COMPLETION', { evidence: '已完成' })).status).toBe(200);
    expect((await w.item(id)).pendingExtension).toBeNull();
    expect(await lastLine(id)).toEqual(
      expect.objectContaining({
        event: 'SUBMIT_COMPLETION',
        payload: expect.objectContaining({
          evidence: '已完成',
          droppedExtensionRequest: expect.objectContaining({ newDeadline: '2024-09-30' }),
        }),
      }),
    );
    expect((await w.send('sup', id, 'APPROVE_COMPLETION')).status).toBe(200);
    const done = await w.item(id);
    expect([done.status, done.pendingExtension, done.deadline]).toEqual(['completed', null, '2024-06-30']);
    const events = await request(w.http).get(`/api/items/${id}/events`).set(w.as('sup')).expect(200);
    expect(events.body.events).toEqual(['REOPEN']);
  });

  it('drops a pending request when a supervisor makes the item long-term', async () => {
    const id = await w.plannedItem('2024-06-30');
    await requestExtension(id);
    const res = await w.send('sup', id, 'APPROVE_LONG_TERM', {
      reviewIntervalDays: 90,
      reason: '需长期坚持',
    });
    expect(res.status).toBe(200);
    const after = await w.item(id);
    expect([after.status, after.pendingExtension, after.deadline]).toEqual(['long_term', null, '2024-06-30']);
    expect((await lastLine(id)).payload.droppedExtensionRequest.newDeadline).toBe('2024-09-30');
  });

  it('drops a request left by older versions when the item is signed off, and when it is reopened', async () => {
    const signed = await w.plannedItem('2024-06-30');
    expect((await w.send('sec', signed, 'SUBMIT_COMPLETION', { evidence: '已完成' })).status).toBe(200);
    await plantStaleRequest(signed);
    expect((await w.send('sup', signed, 'APPROVE_COMPLETION')).status).toBe(200);
    expect((await w.item(signed)).pendingExtension).toBeNull();
    expect((await lastLine(signed)).payload.droppedExtensionRequest).toBeDefined();

    await plantStaleRequest(signed, '2024-12-31');
    expect((await w.send('sup', signed, 'REOPEN', { reason: '问题反弹' })).status).toBe(200);
    const reopened = await w.item(signed);
    expect([reopened.status, reopened.pendingExtension, reopened.deadline]).toEqual([
      'measures_set',
      null,
      '2024-06-30',
    ]);
    expect((await lastLine(signed)).payload.droppedExtensionRequest.newDeadline).toBe('2024-12-31');
  });

  it('drops the pending requests of every item of a bulk submission', async () => {
    const ids = [await w.plannedItem('2024-06-30'), await w.plannedItem('2024-05-31')];
    for (const id of ids) await requestExtension(id);
    const res = await request(w.http)
      .post('/api/items/bulk-transitions')
      .set(w.as('sec'))
      .send({ itemIds: ids, event: 'SUBMIT_COMPLETION', payload: { evidence: '均已完成' } })
      .expect(200);
    expect(res.body.succeeded).toBe(2);
    for (const id of ids) {
      const after = await w.item(id);
      expect([after.status, after.pendingExtension]).toEqual(['pending_review', null]);
      expect((await lastLine(id)).payload.droppedExtensionRequest).toBeDefined();
    }
  });

  it('never brings the deadline earlier when approving a request that asked for less than the deadline in force', async () => {
    const id = await w.plannedItem('2024-10-31');
    await plantStaleRequest(id, '2024-09-30');
    expect((await w.send('sup', id, 'APPROVE_EXTENSION')).status).toBe(200);
    const after = await w.item(id);
    expect([after.deadline, after.pendingExtension]).toEqual(['2024-10-31', null]);
  });

  it('clears, on upgrade, the requests older versions left on completed items, with a system history line', async () => {
    const id = await w.plannedItem('2024-06-30');
    expect((await w.send('sec', id, 'SUBMIT_COMPLETION', { evidence: '已完成' })).status).toBe(200);
    expect((await w.send('sup', id, 'APPROVE_COMPLETION')).status).toBe(200);
    await plantStaleRequest(id);
    const before = await w.item(id);
    expect(before.pendingExtension).not.toBeNull();
    await dropStaleExtensionRequests(w.db);
    const after = await w.item(id);
    expect([after.status, after.pendingExtension, after.version]).toEqual([
      'completed',
      null,
      before.version + 1,
    ]);
    expect(after.history.at(-1)).toEqual(
      expect.objectContaining({
        seq: before.version + 1,
        event: 'DROP_EXTENSION_REQUEST',
        actorId: 'system',
        payload: expect.objectContaining({
          droppedExtensionRequest: expect.objectContaining({ newDeadline: '2024-09-30' }),
        }),
      }),
    );
  });

  it('does not let a client forge a dropped request into the history', async () => {
    const id = await w.plannedItem('2024-06-30');
    const before = await w.item(id);
    const forged = { note: '进展', droppedExtensionRequest: { newDeadline: '2099-01-01' } };
    const res = await w.send('sec', id, 'ADD_PROGRESS_NOTE', forged);
    expect([res.status, res.body.code]).toEqual([400, 'EVENT_INCOMPLETE']);
    expect(res.body.message).toBe(
      '"记录整改进展"不需要填写 droppedExtensionRequest：请删除该字段（可填写的字段：note）。',
    );
    // Nothing was written.
    expect((await w.item(id)).version).toBe(before.version);
    expect((await w.send('sec', id, 'ADD_PROGRESS_NOTE', { note: '进展' })).status).toBe(200);
    expect((await lastLine(id)).payload).toEqual({ note: '进展' });
  });

  it('refuses 制定整改措施 with fields it does not take, at the top and in a measure', async () => {
    const id = await w.freshItem();
    const [plan] = w.measures('2024-06-30');
    const withDeadline = await w.send('sec', id, 'SET_MEASURES', {
      measures: [plan],
      deadline: '2024-12-31',
    });
    expect([withDeadline.status, withDeadline.body.code]).toEqual([400, 'EVENT_INCOMPLETE']);
    expect(withDeadline.body.message).toBe(
      '"制定整改措施"不需要填写 deadline：请删除该字段（可填写的字段：measures）。',
    );
    const withDetail = await w.send('sec', id, 'SET_MEASURES', {
      measures: [{ ...plan, detail: '每月一次' }],
    });
    expect(withDetail.body.message).toContain('第1条整改措施不需要填写 detail');
    expect((await w.item(id)).status).toBe('identified');
  });
});
