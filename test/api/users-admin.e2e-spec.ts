import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { type AuthTestApp, bearer, PASSWORD, startAuthTestApp } from '../support/auth-test-app';
import { addOrganisation, addUser } from '../support/admin-fixtures';
import { createTestDatabase } from '../support/test-database';

// Passwords and people administration, through the API and the CLI, on the real PostgreSQL.
jest.setTimeout(60_000);

const ROOT = resolve(__dirname, '../..');
const NEW_PASSWORD = 'a-new-and-longer-password';

describe('passwords and people administration API', () => {
  let t: AuthTestApp;
  beforeAll(async () => {
    t = await startAuthTestApp();
  });
  afterAll(() => t.close());

  const changePassword = (token: string, currentPassword: string, newPassword: string) =>
    request(t.http).post('/api/me/password').set(bearer(token)).send({ currentPassword, newPassword });

  describe('changing one’s own password', () => {
    it('needs the current password, ends every other session and answers a working token', async () => {
      const user = await t.addUser('secretary');
      const first = await t.token(user.username);
      const other = await t.token(user.username);

      const wrong = await changePassword(first, 'not-the-password', NEW_PASSWORD).expect(400);
      expect(wrong.body).toEqual({
        code: 'WRONG_CURRENT_PASSWORD',
        message: '当前密码不正确：请重新输入。',
        details: {},
      });
      expect((await changePassword(first, PASSWORD, PASSWORD).expect(400)).body.code).toBe(
        'PASSWORD_UNCHANGED',
      );
      const weak = await changePassword(first, PASSWORD, '12345678').expect(400);
      expect(weak.body).toMatchObject({
        code: 'PASSWORD_REJECTED',
        message: expect.stringContaining('常见'),
      });

      const changed = await changePassword(first, PASSWORD, NEW_PASSWORD).expect(200);
      expect(changed.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: expect.any(Number),
        mustChangePassword: false,
      });
      for (const old of [first, other])
        expect((await request(t.http).get('/api/me').set(bearer(old)).expect(401)).body.code).toBe(
          'TOKEN_REVOKED',
        );
      await request(t.http).get('/api/items').set(bearer(changed.body.accessToken)).expect(200);
      expect((await t.login(user.username).expect(401)).body.code).toBe('INVALID_CREDENTIALS');
      await t.login(user.username, NEW_PASSWORD).expect(200);
    });
  });

  describe('guessing the current password', () => {
    it('counts like failed logins: after 10 wrong ones, 429 with Retry-After, even for the right one', async () => {
      const user = await t.addUser('secretary');
      const token = await t.token(user.username);
      for (let i = 0; i < 10; i++) await changePassword(token, `wrong-guess-${i}`, NEW_PASSWORD).expect(400);
      const refused = await changePassword(token, PASSWORD, NEW_PASSWORD).expect(429);
      expect(refused.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await t.login(user.username).expect(429)).body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    });
  });

  describe('an administrator resets a password to a one-time password', () => {
    it('shows it once, ends the sessions, and the person must change it before anything else', async () => {
      const admin = await t.addUser('admin');
      const adminToken = await t.token(admin.username);
      const user = await t.addUser('secretary');
      const before = await t.token(user.username);

      const reset = await request(t.http)
        .post(`/api/users/${user.id}/reset-password`)
        .set(bearer(adminToken))
        .expect(200);
      expect(reset.headers['cache-control']).toBe('no-store');
      const oneTime = reset.body.oneTimePassword as string;
      expect(reset.body).toEqual({
        id: user.id,
        username: user.username,
        displayName: user.username,
        oneTimePassword: oneTime,
      });
      const [row] = await t.db.query(
        `SELECT password_hash, must_change_password FROM app_user WHERE id = $1`,
        [user.id],
      );
      expect(row.must_change_password).toBe(true);
      expect(row.password_hash).toMatch(/^\$2[aby]\$/);
      expect(row.password_hash).not.toContain(oneTime);

      expect((await request(t.http).get('/api/me').set(bearer(before)).expect(401)).body.code).toBe(
        'TOKEN_REVOKED',
      );
      expect((await t.login(user.username).expect(401)).body.code).toBe('INVALID_CREDENTIALS');

      const login = await t.login(user.username, oneTime).expect(200);
      expect(login.body.mustChangePassword).toBe(true);
      const token = login.body.accessToken as string;
      const me = await request(t.http).get('/api/me').set(bearer(token)).expect(200);
      expect(me.body.mustChangePassword).toBe(true);
      for (const path of ['/api/items', '/api/organisations', '/api/reports']) {
        const refused = await request(t.http).get(path).set(bearer(token)).expect(403);
        expect(refused.body).toEqual({
          code: 'PASSWORD_CHANGE_REQUIRED',
          message: expect.stringContaining('请先修改密码'),
          details: null,
        });
      }

      const changed = await changePassword(token, oneTime, NEW_PASSWORD).expect(200);
      expect(changed.body.mustChangePassword).toBe(false);
      const fresh = changed.body.accessToken as string;
      expect(
        (await request(t.http).get('/api/me').set(bearer(fresh)).expect(200)).body.mustChangePassword,
      ).toBe(false);
      await request(t.http).get('/api/items').set(bearer(fresh)).expect(200);
      expect((await t.login(user.username, oneTime).expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    });

    it('is for administrators only, and an unknown account is 404', async () => {
      const supervisor = await t.addUser('supervisor');
      const user = await t.addUser('secretary');
      const token = await t.token(supervisor.username);
      const refused = await request(t.http)
        .post(`/api/users/${user.id}/reset-password`)
        .set(bearer(token))
        .expect(403);
      expect(refused.body.code).toBe('ADMIN_ONLY');
      const adminToken = await t.token((await t.addUser('admin')).username);
      for (const id of [randomUUID(), 'not-a-uuid'])
        expect(
          (await request(t.http).post(`/api/users/${id}/reset-password`).set(bearer(adminToken)).expect(404))
            .body.code,
        ).toBe('USER_NOT_FOUND');
    });
  });

  describe('the people list, edits, deactivation', () => {
    it('finds people by name or account, organisation, position and status, a page at a time', async () => {
      const tag = randomUUID().slice(0, 8);
      const town = await addOrganisation(t.db, { name: `人员镇-${tag}` });
      const branch = await addOrganisation(t.db, { name: `人员村-${tag}`, parentName: town.name });
      for (const [username, org, role, displayName] of [
        [`p1-${tag}`, town.name, 'supervisor', `王督导${tag}`],
        [`p2-${tag}`, branch.name, 'secretary', `李书记${tag}`],
        [`p3-${tag}`, branch.name, 'secretary', `赵书记${tag}`],
      ] as const)
        await addUser(t.db, { username, organisationName: org, role, displayName, password: PASSWORD });
      const admin = await t.token((await t.addUser('admin')).username);
      const list = (query: Record<string, string | number>) =>
        request(t.http).get('/api/users').query(query).set(bearer(admin)).expect(200);

      const all = await list({ q: tag });
      expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(all.body.users[1]).toEqual({
        id: expect.any(String),
        username: `p2-${tag}`,
        displayName: `李书记${tag}`,
        organisationId: branch.id,
        organisationName: branch.name,
        positions: [
          {
            organisationId: branch.id,
            organisationName: branch.name,
            kind: 'secretary',
            rights: ['work_items'],
          },
        ],
        email: null,
        phone: null,
        disabled: false,
        mustChangePassword: false,
      });
      expect(
        (await list({ q: `李书记${tag}` })).body.users.map((u: { username: string }) => u.username),
      ).toEqual([`p2-${tag}`]);
      expect((await list({ organisationId: branch.id })).body.total).toBe(2);
      expect((await list({ organisationId: town.id })).body.total).toBe(3);
      expect((await list({ q: tag, positionKind: 'secretary' })).body.total).toBe(3);
      await addUser(t.db, {
        username: `p4-${tag}`,
        organisationName: town.name,
        positions: [{ kind: '组织委员' }],
        displayName: `钱委员${tag}`,
      });
      expect((await list({ q: tag, positionKind: 'organising_member' })).body.users[0].username).toBe(
        `p4-${tag}`,
      );
      const second = await list({ q: tag, page: 2, pageSize: 2 });
      expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
      expect(second.body.users.map((u: { username: string }) => u.username)).toEqual([
        `p3-${tag}`,
        `p4-${tag}`,
      ]);
      await request(t.http).get('/api/users').query({ pageSize: 500 }).set(bearer(admin)).expect(400);
      await request(t.http).get('/api/users').query({ positionKind: 'chief' }).set(bearer(admin)).expect(400);

      const secretary = await t.token(`p2-${tag}`);
      expect((await request(t.http).get('/api/users').set(bearer(secretary)).expect(403)).body.code).toBe(
        'ADMIN_ONLY',
      );
    });

    it('edits a person, and a deactivated person cannot log in and loses their sessions until reactivated', async () => {
      const tag = randomUUID().slice(0, 8);
      const other = await addOrganisation(t.db, { name: `编辑村-${tag}` });
      const adminUser = await t.addUser('admin');
      const admin = await t.token(adminUser.username);
      const user = await t.addUser('secretary');
      const session = await t.token(user.username);

      const edited = await request(t.http)
        .patch(`/api/users/${user.id}`)
        .set(bearer(admin))
        .send({
          displayName: '新名字',
          phone: '138 0000 0000',
          email: 'x@example.org',
          organisationId: other.id,
        })
        .expect(200);
      expect(edited.body).toMatchObject({
        displayName: '新名字',
        phone: '138 0000 0000',
        email: 'x@example.org',
        organisationName: other.name,
        positions: [expect.objectContaining({ kind: 'secretary' })],
      });
      const badEmail = await request(t.http)
        .patch(`/api/users/${user.id}`)
        .set(bearer(admin))
        .send({ email: 'nope' })
        .expect(400);
      expect(badEmail.body).toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining('邮箱'),
      });
      const cleared = await request(t.http)
        .patch(`/api/users/${user.id}`)
        .set(bearer(admin))
        .send({ phone: null, email: '' })
        .expect(200);
      expect(cleared.body).toMatchObject({ phone: null, email: null, displayName: '新名字' });
      // Name and contact changes keep the session; deactivation ends it.
      await request(t.http).get('/api/me').set(bearer(session)).expect(200);

      const off = await request(t.http)
        .post(`/api/users/${user.id}/deactivate`)
        .set(bearer(admin))
        .expect(200);
      expect(off.body.disabled).toBe(true);
      expect((await request(t.http).get('/api/me').set(bearer(session)).expect(401)).body.code).toBe(
        'ACCOUNT_DISABLED',
      );
      expect((await t.login(user.username).expect(401)).body.code).toBe('ACCOUNT_DISABLED');

      await request(t.http).post(`/api/users/${user.id}/activate`).set(bearer(admin)).expect(200);
      await t.login(user.username).expect(200);

      const self = await request(t.http)
        .post(`/api/users/${adminUser.id}/deactivate`)
        .set(bearer(admin))
        .expect(409);
      expect(self.body).toEqual({
        code: 'OWN_ACCOUNT_PROTECTED',
        message: '不能停用自己的账号：请由另一位管理员操作。',
        details: {},
      });
      const demote = await request(t.http)
        .put(`/api/users/${adminUser.id}/positions`)
        .set(bearer(admin))
        .send({ positions: [{ kind: 'secretary' }] })
        .expect(409);
      expect(demote.body).toMatchObject({
        code: 'OWN_ACCOUNT_PROTECTED',
        message: '不能取消自己的管理员职务：请由另一位管理员操作。',
      });
    });
  });
});

