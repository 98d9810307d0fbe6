import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type AuthTestApp, PASSWORD, startAuthTestApp } from '../support/auth-test-app';
import { PrivateRedis } from '../support/private-redis';

// Failed-login counting in the test's real Redis, shared by every API process of one prefix.
// Every login runs bcrypt (also for unknown users), which is slow on a loaded machine.
jest.setTimeout(90_000);

describe('login throttling', () => {
  const apps: AuthTestApp[] = [];
  const start = async (env: NodeJS.ProcessEnv = {}) => {
    const app = await startAuthTestApp(env);
    apps.push(app);
    return app;
  };
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });

  const unknownUser = () => `nobody-${randomUUID().slice(0, 8)}`;
  const expectThrottled = (res: request.Response) => {
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(900);
    expect(res.body).toEqual({
      code: 'TOO_MANY_LOGIN_ATTEMPTS',
      message: expect.stringContaining('登录失败次数过多'),
      details: { retryAfter: Number(res.headers['retry-after']) },
    });
  };

  it('throttles one user name after 10 wrong passwords from 10 different forwarded addresses, the right password included', async () => {
    const t = await start({ TRUST_PROXY: 'loopback' });
    const victim = await t.addUser('admin');
    for (let i = 1; i <= 10; i++)
      await t.login(victim.username, 'wrong-password', `203.0.113.${i}`).expect(401);
    expectThrottled(await t.login(victim.username, PASSWORD, '198.51.100.7'));
    // Other user names from those addresses are not affected.
    const other = await t.addUser('secretary');
    await t.login(other.username, PASSWORD, '203.0.113.1').expect(200);
  });

  it('counts per forwarded address only behind a trusted proxy: without TRUST_PROXY, X-Forwarded-For is ignored', async () => {
    const behindProxy = await start({ TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES_PER_ADDRESS: '3' });
    for (let i = 1; i <= 5; i++)
      await behindProxy.login(unknownUser(), 'wrong-password', `203.0.113.${i}`).expect(401);
    const direct = await start({ LOGIN_MAX_FAILURES_PER_ADDRESS: '3' });
    for (let i = 1; i <= 3; i++)
      await direct.login(unknownUser(), 'wrong-password', `203.0.113.${i}`).expect(401);
    expectThrottled(await direct.login(unknownUser(), 'wrong-password', '203.0.113.4'));
  });

  it('throttles one address trying many user names after LOGIN_MAX_FAILURES_PER_ADDRESS (50) failures', async () => {
    const t = await start();
    const user = await t.addUser('secretary');
    for (let i = 0; i < 50; i++) await t.login(unknownUser(), 'wrong-password').expect(401);
    expectThrottled(await t.login(user.username, PASSWORD));
  });

  it('shares the count between two API instances on one Redis', async () => {
    const prefix = `rectify-auth-shared-${randomUUID().slice(0, 8)}`;
    const a = await start({ QUEUE_PREFIX: prefix });
    const b = await start({ QUEUE_PREFIX: prefix });
    const victim = await a.addUser('secretary');
    for (let i = 0; i < 5; i++) await a.login(victim.username, 'wrong-password').expect(401);
    for (let i = 0; i < 5; i++) await b.login(victim.username, 'wrong-password').expect(401);
    expectThrottled(await a.login(victim.username, PASSWORD));
    expectThrottled(await b.login(victim.username, PASSWORD));
  });

  it('does not count successful logins: 15 in a row, then 10 failures are still answered 401', async () => {
    const t = await start();
    const user = await t.addUser('secretary');
    for (let i = 0; i < 15; i++) await t.login(user.username).expect(200);
    for (let i = 0; i < 10; i++) await t.login(user.username, 'wrong-password').expect(401);
    expectThrottled(await t.login(user.username));
  });

  it('lets no more than 10 of 25 simultaneous wrong guesses through to the password check', async () => {
    const t = await start();
    const victim = await t.addUser('secretary');
    const statuses = await Promise.all(
      Array.from({ length: 25 }, () => t.login(victim.username, 'wrong-password').then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('shares the limit between the queue dashboard’s Basic login and the API login', async () => {
    const t = await start();
    const admin = await t.addUser('admin');
    for (let i = 0; i < 10; i++) {
      const res = await request(t.http).get('/admin/queues').auth(admin.username, `wrong-password-${i}`);
      expect(res.status).toBe(401);
    }
    expectThrottled(await t.login(admin.username));
    const basic = await request(t.http).get('/admin/queues').auth(admin.username, PASSWORD);
    expectThrottled(basic);
  });

  it('treats user names alike whatever their case', async () => {
    const t = await start();
    const victim = await t.addUser('secretary');
    for (let i = 0; i < 10; i++)
      await t.login(i % 2 ? victim.username.toUpperCase() : victim.username, 'wrong-password').expect(401);
    expectThrottled(await t.login(victim.username));
  });

  it('keeps counting in memory when Redis cannot be reached: logins neither fail nor go unthrottled', async () => {
    const t = await start({ REDIS_URL: 'redis://127.0.0.1:1' });
    const user = await t.addUser('secretary');
    await t.login(user.username).expect(200);
    for (let i = 0; i < 10; i++) await t.login(user.username, 'wrong-password').expect(401);
    expectThrottled(await t.login(user.username));
  });

  it('answers logins while Redis is paused (counting in memory after a short wait) and after it answers again', async () => {
    const redis = new PrivateRedis();
    await redis.start();
    // Its own app, closed while Redis still runs: queues cannot close against a stopped Redis.
    const t = await startAuthTestApp({ REDIS_URL: redis.url });
    try {
      const user = await t.addUser('secretary');
      await t.login(user.username).expect(200);
      redis.pause();
      // Every request gets a generous client timeout: a login must answer, not hang on Redis.
      await t.login(user.username).timeout(5_000).expect(200);
      await t.login(user.username, 'wrong-password').timeout(5_000).expect(401);
      redis.resume();
      await t.login(user.username).timeout(5_000).expect(200);
    } finally {
      redis.resume();
      await t.close();
      await redis.stop();
    }
  });
});
