import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { poolFigures, type PoolFigures } from '@rectify/persistence';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { importReport } from './item-commands';
import { addOrganisation, addUser } from './admin-fixtures';

const PASSWORD = 'test-password-123';

/** An HTTP answer as the tests read it: status, headers, parsed JSON body, and how long it took. */
export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  ms: number;
}

/**
 * The real API listening on a local port against `databaseUrl` (a test database, possibly
 * through a CuttableProxy), with the database limits a test sets in `env`, a branch with its
 * secretary, and helpers that fail a request not answered within a bound (aborted, not awaited).
 */
export async function startFaultTestApi(databaseUrl: string, env: NodeJS.ProcessEnv) {
  const tag = randomUUID().slice(0, 8);
  const app: INestApplication = await createApiApp(
    readApiConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      JWT_SECRET_FILE: join(mkdtempSync(join(tmpdir(), 'rectify-jwt-')), 'jwt-secret'),
      ...env,
    }),
  );
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
  const db = app.get(DataSource);
  const branch = await addOrganisation(db, { name: `甲村党支部-${tag}` });
  const username = `sec-${tag}`;
  await addUser(db, { username, organisationName: branch.name, role: 'secretary', password: PASSWORD });

  /** Sends a request; rejects when no answer came within `boundMs` (the request is aborted). */
  const call = async (method: string, path: string, body?: object, token?: string, boundMs = 2000) => {
    const started = Date.now();
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(boundMs),
    }).catch((err: unknown) => {
      throw new Error(`${method} ${path}: no answer within ${boundMs} ms (${String(err)})`);
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text ? JSON.parse(text) : null,
      ms: Date.now() - started,
    };
  };

  const login = (boundMs?: number): Promise<Answer> =>
    call('POST', '/auth/login', { username, password: PASSWORD }, undefined, boundMs);

  let imported = 0;
  /** A new item of the branch, as imported: `identified`, version 1. */
  const freshItem = async (): Promise<string> => {
    imported += 1;
    const text = `2023年度述职报告 ${tag}-${imported}\n二、存在的问题\n1. 理论学习不够深入（${tag}-${imported}）。\n三、下步工作打算\n1. 加强学习。\n`;
    const result = await importReport(db, {
      bytes: Buffer.from(text),
      fileName: `r-${tag}-${imported}.txt`,
      organisationName: branch.name,
    });
    return result.itemIds[0];
  };

  /** 已制定整改措施 on a fresh item (version 1), as its secretary sends it. */
  const setMeasures = (itemId: string, token: string, boundMs?: number): Promise<Answer> =>
    call(
      'POST',
      `/items/${itemId}/transitions`,
      {
        event: 'SET_MEASURES',
        payload: { measures: [{ title: '建立学习制度', responsible: '张三', deadline: '2024-06-30' }] },
        expectedVersion: 1,
      },
      token,
      boundMs,
    );

  const itemVersion = async (itemId: string): Promise<number> =>
    (await db.query(`SELECT version FROM rectification_item WHERE id = $1`, [itemId]))[0].version;

  return {
    app,
    db,
    call,
    login,
    freshItem,
    setMeasures,
    itemVersion,
    pool: (): PoolFigures => poolFigures(db) as PoolFigures,
    close: () => app.close(),
  };
}

export type FaultTestApi = Awaited<ReturnType<typeof startFaultTestApi>>;

/** Polls `condition` every 20 ms until it holds; fails after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
