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
      role: 'secretary',
      organisationId,
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
      role: 'secretary',
      organisationId,
      email: 'lisi@example.org',
      passwordHash: 'hash-1',
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
        role: 'admin',
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
      role: 'supervisor',
      organisationId,
      email: null,
      passwordHash: null,
    });
    expect(await users.findSession(wang.id)).toEqual({
      id: wang.id,
      username: `wangwu-${tag}`,
      role: 'supervisor',
      disabled: false,
      tokenVersion: 0,
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
      role: 'admin',
      organisationId,
      email: null,
      passwordHash: null,
    });
    const listed = (await users.listByUsername()).map((u) => u.username);
    expect(listed.filter((u) => u.endsWith(tag))).toEqual([`aaa-${tag}`, `lisi-${tag}`, `wangwu-${tag}`]);
  });
});
