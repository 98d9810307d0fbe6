import { defineConfig } from '@playwright/test';

/**
 * Browser tests, run by scripts/test-web.js, which starts the API on a fresh database with
 * the demo data and passes its address (WEB_BASE_URL) and Debian's chromium (CHROMIUM_PATH).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.pw.ts',
  workers: 1,
  // Generous: CI machines are shared and slow at times; a wait only ends early on success.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'results',
  use: {
    baseURL: process.env.WEB_BASE_URL,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH },
  },
});
