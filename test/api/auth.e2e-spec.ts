import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { addOrganisation, addUser } from '../support/admin-fixtures';

// The API against the test's real PostgreSQL server.
describe('API authentication', () => {
  const tag = randomUUID().slice(0, 8);
  const username = `sec-${tag}`;
  const password = 'correct horse battery';
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    app = await createApiApp(readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }));
    await app.init();
    http = app.getHttpServer();
    const db = app.get(DataSource);
    const org = await addOrganisation(db, { name: `青石村党支部-${tag}` });
    await addUser(db, {
      username,
      organisationName: org.name,
      role: 'secretary',
      displayName: '张书记',
      password,
    });
  });
  afterAll(() => app.close());

  const login = (body: object) => request(http).post('/api/auth/login').send(body);

  it('logs in with username and password and answers GET /api/me with the token', async () => {
    const res = await login({ username, password }).expect(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 3600,
      mustChangePassword: false,
    });
    const me = await request(http)
      .get('/api/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .expect(200);
    expect(me.body).toEqual(
      expect.objectContaining({
        username,
        displayName: '张书记',
        organisation: expect.objectContaining({ kind: 'branch' }),
        positions: [expect.objectContaining({ kind: 'secretary', rights: ['work_items'] })],
        capabilities: { worksItems: true, supervises: false, administers: false, operatesSystem: false },
      }),
    );
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = await login({ username, password: 'not the password' }).expect(401);
    const unknown = await login({ username: `nobody-${tag}`, password }).expect(401);
    expect(wrong.body).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确。', details: {} });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('answers unknown fields and wrong types with 400 listing each problem', async () => {
    const res = await login({ username, password: 42, role: 'admin' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'role', problems: ['不允许的字段，请删除'] },
        { field: 'password', problems: expect.arrayContaining(['必须是字符串']) },
      ]),
    );
    expect(res.body.message).toContain('请求参数有误');
  });

  it('refuses a missing, tampered or expired token with 401', async () => {
    expect((await request(http).get('/api/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
    const { body } = await login({ username, password });
    const [head, payload, signature] = (body.accessToken as string).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' }),
    ).toString('base64url');
    const tampered = await request(http)
      .get('/api/me')
      .set('Authorization', `Bearer ${head}.${forged}.${signature}`)
      .expect(401);
    expect(tampered.body).toEqual({
      code: 'TOKEN_INVALID',
      message: '登录凭证无效或已过期：请重新登录。',
      details: null,
    });
    const expired = await app
      .get(JwtService)
      .signAsync({ sub: randomUUID(), username, role: 'secretary' }, { expiresIn: -10 });
    expect(
      (await request(http).get('/api/me').set('Authorization', `Bearer ${expired}`).expect(401)).body.code,
    ).toBe('TOKEN_INVALID');
  });

  it('answers an unknown route with the same error shape and no stack trace', async () => {
    const { body } = await login({ username, password });
    const res = await request(http)
      .get('/api/no-such-route')
      .set('Authorization', `Bearer ${body.accessToken}`)
      .expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: '请求的资源不存在：请检查地址。', details: null });
  });
});
