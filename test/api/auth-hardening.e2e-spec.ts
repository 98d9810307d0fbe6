import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { SetPasswordUseCase } from '@rectify/application';
import { createRepositories } from '@rectify/persistence';
import request from 'supertest';
import { type AuthTestApp, bearer, PASSWORD, startAuthTestApp } from '../support/auth-test-app';
import { addOrganisation } from '../support/admin-fixtures';

// Who a token belongs to is decided on every request, against the real PostgreSQL and Redis.
jest.setTimeout(60_000);

describe('API authentication hardening', () => {
  let t: AuthTestApp;
  beforeAll(async () => {
    t = await startAuthTestApp();
  });
  afterAll(() => t.close());

  const newUserBody = (organisationId: string, password = 'another-password-9') => ({
    username: `new-${randomUUID().slice(0, 8)}`,
    displayName: '新用户',
    organisationId,
    positions: [{ kind: 'admin' }],
    password,
  });
  const orgOf = async (id: string) =>
    (
      (await t.db.query(`SELECT organisation_id FROM app_user WHERE id = $1`, [id])) as {
        organisation_id: string;
      }[]
    )[0].organisation_id;

  describe('tokens follow the account as the database has it now', () => {
    it('refuses a demoted administrator at once, with the same token, on user creation, the dev mailbox and the queue dashboard', async () => {
      const admin = await t.addUser('admin');
      const token = await t.token(admin.username);
      const org = await orgOf(admin.id);
      await request(t.http).post('/api/users').set(bearer(token)).send(newUserBody(org)).expect(201);
      await request(t.http).get('/api/dev/mailbox').set(bearer(token)).expect(200);
      await request(t.http).get('/admin/queues/api/queues').set(bearer(token)).expect(200);
      await request(t.http).get('/admin/queues/api/queues').auth(admin.username, PASSWORD).expect(200);

      // Positions are read on every request, never from the token: plain SQL takes effect too.
      await t.db.query(`UPDATE position SET kind = 'secretary', works_items = true WHERE user_id = $1`, [
        admin.id,
      ]);

      const create = await request(t.http)
        .post('/api/users')
        .set(bearer(token))
        .send(newUserBody(org))
        .expect(403);
      expect(create.body).toMatchObject({
        code: 'ADMIN_ONLY',
        message: '只有管理员可以添加用户：请联系管理员。',
      });
      expect((await request(t.http).get('/api/dev/mailbox').set(bearer(token)).expect(403)).body.code).toBe(
        'ADMIN_ONLY',
      );
      const board = await request(t.http).get('/admin/queues/api/queues').set(bearer(token)).expect(403);
      expect(board.body.code).toBe('ADMIN_ONLY');
      // The Basic login was remembered for a minute: the positions are still read on this request.
      const basic = await request(t.http)
        .get('/admin/queues/api/queues')
        .auth(admin.username, PASSWORD)
        .expect(403);
      expect(basic.body.code).toBe('ADMIN_ONLY');
    });

    it('refuses a deleted user’s token and remembered Basic credentials with 401', async () => {
      const admin = await t.addUser('admin');
      const token = await t.token(admin.username);
      await request(t.http).get('/admin/queues/api/queues').auth(admin.username, PASSWORD).expect(200);

      await t.db.query(`DELETE FROM app_user WHERE id = $1`, [admin.id]);

      const me = await request(t.http).get('/api/me').set(bearer(token)).expect(401);
      expect(me.body).toEqual({
        code: 'ACCOUNT_NOT_FOUND',
        message: '账号已不存在：请联系管理员。',
        details: null,
      });
      await request(t.http).get('/api/dev/mailbox').set(bearer(token)).expect(401);
      const board = await request(t.http).get('/admin/queues/api/queues').set(bearer(token)).expect(401);
      expect(board.body.code).toBe('ACCOUNT_NOT_FOUND');
      const basic = await request(t.http)
        .get('/admin/queues/api/queues')
        .auth(admin.username, PASSWORD)
        .expect(401);
      expect(basic.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('refuses a disabled user with 401 and a Chinese message: old token, login, Bearer and Basic on the dashboard', async () => {
      const admin = await t.addUser('admin');
      const token = await t.token(admin.username);
      await request(t.http).get('/admin/queues/api/queues').auth(admin.username, PASSWORD).expect(200);

      await t.db.query(`UPDATE app_user SET disabled = true WHERE id = $1`, [admin.id]);

      const disabled = { code: 'ACCOUNT_DISABLED', message: '账号已停用：请联系管理员恢复后再登录。' };
      expect((await request(t.http).get('/api/me').set(bearer(token)).expect(401)).body).toMatchObject(
        disabled,
      );
      expect(
        (await request(t.http).get('/api/dev/mailbox').set(bearer(token)).expect(401)).body,
      ).toMatchObject(disabled);
      expect((await t.login(admin.username).expect(401)).body).toMatchObject(disabled);
      const board = await request(t.http).get('/admin/queues/api/queues').set(bearer(token)).expect(401);
      expect(board.body).toMatchObject(disabled);
      const basic = await request(t.http)
        .get('/admin/queues/api/queues')
        .auth(admin.username, PASSWORD)
        .expect(401);
      expect(basic.body).toMatchObject(disabled);

      await t.db.query(`UPDATE app_user SET disabled = false WHERE id = $1`, [admin.id]);
      expect((await request(t.http).get('/api/me').set(bearer(token)).expect(401)).body.code).toBe(
        'TOKEN_REVOKED',
      );
      await request(t.http)
        .get('/api/me')
        .set(bearer(await t.token(admin.username)))
        .expect(200);
    });

    it('revokes the tokens issued before a password change', async () => {
      const user = await t.addUser('secretary');
      const token = await t.token(user.username);
      await new SetPasswordUseCase(createRepositories(t.db).users).execute({
        username: user.username,
        password: 'a-brand-new-password',
      });
      expect((await request(t.http).get('/api/me').set(bearer(token)).expect(401)).body.code).toBe(
        'TOKEN_REVOKED',
      );
      await t.login(user.username).expect(401);
      await request(t.http)
        .get('/api/me')
        .set(bearer(await t.token(user.username, 'a-brand-new-password')))
        .expect(200);
    });
  });

  describe('signing secret', () => {
    const claimsOf = async (username: string, id: string) => ({
      sub: id,
      username,
      role: 'secretary',
      ver: 0,
    });

    it('signs with the secret generated into the secret file when JWT_SECRET is not set', async () => {
      const user = await t.addUser('secretary');
      const secret = readFileSync(t.secretFile, 'utf8').trim();
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      const claims = await new JwtService({ secret }).verifyAsync(await t.token(user.username));
      expect(claims).toMatchObject({ sub: user.id, exp: expect.any(Number) });
    });

    it('refuses a token signed with the right secret but without expiry', async () => {
      const user = await t.addUser('secretary');
      const signer = new JwtService({ secret: readFileSync(t.secretFile, 'utf8').trim() });
      const claims = await claimsOf(user.username, user.id);
      await request(t.http)
        .get('/api/me')
        .set(bearer(await signer.signAsync(claims, { expiresIn: 600 })))
        .expect(200);
      const endless = await signer.signAsync(claims);
      expect(JSON.parse(Buffer.from(endless.split('.')[1], 'base64url').toString())).not.toHaveProperty(
        'exp',
      );
      const res = await request(t.http).get('/api/me').set(bearer(endless)).expect(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    });

    it('refuses a token issued in the future, which would stretch the age limit', async () => {
      const user = await t.addUser('secretary');
      const signer = new JwtService({ secret: readFileSync(t.secretFile, 'utf8').trim() });
      const now = Math.floor(Date.now() / 1000);
      const token = await signer.signAsync({
        ...(await claimsOf(user.username, user.id)),
        iat: now + 365 * 86400,
        exp: now + 366 * 86400,
      });
      expect((await request(t.http).get('/api/me').set(bearer(token)).expect(401)).body.code).toBe(
        'TOKEN_INVALID',
      );
    });

    it('refuses a token issued longer ago than JWT_TTL_SECONDS even if its expiry is later', async () => {
      const user = await t.addUser('secretary');
      const signer = new JwtService({ secret: readFileSync(t.secretFile, 'utf8').trim() });
      const now = Math.floor(Date.now() / 1000);
      const token = await signer.signAsync({
        ...(await claimsOf(user.username, user.id)),
        iat: now - 7200,
        exp: now + 3600,
      });
      expect((await request(t.http).get('/api/me').set(bearer(token)).expect(401)).body.code).toBe(
        'TOKEN_INVALID',
      );
    });

    it('refuses a token signed with the former built-in development secret', async () => {
      const user = await t.addUser('admin');
      const token = await new JwtService({ secret: 'development-only-secret-change-me' }).signAsync(
        { sub: user.id, username: user.username, role: 'admin', ver: 0 },
        { expiresIn: 600 },
      );
      expect((await request(t.http).get('/api/me').set(bearer(token)).expect(401)).body.code).toBe(
        'TOKEN_INVALID',
      );
    });
  });

  describe('password rules wherever a password is set', () => {
    let adminToken: string;
    let org: string;
    beforeAll(async () => {
      const admin = await t.addUser('admin');
      adminToken = await t.token(admin.username);
      org = await orgOf(admin.id);
    });
    const create = (password: string) =>
      request(t.http).post('/api/users').set(bearer(adminToken)).send(newUserBody(org, password));

    it('refuses through POST /api/users a password over 72 UTF-8 bytes with 400 and the limit in characters', async () => {
      const res = await create('党'.repeat(25)).expect(400);
      expect(res.body).toEqual({
        code: 'PASSWORD_REJECTED',
        message: expect.stringContaining('24个汉字'),
        details: { rule: 'too_long' },
      });
      expect(res.body.message).toContain('72个英文字母、数字或符号');
    });

    it('accepts 24 Chinese characters (72 bytes) and logs in with them', async () => {
      const password = '青石村党支部整改台账按期销号逾期亮灯督办不放松好';
      const body = newUserBody(org, password);
      await request(t.http).post('/api/users').set(bearer(adminToken)).send(body).expect(201);
      await t.login(body.username, password).expect(200);
      await t.login(body.username, password.slice(0, -1)).expect(401);
    });

    it('refuses common, repeated, sequential and short passwords through POST /api/users with 400', async () => {
      const cases: [string, string][] = [
        ['12345678', 'common'],
        ['password', 'common'],
        ['11111111', 'common'],
        ['qwerty123', 'common'],
        ['abc12345', 'common'],
        ['88888888', 'common'],
        ['1qaz2wsx', 'common'],
        ['kkkkkkkkkk', 'repeated'],
        ['abcdefghi', 'sequence'],
        ['Sh0rt!', 'too_short'],
      ];
      for (const [password, rule] of cases) {
        const res = await create(password).expect(400);
        expect({ password, code: res.body.code, rule: res.body.details.rule }).toEqual({
          password,
          code: 'PASSWORD_REJECTED',
          rule,
        });
        expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    it('refuses a weak password in `rectify users add` with exit 1 and a Chinese message, and accepts rectify-demo', async () => {
      const root = resolve(__dirname, '../..');
      const organisation = await addOrganisation(t.db, { name: `丁村党支部-${randomUUID().slice(0, 8)}` });
      const cli = (username: string, password: string) =>
        spawnSync(
          process.execPath,
          [
            join(root, 'bin/rectify.js'),
            'users',
            'add',
            username,
            '--org',
            organisation.name,
            '--position',
            '书记',
            '--password',
            password,
          ],
          { encoding: 'utf8', env: { ...process.env } },
        );
      const weak = cli(`cli-${randomUUID().slice(0, 8)}`, '88888888');
      expect({ status: weak.status, stderr: weak.stderr }).toEqual({
        status: 1,
        stderr: expect.stringContaining('常见'),
      });
      const demo = cli(`cli-${randomUUID().slice(0, 8)}`, 'rectify-demo');
      expect({ status: demo.status, stderr: demo.stderr }).toEqual({ status: 0, stderr: '' });
    });
  });
});
