import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@rectify/config';
import { readApiConfig } from './api-config';

const dataDirIn = (folder: string) => join(folder, 'pglite');

describe('the API configuration of the JWT secret', () => {
  it('without JWT_SECRET, uses a random secret generated beside the embedded database, the same on every start', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rectify-config-'));
    const first = readApiConfig({ NODE_ENV: 'development', RECTIFY_DATA_DIR: dataDirIn(folder) });
    expect(first.JWT_SECRET_FILE).toBe(join(folder, 'jwt-secret'));
    expect(first.JWT_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(folder, 'jwt-secret'), 'utf8').trim()).toBe(first.JWT_SECRET);
    const again = readApiConfig({ NODE_ENV: 'development', RECTIFY_DATA_DIR: dataDirIn(folder) });
    expect(again.JWT_SECRET).toBe(first.JWT_SECRET);
  });

  it('gives each installation its own secret: no constant from the source', () => {
    const a = readApiConfig({ RECTIFY_DATA_DIR: dataDirIn(mkdtempSync(join(tmpdir(), 'rectify-config-'))) });
    const b = readApiConfig({ RECTIFY_DATA_DIR: dataDirIn(mkdtempSync(join(tmpdir(), 'rectify-config-'))) });
    expect(a.JWT_SECRET).not.toBe(b.JWT_SECRET);
    expect(a.JWT_SECRET).not.toContain('change-me');
  });

  it('in production on the embedded database, generates the secret into its data directory too', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rectify-config-'));
    const config = readApiConfig({ NODE_ENV: 'production', RECTIFY_DATA_DIR: dataDirIn(folder) });
    expect(config.JWT_SECRET).toBe(readFileSync(join(folder, 'jwt-secret'), 'utf8').trim());
  });

  it('in development with DATABASE_URL, generates the secret into JWT_SECRET_FILE', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rectify-config-')), 'run', 'jwt-secret');
    const config = readApiConfig({
      NODE_ENV: 'development',
      DATABASE_URL: 'postgres://127.0.0.1:5432/rectify',
      JWT_SECRET_FILE: file,
    });
    expect(config.JWT_SECRET).toBe(readFileSync(file, 'utf8').trim());
  });

  it('in production with DATABASE_URL and no JWT_SECRET, refuses to start and names JWT_SECRET', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rectify-config-')), 'jwt-secret');
    const read = () =>
      readApiConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://127.0.0.1:5432/rectify',
        JWT_SECRET_FILE: file,
      });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/JWT_SECRET is required/);
  });

  it('uses JWT_SECRET as given when it is set, and refuses one shorter than 16 characters', () => {
    const secret = 'a-real-secret-of-the-operators-choice';
    expect(readApiConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).JWT_SECRET).toBe(secret);
    expect(() => readApiConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET is too short/);
  });

  it('reads the login limits and TRUST_PROXY, with sane defaults', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rectify-config-'));
    const defaults = readApiConfig({ RECTIFY_DATA_DIR: dataDirIn(folder) });
    expect(defaults).toMatchObject({
      LOGIN_MAX_FAILURES_PER_USERNAME: 10,
      LOGIN_MAX_FAILURES_PER_ADDRESS: 50,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
      TRUST_PROXY: false,
    });
    expect(
      readApiConfig({ RECTIFY_DATA_DIR: dataDirIn(folder), TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY,
    ).toBe('loopback,10.0.0.0/8');
    expect(readApiConfig({ RECTIFY_DATA_DIR: dataDirIn(folder), TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(() => readApiConfig({ RECTIFY_DATA_DIR: dataDirIn(folder), TRUST_PROXY: 'everyone' })).toThrow(
      /TRUST_PROXY="everyone"/,
    );
  });
});
