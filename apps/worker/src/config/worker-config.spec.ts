import { hostname } from 'node:os';
import { readWorkerConfig } from './worker-config';

const base = { REDIS_URL: 'redis://127.0.0.1:6379' };

describe('links in reminder emails (APP_BASE_URL)', () => {
  it('point where the API listens when APP_BASE_URL is not set', () => {
    expect(readWorkerConfig({ ...base, API_HOST: '192.168.10.5', API_PORT: '8080' }).APP_BASE_URL).toBe(
      'http://192.168.10.5:8080',
    );
  });

  it('use the default API address and port when nothing is set', () => {
    expect(readWorkerConfig(base).APP_BASE_URL).toBe('http://127.0.0.1:3000');
  });

  it('follow API_PORT alone', () => {
    expect(readWorkerConfig({ ...base, API_PORT: '4100' }).APP_BASE_URL).toBe('http://127.0.0.1:4100');
  });

  it('name the machine when the API listens on every interface, and bracket an IPv6 address', () => {
    expect(readWorkerConfig({ ...base, API_HOST: '0.0.0.0', API_PORT: '3000' }).APP_BASE_URL).toBe(
      `http://${hostname()}:3000`,
    );
    expect(readWorkerConfig({ ...base, API_HOST: '::1', API_PORT: '3000' }).APP_BASE_URL).toBe(
      'http://[::1]:3000',
    );
  });

  it('keep an APP_BASE_URL that is set, whatever the API port', () => {
    const config = readWorkerConfig({
      ...base,
      APP_BASE_URL: 'https://zhenggai.example.gov.cn',
      API_PORT: '4100',
    });
    expect(config.APP_BASE_URL).toBe('https://zhenggai.example.gov.cn');
  });

  it('refuse an APP_BASE_URL that is not an http(s) address, naming it', () => {
    expect(() => readWorkerConfig({ ...base, APP_BASE_URL: 'ftp://example.org' })).toThrow(/APP_BASE_URL/);
  });
});

describe('outbox retry settings', () => {
  it('default to 8 attempts from 5 s, doubling up to 10 min, under a 60 s lease', () => {
    const config = readWorkerConfig(base);
    expect([
      config.OUTBOX_MAX_ATTEMPTS,
      config.OUTBOX_RETRY_BASE_MS,
      config.OUTBOX_RETRY_MAX_MS,
      config.OUTBOX_LEASE_MS,
    ]).toEqual([8, 5_000, 600_000, 60_000]);
  });

  it('refuse zero attempts, naming the variable', () => {
    expect(() => readWorkerConfig({ ...base, OUTBOX_MAX_ATTEMPTS: '0' })).toThrow(/OUTBOX_MAX_ATTEMPTS/);
  });
});

describe('reminder retry and log summary settings', () => {
  it('default to 10 attempts from 1 s (doubling) and one summary line per source every 10 s', () => {
    const config = readWorkerConfig(base);
    expect([config.REMINDER_ATTEMPTS, config.REMINDER_BACKOFF_MS, config.LOG_SUMMARY_SECONDS]).toEqual([
      10, 1_000, 10,
    ]);
  });

  it('refuse a zero summary interval, naming the variable', () => {
    expect(() => readWorkerConfig({ ...base, LOG_SUMMARY_SECONDS: '0' })).toThrow(/LOG_SUMMARY_SECONDS/);
  });
});

describe('the reminder queue window (REMINDER_QUEUE_DAYS)', () => {
  it('defaults to two days, swept every five minutes', () => {
    const config = readWorkerConfig(base);
    expect([config.REMINDER_QUEUE_DAYS, config.SWEEP_EVERY_SECONDS]).toEqual([2, 300]);
  });

  it('refuses a sweep interval longer than a quarter of the window, naming both settings', () => {
    expect(() => readWorkerConfig({ ...base, SWEEP_EVERY_SECONDS: '43201' })).toThrow(
      /SWEEP_EVERY_SECONDS=43201.*REMINDER_QUEUE_DAYS=2/,
    );
    expect(readWorkerConfig({ ...base, SWEEP_EVERY_SECONDS: '43200' }).SWEEP_EVERY_SECONDS).toBe(43200);
    expect(
      readWorkerConfig({ ...base, SWEEP_EVERY_SECONDS: '86400', REMINDER_QUEUE_DAYS: '4' })
        .REMINDER_QUEUE_DAYS,
    ).toBe(4);
  });
});
