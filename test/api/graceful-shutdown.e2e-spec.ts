import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { type AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { addOrganisation, addUser } from '../support/admin-fixtures';

describe('API shutdown', () => {
  it('finishes a request that is in flight when the app is closed (what SIGTERM does)', async () => {
    const app = await createApiApp(
      readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL }),
    );
    await app.listen(0, '127.0.0.1');
    const tag = randomUUID().slice(0, 8);
    const db = app.get(DataSource);
    const org = await addOrganisation(db, { name: `关停测试党支部-${tag}` });
    await addUser(db, {
      username: `u-${tag}`,
      organisationName: org.name,
      role: 'secretary',
      password: 'password-123',
    });
    const server = app.getHttpServer();
    const { port } = server.address() as AddressInfo;
    // A login spends tens of milliseconds hashing: long enough to close the app meanwhile. Close
    // it once the server has the request (its 'request' event), not after a guessed delay.
    const arrived = once(server, 'request');
    const inFlight = fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `u-${tag}`, password: 'password-123' }),
    });
    await arrived;
    const closing = app.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { accessToken: string }).accessToken).toEqual(expect.any(String));
    await closing;
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  });
});