/** Active users holding a 管理员 position on a root organisation. */
const ROOT_ADMINS = `SELECT u.username FROM app_user u WHERE NOT u.disabled AND EXISTS (
    SELECT 1 FROM position p JOIN organisation o ON o.id = p.organisation_id
     WHERE p.user_id = u.id AND p.kind = 'admin' AND o.parent_id IS NULL)`;

describe('the last active root administrator (a database of its own)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let t: AuthTestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    t = await startAuthTestApp({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin/rectify.js'), 'users', ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: database.url },
    });

  it('two administrators deactivating each other at once leave one active', async () => {
    const a = await t.addUser('admin');
    const b = await t.addUser('admin');
    const [tokenA, tokenB] = [await t.token(a.username), await t.token(b.username)];
    const answers = await Promise.all([
      request(t.http).post(`/api/users/${b.id}/deactivate`).set(bearer(tokenA)),
      request(t.http).post(`/api/users/${a.id}/deactivate`).set(bearer(tokenB)),
    ]);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await t.db.query(ROOT_ADMINS)).toHaveLength(1);
  });

  it('the CLI lists, edits, resets, and refuses to deactivate or demote the last one', async () => {
    const [{ username }] = await t.db.query(ROOT_ADMINS);
    const deactivate = cli('deactivate', username);
    expect({ status: deactivate.status, stderr: deactivate.stderr }).toEqual({
      status: 1,
      stderr: expect.stringContaining('最后一位在用的最高级管理员'),
    });
    const demote = cli('positions', username, '--position', '书记');
    expect({ status: demote.status, stderr: demote.stderr }).toEqual({
      status: 1,
      stderr: expect.stringContaining('最后一位在用的最高级管理员'),
    });

    const list = cli('list', '--position', '管理员', '--json');
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({
      total: 2,
      users: [{ username, disabled: false }, { disabled: true }],
    });

    const secretary = await t.addUser('secretary');
    const edited = cli(
      'edit',
      secretary.username,
      '--name',
      '命令行改名',
      '--phone',
      '13900000000',
      '--json',
    );
    expect(edited.status).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({ displayName: '命令行改名', phone: '13900000000' });

    const reset = cli('reset-password', secretary.username);
    expect(reset.status).toBe(0);
    const oneTime = /一次性密码：(\S+)/.exec(reset.stdout)?.[1] as string;
    const login = await t.login(secretary.username, oneTime).expect(200);
    expect(login.body.mustChangePassword).toBe(true);

    expect(cli('deactivate', secretary.username).status).toBe(0);
    expect((await t.login(secretary.username, oneTime).expect(401)).body.code).toBe('ACCOUNT_DISABLED');
    expect(cli('activate', secretary.username).status).toBe(0);
    const unknown = cli('deactivate', 'nobody-here');
    expect({ status: unknown.status, stderr: unknown.stderr }).toEqual({
      status: 1,
      stderr: expect.stringContaining('nobody-here'),
    });
  });
});
