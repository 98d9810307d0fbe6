import { randomUUID } from 'node:crypto';
import {
  type Database,
  PgOrganisationsRepository,
  PgUsersRepository,
  type UserRecord,
} from '@rectify/persistence';
import { REPOSITORY_BACKENDS } from '../../support/scope-tree-fixture';

describe.each(REPOSITORY_BACKENDS)('users repository on %s', (_name, open) => {
  let db: Database;
  let users: PgUsersRepository;
  let tag: string;
  let organisationId: string;
  let lisi: UserRecord;

  beforeAll(async () => {
    db = await open();
    users = new PgUsersRepository(db.dataSource);
    tag = randomUUID().slice(0, 8);
    const outcome = await new PgOrganisationsRepository(db.dataSource).add({
      name: `甲村党支部-${tag}`,
      kind: 'branch',
      parentName: null,
    });
    if (outcome.kind !== 'added') throw new Error(outcome.kind);
    organisationId = outcome.organisation.id;
    lisi = await users.add({
      username: `lisi-${tag}`,
      displayName: '李四',
      organisationId,
      positions: [{ organisationId, kind: 'secretary', rights: ['work_items'] }],
      email: 'lisi@example.org',
      passwordHash: 'hash-1',
    });
  });
  afterAll(() => db.close());

  it('adds an account with its new id, token version 0, not disabled, and finds it by username or id', async () => {
    const expected = {
      id: expect.any(String),
      username: `lisi-${tag}`,
      displayName: '李四',
      organisationId,
      positions: [
        {
          organisationId,
          organisationName: `甲村党支部-${tag}`,
          organisationPath: expect.stringMatching(/^\/[0-9a-f-]+\/$/),
          kind: 'secretary',
          rights: ['work_items'],
        },
      ],
      email: 'lisi@example.org',
      phone: null,
      passwordHash: 'hash-1',
      mustChangePassword: false,
      disabled: false,
      tokenVersion: 0,
      createdAt: expect.any(Date),
    };
    expect(lisi).toEqual(expected);
    expect(await users.findByUsername(`lisi-${tag}`)).toEqual({ ...expected, id: lisi.id });
    expect(await users.findById(lisi.id)).toEqual({ ...expected, id: lisi.id });
    expect(await users.findByUsername(`nobody-${tag}`)).toBeNull();
    expect(await users.findById(randomUUID())).toBeNull();
  });

  it('refuses a second account with the same username (the unique index)', async () => {
    await expect(
      users.add({
        username: `lisi-${tag}`,
        displayName: '另一个李四',
        positions: [],
        organisationId,
        email: null,
        passwordHash: null,
      }),
    ).rejects.toThrow();
  });

  it('sets a password hash, which bumps the token version the session sees', async () => {
    const wang = await users.add({
      username: `wangwu-${tag}`,
      displayName: '王五',
      positions: [{ organisationId, kind: 'organising_member', rights: ['supervise'] }],
      organisationId,
      email: null,
      passwordHash: null,
    });
    expect(await users.findSession(wang.id)).toEqual({
      id: wang.id,
      username: `wangwu-${tag}`,
      positions: [
        {
          organisationId,
          organisationPath: expect.any(String),
          kind: 'organising_member',
          rights: ['supervise'],
        },
      ],
      disabled: false,
      tokenVersion: 0,
      mustChangePassword: false,
    });
    expect(await users.setPasswordHash(`wangwu-${tag}`, 'hash-2')).toBe(true);
    expect((await users.findSession(wang.id))?.tokenVersion).toBe(1);
    expect((await users.findByUsername(`wangwu-${tag}`))?.passwordHash).toBe('hash-2');
    expect(await users.setPasswordHash(`nobody-${tag}`, 'hash-3')).toBe(false);
    expect(await users.findSession(randomUUID())).toBeNull();
  });

  it('lists every account ordered by username', async () => {
    await users.add({
      username: `aaa-${tag}`,
      displayName: 'A',
      positions: [],
      organisationId,
      email: null,
      passwordHash: null,
    });
    const listed = (await users.listByUsername()).map((u) => u.username);
    expect(listed.filter((u) => u.endsWith(tag))).toEqual([`aaa-${tag}`, `lisi-${tag}`, `wangwu-${tag}`]);
  });

  it('sets a password by id with "must change", moving the token version, and clears it again', async () => {
    expect(await users.setPasswordById(lisi.id, 'one-time-hash', true)).toBe(true);
    expect(await users.findSession(lisi.id)).toMatchObject({ mustChangePassword: true, tokenVersion: 1 });
    expect(await users.setPasswordById(lisi.id, 'chosen-hash', false)).toBe(true);
    expect(await users.findById(lisi.id)).toMatchObject({
      passwordHash: 'chosen-hash',
      mustChangePassword: false,
      tokenVersion: 2,
    });
    expect(await users.setPasswordById(randomUUID(), 'x', false)).toBe(false);
  });

  it('searches by text, organisation subtree, position kind and status, a page at a time, wildcards taken literally', async () => {
    const mark = randomUUID().slice(0, 8);
    const orgs = new PgOrganisationsRepository(db.dataSource);
    const town = await orgs.add({ name: `搜索镇-${mark}`, kind: 'committee', parentName: null });
    const village = await orgs.add({ name: `搜索村-${mark}`, kind: 'branch', parentName: `搜索镇-${mark}` });
    if (town.kind !== 'added' || village.kind !== 'added') throw new Error('fixture');
    const add = (username: string, displayName: string, role: 'secretary' | 'supervisor', org: string) =>
      users.add({
        username,
        displayName,
        positions: [
          role === 'secretary'
            ? { organisationId: org, kind: 'secretary', rights: ['work_items'] }
            : { organisationId: org, kind: 'deputy_secretary', rights: ['supervise'] },
        ],
        organisationId: org,
        email: null,
        passwordHash: null,
        phone: '123',
      });
    await add(`s1-${mark}`, `赵一_${mark}`, 'supervisor', town.organisation.id);
    const s2 = await add(`s2-${mark}`, `钱二${mark}`, 'secretary', village.organisation.id);
    await add(`s3-${mark}`, `孙三${mark}`, 'secretary', village.organisation.id);
    await users.update(s2.id, { disabled: true });
    const search = (filter: Partial<Parameters<PgUsersRepository['search']>[1]>) =>
      users.search('operator', { offset: 0, limit: 50, text: mark, ...filter });

    const all = await search({});
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.username)).toEqual([`s1-${mark}`, `s3-${mark}`, `s2-${mark}`]);
    expect(all.rows[0]).toEqual({
      id: expect.any(String),
      username: `s1-${mark}`,
      displayName: `赵一_${mark}`,
      organisationId: town.organisation.id,
      organisationName: `搜索镇-${mark}`,
      positions: [
        {
          organisationId: town.organisation.id,
          organisationName: `搜索镇-${mark}`,
          organisationPath: town.organisation.path,
          kind: 'deputy_secretary',
          rights: ['supervise'],
        },
      ],
      email: null,
      phone: '123',
      disabled: false,
      mustChangePassword: false,
      createdAt: expect.any(Date),
    });
    expect((await search({ text: `钱二${mark}` })).rows.map((r) => r.username)).toEqual([`s2-${mark}`]);
    expect((await search({ text: `S1-${mark}` })).total).toBe(1);
    expect((await search({ text: `_${mark}` })).total).toBe(1);
    expect((await search({ text: `%${mark}` })).total).toBe(0);
    expect((await search({ organisationPath: village.organisation.path })).total).toBe(2);
    expect((await search({ organisationPath: town.organisation.path })).total).toBe(3);
    expect((await search({ positionKind: 'secretary' })).total).toBe(2);
    expect((await search({ positionKind: 'deputy_secretary' })).total).toBe(1);
    expect((await search({ disabled: true })).rows.map((r) => r.username)).toEqual([`s2-${mark}`]);
    const page = await search({ offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, rows: [{ username: `s3-${mark}` }] });
    // A secretary's scope is their own organisation only; a supervising position's, its subtree.
    const at = (o: { id: string; path: string }) => ({ organisationId: o.id, organisationPath: o.path });
    const scoped = await users.search(
      {
        userId: s2.id,
        positions: [{ ...at(village.organisation), kind: 'secretary', rights: ['work_items'] }],
      },
      { offset: 0, limit: 50, text: mark },
    );
    expect(scoped.total).toBe(2);
    const above = await users.search(
      {
        userId: s2.id,
        positions: [{ ...at(town.organisation), kind: 'organising_member', rights: ['supervise'] }],
      },
      { offset: 0, limit: 50, text: mark },
    );
    expect(above.total).toBe(3);
  });

  it('updates fields and keeps one active root administrator, whatever else changes', async () => {
    const updated = await users.update(lisi.id, { displayName: '李四新', phone: '139', email: null });
    expect(updated).toMatchObject({
      kind: 'updated',
      user: { displayName: '李四新', phone: '139', email: null },
    });
    expect(await users.update(randomUUID(), { displayName: 'x' })).toEqual({ kind: 'not_found' });

    // The root administrators of every tree in this database (other suites' too).
    const roots: { id: string }[] = await db.dataSource.query(
      `SELECT DISTINCT u.id FROM app_user u JOIN position p ON p.user_id = u.id
         JOIN organisation o ON o.id = p.organisation_id
        WHERE p.kind = 'admin' AND o.parent_id IS NULL AND NOT u.disabled ORDER BY u.id`,
    );
    const keep = await users.add({
      username: `root-${tag}`,
      displayName: '根管理员',
      organisationId,
      positions: [{ organisationId, kind: 'admin', rights: [] }],
      email: null,
      passwordHash: null,
    });
    for (const other of roots)
      expect((await users.update(other.id, { disabled: true })).kind).toBe('updated');
    try {
      const before = await users.findById(keep.id);
      expect(await users.update(keep.id, { disabled: true })).toEqual({ kind: 'last_administrator' });
      expect(
        await users.setPositions(keep.id, [{ organisationId, kind: 'secretary', rights: ['work_items'] }]),
      ).toEqual({ kind: 'last_administrator' });
      expect(await users.findById(keep.id)).toEqual(before);
      // Its name may change; another root administrator lets it go.
      expect((await users.update(keep.id, { phone: '100' })).kind).toBe('updated');
      expect((await users.setPositions(lisi.id, [{ organisationId, kind: 'admin', rights: [] }])).kind).toBe(
        'updated',
      );
      const demoted = await users.setPositions(keep.id, [
        { organisationId, kind: 'secretary', rights: ['work_items', 'supervise'] },
      ]);
      expect(demoted).toMatchObject({ kind: 'updated', user: { positions: [{ kind: 'secretary' }] } });
      expect((await users.update(keep.id, { disabled: true })).kind).toBe('updated');
    } finally {
      for (const other of roots) await users.update(other.id, { disabled: false });
    }
  });
});
