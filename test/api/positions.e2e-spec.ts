import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type PositionGrant } from '@rectify/application';
import { type AuthTestApp, bearer, PASSWORD, startAuthTestApp } from '../support/auth-test-app';
import { addOrganisation, addUser } from '../support/admin-fixtures';

// Positions, not one role: what each kind of position may do, through the HTTP API against the
// real PostgreSQL. A county (县委) above two towns; town A has a general branch (总支) above two
// branches; town B one branch.
jest.setTimeout(90_000);

describe('positions (职务) decide what a person may do', () => {
  let t: AuthTestApp;
  const tag = randomUUID().slice(0, 8);
  const org: Record<string, { id: string; name: string }> = {};
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const person = async (key: string, home: string, positions: PositionGrant[]) => {
    const username = `${key}-${tag}`;
    const user = await addUser(t.db, {
      username,
      organisationName: org[home].name,
      positions,
      password: PASSWORD,
    });
    ids[key] = user.id;
    tokens[key] = await t.token(username);
  };
  const as = (key: string) => bearer(tokens[key]);
  const createItem = async (by: string, organisation: string, title: string) => {
    const res = await request(t.http)
      .post('/api/items')
      .set(as(by))
      .send({ organisationId: org[organisation].id, source: 'superior_review', list: title });
    expect(res.status).toBe(201);
    return res.body.items[0].id as string;
  };
  const detail = (by: string, itemId: string) => request(t.http).get(`/api/items/${itemId}`).set(as(by));
  const send = async (by: string, itemId: string, event: string, payload: Record<string, unknown> = {}) => {
    const { version } = (await detail('root', itemId).expect(200)).body;
    return request(t.http)
      .post(`/api/items/${itemId}/transitions`)
      .set(as(by))
      .send({ event, payload, expectedVersion: version });
  };
  const measures = { measures: [{ title: '建立学习制度', responsible: '张三', deadline: '2030-06-30' }] };

  beforeAll(async () => {
    t = await startAuthTestApp();
    const add = async (key: string, kind: 'committee' | 'general_branch' | 'branch', parent?: string) => {
      org[key] = await addOrganisation(t.db, {
        name: `${key}-${tag}`,
        kind,
        parentName: parent ? org[parent].name : undefined,
      });
    };
    await add('县委', 'committee');
    await add('镇A', 'committee', '县委');
    await add('总支', 'general_branch', '镇A');
    await add('支部1', 'branch', '总支');
    await add('支部2', 'branch', '总支');
    await add('镇B', 'committee', '县委');
    await add('支部B', 'branch', '镇B');
    await person('root', '县委', [{ kind: 'admin' }]);
    await person('townAdmin', '镇A', [{ kind: '管理员' }]);
    await person('townSecretary', '镇A', [{ kind: '书记' }]);
    await person('deputy', '镇A', [{ kind: '副书记' }]);
    await person('organiser', '镇A', [{ kind: '组织委员' }]);
    await person('discipline', '镇A', [{ kind: '纪检委员' }]);
    await person('general', '总支', [{ kind: '书记' }]);
    await person('branch1', '支部1', [{ kind: '书记' }]);
    await person('worker', '支部1', [{ kind: '党务工作者', rights: ['work_items'] }]);
    await person('branchB', '支部B', [{ kind: '书记' }]);
  });
  afterAll(() => t?.close());

  it('lets a 党总支书记 work the 党总支’s own items and sign off its branches’, never its own', async () => {
    const own = await createItem('townSecretary', '总支', `总支的问题 ${tag}`);
    expect((await detail('general', own).expect(200)).body.allowedActions).toEqual(
      expect.arrayContaining(['SET_MEASURES', 'EDIT_DETAILS', 'ATTACH_EVIDENCE']),
    );
    expect((await send('general', own, 'SET_MEASURES', measures)).status).toBe(200);
    expect((await send('general', own, 'SUBMIT_COMPLETION', { evidence: '制度已印发' })).status).toBe(200);
    const selfApproval = await send('general', own, 'APPROVE_COMPLETION');
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body).toMatchObject({
      code: 'ACTOR_NOT_PERMITTED',
      message: expect.stringContaining('上级党组织'),
    });
    // The level above (镇A's 副书记) signs it off.
    expect((await send('deputy', own, 'APPROVE_COMPLETION')).status).toBe(200);

    const below = await createItem('general', '支部1', `支部的问题 ${tag}`);
    expect((await send('branch1', below, 'SET_MEASURES', measures)).status).toBe(200);
    expect((await send('branch1', below, 'SUBMIT_COMPLETION', { evidence: '已整改' })).status).toBe(200);
    expect((await detail('general', below).expect(200)).body.allowedActions).toEqual(
      expect.arrayContaining(['APPROVE_COMPLETION', 'RETURN_FOR_REWORK']),
    );
    expect((await send('general', below, 'APPROVE_COMPLETION')).status).toBe(200);
    expect((await detail('branch1', below).expect(200)).body.status).toBe('completed');
  });

  it('signs a 镇党委’s own items off from the county only: not its 书记, 副书记 or 组织委员', async () => {
    const townItem = await createItem('root', '镇A', `镇的问题 ${tag}`);
    // Its own problems are raised by the level above, never by the town itself.
    const ownRaise = await request(t.http)
      .post('/api/items')
      .set(as('organiser'))
      .send({ organisationId: org['镇A'].id, source: 'superior_review', list: '自己给自己提的问题' });
    expect([403, 404]).toContain(ownRaise.status);
    expect((await send('townSecretary', townItem, 'SET_MEASURES', measures)).status).toBe(200);
    expect((await send('townSecretary', townItem, 'SUBMIT_COMPLETION', { evidence: '已整改' })).status).toBe(
      200,
    );
    for (const who of ['townSecretary', 'deputy', 'organiser'])
      expect((await send(who, townItem, 'APPROVE_COMPLETION')).status).toBe(403);
    // 副书记 and 组织委员 supervise but do not work the town's items.
    expect((await detail('deputy', townItem).expect(200)).body.allowedActions).not.toContain('SET_MEASURES');
    expect((await send('root', townItem, 'APPROVE_COMPLETION')).status).toBe(200);
  });

  it('lets a 纪检委员 read their own organisation only, and a designated 党务工作者 work the branch’s items', async () => {
    const townItem = await createItem('root', '镇A', `纪检可见 ${tag}`);
    const branchItem = await createItem('organiser', '支部1', `党务可办 ${tag}`);
    expect((await detail('discipline', townItem).expect(200)).body.allowedActions).toEqual([]);
    await detail('discipline', branchItem).expect(404);
    expect((await send('worker', branchItem, 'SET_MEASURES', measures)).status).toBe(200);
    // The 组织委员 created it and supervises it from above.
    expect((await detail('organiser', branchItem).expect(200)).body.allowedActions).toEqual(
      expect.arrayContaining(['EDIT_DETAILS']),
    );
  });

  it('keeps a town administrator inside the town: a neighbouring town’s items, people and organisations are not found', async () => {
    const neighbourItem = await createItem('root', '支部B', `邻镇的问题 ${tag}`);
    await detail('townAdmin', neighbourItem).expect(404);
    const patch = await request(t.http)
      .patch(`/api/items/${neighbourItem}`)
      .set(as('townAdmin'))
      .send({ title: '越权修改' });
    expect(patch.status).toBe(404);
    await request(t.http)
      .patch(`/api/users/${ids.branchB}`)
      .set(as('townAdmin'))
      .send({ displayName: '越权' })
      .expect(404);
    await request(t.http).post(`/api/users/${ids.branchB}/reset-password`).set(as('townAdmin')).expect(404);
    const listed = await request(t.http)
      .get('/api/users')
      .query({ q: tag, pageSize: 200 })
      .set(as('townAdmin'))
      .expect(200);
    expect(listed.body.users.map((u: { username: string }) => u.username)).not.toContain(`branchB-${tag}`);
    expect(listed.body.users.map((u: { username: string }) => u.username)).toContain(`branch1-${tag}`);

    // A position outside the administrator's subtree is refused, and nothing is written.
    const outside = await request(t.http)
      .put(`/api/users/${ids.branch1}/positions`)
      .set(as('townAdmin'))
      .send({ positions: [{ kind: 'secretary' }, { kind: 'secretary', organisationId: org['支部B'].id }] })
      .expect(404);
    expect(outside.body).toMatchObject({
      code: 'ORGANISATION_NOT_FOUND',
      message: expect.stringContaining('管理范围'),
    });
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM position WHERE user_id = $1`, [
      ids.branch1,
    ]);
    expect(count).toBe(1);
    const added = await request(t.http)
      .post('/api/users')
      .set(as('townAdmin'))
      .send({
        username: `outsider-${tag}`,
        displayName: '外人',
        organisationId: org['支部B'].id,
        positions: [{ kind: 'secretary' }],
      });
    expect(added.status).toBe(404);

    // Inside the town: adds a person and gives them positions; they work at once.
    const inside = await request(t.http)
      .post('/api/users')
      .set(as('townAdmin'))
      .send({
        username: `newcomer-${tag}`,
        displayName: '新任书记',
        organisationId: org['支部2'].id,
        positions: [{ kind: 'secretary' }, { kind: 'organising_member', organisationId: org['总支'].id }],
      })
      .expect(201);
    expect(inside.body.positions).toEqual([
      expect.objectContaining({
        organisationName: org['总支'].name,
        kind: 'organising_member',
        rights: ['supervise'],
      }),
      expect.objectContaining({
        organisationName: org['支部2'].name,
        kind: 'secretary',
        rights: ['work_items', 'supervise'],
      }),
    ]);
    // Not the root: the system's own pages stay closed.
    expect((await request(t.http).get('/api/dev/mailbox').set(as('townAdmin'))).status).toBe(403);
  });

  it('answers each person’s positions and capabilities on /api/me, and applies a change on the next request', async () => {
    const me = await request(t.http).get('/api/me').set(as('general')).expect(200);
    expect(me.body).toMatchObject({
      positions: [
        { organisationName: org['总支'].name, kind: 'secretary', rights: ['work_items', 'supervise'] },
      ],
      capabilities: { worksItems: true, supervises: true, administers: false, operatesSystem: false },
    });
    expect(
      (await request(t.http).get('/api/me').set(as('root')).expect(200)).body.capabilities,
    ).toMatchObject({
      administers: true,
      operatesSystem: true,
    });
    const branchItem = await createItem('general', '支部2', `职务变更 ${tag}`);
    await request(t.http)
      .put(`/api/users/${ids.general}/positions`)
      .set(as('townAdmin'))
      .send({ positions: [{ kind: 'discipline_member' }] })
      .expect(200);
    // The same token: no longer supervising the branches.
    await detail('general', branchItem).expect(404);
  });
});
