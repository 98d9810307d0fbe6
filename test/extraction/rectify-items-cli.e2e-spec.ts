import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';

// The operator commands of the CLI against the test's real PostgreSQL server (DATABASE_URL).
const ROOT = resolve(__dirname, '../..');
const SEED = resolve(ROOT, '../shared/seeds/001_0130dee73a884878.txt');
const tag = randomUUID().slice(0, 8);
const TOWN = `青石镇党委-${tag}`;
const VILLAGE = `青石村党支部-${tag}`;

function rectify(...args: string[]) {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/rectify.js'), ...args], { encoding: 'utf8' });
  return { ...run, json: () => JSON.parse(run.stdout) };
}

describe('rectify operator commands (CLI)', () => {
  let itemId: string;

  it('sets up organisations and users, imports a report, and lists its items', () => {
    expect(rectify('orgs', 'add', TOWN, '--json').status).toBe(0);
    expect(rectify('orgs', 'add', VILLAGE, '--parent', TOWN, '--json').json()).toEqual(
      expect.objectContaining({ name: VILLAGE, kind: 'branch' }),
    );
    expect(rectify('users', 'add', `sec-${tag}`, '--org', VILLAGE, '--position', '书记').status).toBe(0);
    expect(rectify('users', 'add', `sup-${tag}`, '--org', TOWN, '--position', '书记').status).toBe(0);
    const imported = rectify('import', SEED, '--org', VILLAGE, '--json').json();
    expect(imported).toEqual(expect.objectContaining({ created: true, year: 2023, problems: 3 }));
    const again = rectify('import', SEED, '--org', VILLAGE);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('此前已导入');
    const items = rectify('items', '--org', TOWN, '--json').json();
    expect(items.map((i: { title: string }) => i.title)).toEqual([
      '落实党内政治生活制度有差距',
      '开展“主题教育”不平衡',
      '督查问责不够有力',
    ]);
    itemId = items[0].id;
  });

  it('applies events as a user, refusing what the rules forbid with a clear message', () => {
    const set = rectify(
      'transition',
      itemId,
      'SET_MEASURES',
      '--as',
      `sec-${tag}`,
      '--measure',
      '完善组织生活制度|张三|2024-06-30',
      '--json',
    );
    expect(set.json()).toEqual(expect.objectContaining({ status: 'measures_set', version: 2 }));
    const own = rectify('transition', itemId, 'APPROVE_COMPLETION', '--as', `sec-${tag}`);
    expect(own.status).toBe(1);
    expect(own.stderr).toContain('当前可执行的操作');
    const stale = rectify(
      'transition',
      itemId,
      'SUBMIT_COMPLETION',
      '--as',
      `sec-${tag}`,
      '--evidence',
      '已完成',
      '--expected-version',
      '1',
    );
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('已被他人修改');
    expect(
      rectify('transition', itemId, 'SUBMIT_COMPLETION', '--as', `sec-${tag}`, '--evidence', '已完成').status,
    ).toBe(0);
    const approve = rectify('transition', itemId, 'APPROVE_COMPLETION', '--as', `sup-${tag}`);
    expect(approve.stdout).toContain('已整改完成');
    expect(rectify('items', '--org', VILLAGE, '--status', 'completed', '--json').json()).toHaveLength(1);
  });

  it.each([
    [['import', SEED, '--org', '没有这个党支部'], 1, 'rectify orgs add'],
    [['items', '--org', VILLAGE, '--status', 'done'], 1, '状态"done"无效'],
    [['users', 'add', `x-${tag}`, '--org', VILLAGE, '--position', 'boss'], 1, '职务"boss"无效'],
    [['transition', 'not-an-id', 'REOPEN', '--as', 'x'], 64, '格式不正确'],
    [['transition', randomUUID(), 'FLY', '--as', 'x'], 64, '未知事件'],
    [['import', SEED], 64, '缺少必需的选项 --org'],
  ])('exits non-zero with a clear message: %j', (args, code, message) => {
    const run = rectify(...(args as string[]));
    expect(run.status).toBe(code);
    expect(run.stderr).toContain(message);
  });
});
