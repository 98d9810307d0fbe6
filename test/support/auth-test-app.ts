import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { addOrganisation, addUser, type TestRole } from './admin-fixtures';

export const PASSWORD = 'test-password-123';

/**
 * An API app against the test's real PostgreSQL and Redis, with a fresh JWT secret file of its
 * own (no JWT_SECRET) and its own Redis key prefix unless `env` names one.
 */
export async function startAuthTestApp(env: NodeJS.ProcessEnv = {}): Promise<AuthTestApp> {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL)
    throw new Error('DATABASE_URL or REDIS_URL is not set: run the tests with `npm test`.');
  const secretFile = join(mkdtempSync(join(tmpdir(), 'rectify-jwt-')), 'jwt-secret');
  const app = await createApiApp(
    readApiConfig({
      NODE_ENV: 'test',
      DATABASE_URL: process.env.DATABASE_URL,
      REDIS_URL: process.env.REDIS_URL,
      QUEUE_PREFIX: `rectify-auth-${randomUUID().slice(0, 8)}`,
      JWT_SECRET_FILE: secretFile,
      ...env,
    }),
  );
  await app.init();
  return new AuthTestApp(app, secretFile);
}

/** An app under test with helpers to add users and log in. */
export class AuthTestApp {
  readonly http: ReturnType<INestApplication['getHttpServer']>;
  readonly db: DataSource;
  private organisation: string | null = null;

  constructor(
    readonly app: INestApplication,
    readonly secretFile: string,
  ) {
    this.http = app.getHttpServer();
    this.db = app.get(DataSource);
  }

  /** Adds a user with PASSWORD under one organisation of this app; returns name and id. */
  async addUser(role: TestRole, password = PASSWORD): Promise<{ username: string; id: string }> {
    if (!this.organisation) {
      this.organisation = (
        await addOrganisation(this.db, { name: `镇党委-${randomUUID().slice(0, 8)}` })
      ).name;
    }
    const username = `${role}-${randomUUID().slice(0, 8)}`;
    const user = await addUser(this.db, { username, organisationName: this.organisation, role, password });
    return { username, id: user.id };
  }

  login(username: string, password = PASSWORD, forwardedFor?: string) {
    const req = request(this.http).post('/api/auth/login');
    if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
    return req.send({ username, password });
  }

  async token(username: string, password = PASSWORD): Promise<string> {
    const res = await this.login(username, password).expect(200);
    return res.body.accessToken as string;
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
