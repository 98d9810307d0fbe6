import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { addOrganisation } from '../support/admin-fixtures';
import { type AuthTestApp, bearer, startAuthTestApp } from '../support/auth-test-app';
import { createTestDatabase } from '../support/test-database';

// Administering the organisation tree (组织管理) through the API and the CLI, on the real
// PostgreSQL: add, rename, change kind, move (never into a cycle, even by two moves at once),
// disable and enable; a disabled organisation takes no new people, items or imports.
jest.setTimeout(90_000);

const ROOT = resolve(__dirname, '../..');

interface Row {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  path: string;
  disabled: boolean;
}

describe('organisation tree administration', () => {
  let database: { url: string; drop: () => Promise<void> };
  let t: AuthTestApp;
  let admin: string;
  let supervisor: string;
  let tag: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    t = await startAuthTestApp({ DATABASE_URL: database.url });
    admin = await t.token((await t.addUser('admin')).username);
    supervisor = await t.token((await t.addUser('supervisor')).username);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });
  beforeEach(() => {
    tag = randomUUID().slice(0, 8);
  });

  const named = (name: string) => `${name}-${tag}`;
  const rows = async (): Promise<Row[]> =>
    t.db.query(`SELECT id, name, kind, parent_id, path, disabled FROM organisation ORDER BY path`);
  const row = async (id: string) => (await rows()).find((r) => r.id === id) as Row;
  const add = (token: string, body: Record<string, unknown>) =>
    request(t.http).post('/api/organisations').set(bearer(token)).send(body);
  const patch = (token: string, id: string, body: Record<string, unknown>) =>
    request(t.http).patch(`/api/organisations/${id}`).set(bearer(token)).send(body);
  const move = (token: string, id: string, parentId: unknown) =>
    request(t.http).post(`/api/organisations/${id}/move`).set(bearer(token)).send({ parentId });
  const setActive = (token: string, id: string, active: boolean) =>
    request(t.http)
      .post(`/api/organisations/${id}/${active ? 'activate' : 'deactivate'}`)
      .set(bearer(token));

  /** Every path is its parent's path plus its own id: the tree is a tree. */
  async function expectATree() {
    const all = await rows();
    const byId = new Map(all.map((r) => [r.id, r]));
    for (const r of all) {
      const parentPath = r.parent_id ? (byId.get(r.parent_id) as Row).path : '/';
      expect(r.path).toBe(`${parentPath}${r.id}/`);
    }
  }

  /** 镇党委 → 村党总支 → 甲村党支部, and 乙村党支部 under 镇党委. */
  async function smallTree() {
    const town = (await add(admin, { name: named('镇党委') }).expect(201)).body;
    const general = (await add(admin, { name: named('村党总支'), parentId: town.id }).expect(201)).body;
    const branchA = (await add(admin, { name: named('甲村党支部'), parentId: general.id }).expect(201)).body;
    const branchB = (await add(admin, { name: named('乙村党支部'), parentId: town.id }).expect(201)).body;
    return { town, general, branchA, branchB };
  }

  it('adds with the kind given or guessed (党工委 too), renames, changes the kind, refuses a taken name', async () => {
    const { town, general, branchA } = await smallTree();
    expect(general).toEqual({
      id: general.id,
      name: named('村党总支'),
      kind: 'general_branch',
      parentId: town.id,
    });
    const working = await add(admin, {
      name: named('园区'),
      parentId: town.id,
      kind: 'working_committee',
    }).expect(201);
    expect(working.body.kind).toBe('working_committee');

    const renamed = await patch(admin, branchA.id, { name: ` ${named('甲村第一党支部')} ` }).expect(200);
    expect(renamed.body).toEqual({
      id: branchA.id,
      name: named('甲村第一党支部'),
      kind: 'branch',
      parentId: general.id,
      disabled: false,
    });
    expect((await patch(admin, general.id, { kind: 'committee' }).expect(200)).body.kind).toBe('committee');

    const clash = await patch(admin, branchA.id, { name: named('乙村党支部') }).expect(409);
    expect(clash.body).toEqual({
      code: 'ORGANISATION_EXISTS',
      message: `组织名称"${named('乙村党支部')}"已被使用：请换一个名称。`,
      details: { name: named('乙村党支部') },
    });
    expect((await row(branchA.id)).name).toBe(named('甲村第一党支部'));
    expect((await patch(admin, branchA.id, { kind: 'cell' }).expect(400)).body.code).toBeDefined();
    expect((await patch(admin, branchA.id, {}).expect(400)).body.code).toBe('INVALID_ARGUMENT');
    expect((await patch(supervisor, branchA.id, { name: named('x') }).expect(403)).body.code).toBe(
      'ADMIN_ONLY',
    );
    for (const id of [randomUUID(), 'not-a-uuid']) {
      expect((await patch(admin, id, { name: named('y') }).expect(404)).body.code).toBe(
        'ORGANISATION_NOT_FOUND',
      );
    }
  });

  it('moves an organisation with its subtree in one go; refuses a cycle and a root, changing nothing', async () => {
    const { town, general, branchA, branchB } = await smallTree();
    const moved = await move(admin, general.id, branchB.id).expect(200);
    expect(moved.body).toMatchObject({ id: general.id, parentId: branchB.id });
    expect((await row(branchA.id)).path).toBe(`/${town.id}/${branchB.id}/${general.id}/${branchA.id}/`);
    await expectATree();

    const before = await rows();
    for (const target of [general.id, branchA.id]) {
      const refused = await move(admin, general.id, target).expect(409);
      expect(refused.body).toEqual({
        code: 'ORGANISATION_CYCLE',
        message: '不能把组织移到它自己或其下级组织之下。',
        details: { id: general.id, parentId: target },
      });
    }
    const root = await move(admin, town.id, branchB.id).expect(409);
    expect(root.body.code).toBe('ORGANISATION_IS_ROOT');
    expect(await rows()).toEqual(before);

    expect((await move(admin, general.id, 'nope').expect(400)).body.code).toBeDefined();
    expect((await move(admin, general.id, randomUUID()).expect(404)).body.code).toBe(
      'ORGANISATION_NOT_FOUND',
    );
    expect((await move(supervisor, general.id, town.id).expect(403)).body.code).toBe('ADMIN_ONLY');
  });

  it('lets only one of two moves that would together close a cycle succeed; the tree stays a tree', async () => {
    for (let round = 0; round < 5; round++) {
      tag = randomUUID().slice(0, 8);
      const town = (await add(admin, { name: named('镇党委') }).expect(201)).body;
      const a = (await add(admin, { name: named('甲党总支'), parentId: town.id }).expect(201)).body;
      const aChild = (await add(admin, { name: named('甲一党支部'), parentId: a.id }).expect(201)).body;
      const b = (await add(admin, { name: named('乙党总支'), parentId: town.id }).expect(201)).body;
      const bChild = (await add(admin, { name: named('乙一党支部'), parentId: b.id }).expect(201)).body;
      // a under b's child and b under a's child: each alone is fine, both together a cycle.
      const answers = await Promise.all([move(admin, a.id, bChild.id), move(admin, b.id, aChild.id)]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(answers.find((r) => r.status === 409)?.body.code).toBe('ORGANISATION_CYCLE');
      await expectATree();
      expect((await row(a.id)).path.startsWith(`/${town.id}/`)).toBe(true);
      expect((await row(b.id)).path.startsWith(`/${town.id}/`)).toBe(true);
    }
  });

  it('disables an empty organisation, which then takes no people, items, imports or organisations; enables it', async () => {
    const { town, general, branchA, branchB } = await smallTree();
    const root = await setActive(admin, town.id, false).expect(409);
    expect(root.body.code).toBe('ORGANISATION_IS_ROOT');
    const busy = await setActive(admin, general.id, false).expect(409);
    expect(busy.body).toMatchObject({
      code: 'ORGANISATION_HAS_ACTIVE_CHILDREN',
      message: `"${named('村党总支')}"下还有 1 个在用的下级组织：请先停用或移走这些下级组织。`,
    });

    const off = await setActive(admin, branchB.id, false).expect(200);
    expect(off.body).toMatchObject({ id: branchB.id, disabled: true });
    const tree = await request(t.http).get('/api/organisations').set(bearer(admin)).expect(200);
    const townNode = tree.body.find((n: { id: string }) => n.id === town.id);
    expect(townNode.children).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: branchB.id, disabled: true })]),
    );

    const refusals = [
      await request(t.http)
        .post('/api/users')
        .set(bearer(admin))
        .send({
          username: `u-${tag}`,
          displayName: '新人',
          password: 'a-long-enough-password',
          positions: [{ kind: 'secretary' }],
          organisationId: branchB.id,
        }),
      await request(t.http)
        .post('/api/items')
        .set(bearer(admin))
        .send({ organisationId: branchB.id, source: 'other', problems: [{ title: '问题' }] }),
      await request(t.http)
        .post('/api/reports')
        .set(bearer(admin))
        .attach('file', Buffer.from(`2023年度述职报告 ${tag}\n二、存在问题\n一是学习不够深入。\n`), 'r.txt')
        .field('organisationId', branchB.id),
      await add(admin, { name: named('丙'), parentId: branchB.id }),
      await move(admin, branchA.id, branchB.id),
    ];
    for (const res of refusals) {
      expect({ status: res.status, code: res.body.code, message: res.body.message }).toEqual({
        status: 409,
        code: 'ORGANISATION_DISABLED',
        message: expect.stringContaining(`组织"${named('乙村党支部')}"已停用`),
      });
    }
    const counts = await t.db.query(
      `SELECT (SELECT count(*)::int FROM app_user WHERE organisation_id = $1) AS people,
              (SELECT count(*)::int FROM rectification_item WHERE organisation_id = $1) AS items,
              (SELECT count(*)::int FROM organisation WHERE parent_id = $1) AS children`,
      [branchB.id],
    );
    expect(counts).toEqual([{ people: 0, items: 0, children: 0 }]);

    // Below a disabled parent nothing is enabled; the parent first.
    await setActive(admin, branchA.id, false).expect(200);
    await setActive(admin, general.id, false).expect(200);
    expect((await setActive(admin, branchA.id, true).expect(409)).body.code).toBe('ORGANISATION_DISABLED');
    await setActive(admin, general.id, true).expect(200);
    expect((await setActive(admin, branchA.id, true).expect(200)).body.disabled).toBe(false);
    expect((await setActive(supervisor, branchA.id, false).expect(403)).body.code).toBe('ADMIN_ONLY');
  });

  describe('the CLI, while the API serves the same database', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/rectify.js'), 'orgs', ...args], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: database.url },
      });

    it('lists, adds, renames, moves, disables and enables; refusals exit 1 with the Chinese message', async () => {
      const town = await addOrganisation(t.db, { name: named('镇党委') });
      const added = cli('add', named('甲村党支部'), '--parent', town.name, '--json');
      expect(added.status).toBe(0);
      expect(JSON.parse(added.stdout)).toMatchObject({
        name: named('甲村党支部'),
        kind: 'branch',
        parentId: town.id,
      });
      expect(
        cli('add', named('村党总支'), '--parent', town.name, '--kind', 'general_branch').stdout,
      ).toContain(`已添加组织：${named('村党总支')}（党总支`);

      const renamed = cli('rename', named('甲村党支部'), named('甲村第一党支部'));
      expect({ status: renamed.status, stdout: renamed.stdout.trim() }).toEqual({
        status: 0,
        stdout: `已重命名：${named('甲村党支部')} → ${named('甲村第一党支部')}（党支部）`,
      });
      expect(cli('move', named('甲村第一党支部'), '--parent', named('村党总支')).status).toBe(0);
      // The API sees the CLI's writes at once.
      const tree = await request(t.http).get('/api/organisations').set(bearer(admin)).expect(200);
      const townNode = tree.body.find((n: { id: string }) => n.id === town.id);
      expect(townNode.children[0]).toMatchObject({
        name: named('村党总支'),
        children: [expect.objectContaining({ name: named('甲村第一党支部') })],
      });

      const cycle = cli('move', named('村党总支'), '--parent', named('甲村第一党支部'));
      expect({ status: cycle.status, stderr: cycle.stderr }).toEqual({
        status: 1,
        stderr: expect.stringContaining('不能把组织移到它自己或其下级组织之下。'),
      });
      const busy = cli('deactivate', named('村党总支'));
      expect({ status: busy.status, stderr: busy.stderr }).toEqual({
        status: 1,
        stderr: expect.stringContaining('在用的下级组织'),
      });
      expect(cli('deactivate', named('甲村第一党支部')).stdout).toContain(
        `已停用：${named('甲村第一党支部')}`,
      );
      const list = cli('list');
      expect(list.stdout).toContain(`    ${named('甲村第一党支部')}（党支部）〔已停用〕`);
      expect(cli('activate', named('甲村第一党支部')).status).toBe(0);
      expect(cli('rename', named('无此组织'), 'x').status).toBe(1);
      expect(cli('move', named('村党总支')).status).toBe(64);
      expect(cli('add', 'x', '--kind', 'cell').status).toBe(64);
    });
  });
});
