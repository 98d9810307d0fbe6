import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';

// The CLI refuses dates outside 1990-01-01 … 2100-12-31 like the API (one window, DATE_WINDOW).
const ROOT = resolve(__dirname, '../..');
const SEED = resolve(ROOT, '../shared/seeds/001_0130dee73a884878.txt');
const tag = randomUUID().slice(0, 8);
const VILLAGE = `青石村党支部-${tag}`;

function rectify(...args: string[]) {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/rectify.js'), ...args], { encoding: 'utf8' });
  return { ...run, json: () => JSON.parse(run.stdout) };
}

describe('dates outside the window on the command line', () => {
  let itemId: string;
  beforeAll(() => {
    expect(rectify('orgs', 'add', VILLAGE, '--json').status).toBe(0);
    expect(rectify('users', 'add', `sec-${tag}`, '--org', VILLAGE, '--position', '书记').status).toBe(0);
    expect(rectify('import', SEED, '--org', VILLAGE, '--json').status).toBe(0);
    itemId = rectify('items', '--org', VILLAGE, '--json').json()[0].id;
  });

  it.each(['9999-12-31', '0000-01-01'])(
    'refuses a measure deadline of %s with a Chinese message naming the window',
    (deadline) => {
      const run = rectify(
        'transition',
        itemId,
        'SET_MEASURES',
        '--as',
        `sec-${tag}`,
        '--measure',
        `完善组织生活制度|张三|${deadline}`,
      );
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain('超出允许范围');
      expect(run.stderr).toContain('1990-01-01 至 2100-12-31');
    },
  );

  it('refuses an --as-of outside the window as wrong usage', () => {
    const run = rectify('section', '--org', VILLAGE, '--year', '2024', '--as-of', '9999-12-31');
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('1990至2100年间');
  });
});
