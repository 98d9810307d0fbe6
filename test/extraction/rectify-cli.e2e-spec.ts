import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { makeDocx } from '../support/make-docx';

const ROOT = resolve(__dirname, '../..');
const SEED = resolve(ROOT, '../shared/seeds/004_b29ff4d5ebd0983d.txt');
const tmp = mkdtempSync(join(tmpdir(), 'rectify-cli-'));

function rectify(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/rectify.js'), ...args], { encoding: 'utf8', cwd: tmp });
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('rectify extract (CLI)', () => {
  it('prints the extraction contract as JSON', () => {
    const run = rectify('extract', SEED, '--json');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json).sort()).toEqual(
      [
        'causes',
        'encoding',
        'kind',
        'lastYearRectification',
        'measures',
        'problems',
        'sections',
        'title',
        'warnings',
        'year',
      ].sort(),
    );
    expect(json.problems).toHaveLength(3);
    expect(json.kind).toBe('work_report');
    expect(json.problems[0]).toEqual({
      seq: 1,
      title: '对党建工作认识还不够',
      detail: expect.any(String),
      basis: 'numbered_item',
      confidence: expect.any(Number),
    });
    expect(json.measures[0]).toEqual(expect.objectContaining({ seq: 1, problemSeqs: expect.any(Array) }));
    expect(json.sections[0]).toEqual({ kind: 'performance', heading: '一、 履职工作特色与亮点' });
  });

  it('prints a readable Chinese summary without --json', () => {
    const run = rectify('extract', SEED);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('存在问题（3个）');
    expect(run.stdout).toContain('整改措施（4条）');
    expect(run.stdout).toContain('1. 对党建工作认识还不够');
  });

  it('reads GBK text and .docx given on the command line', async () => {
    const text =
      '2023年度村党支部工作总结\n二、存在问题\n一是学习不够深入。二是制度执行不严。\n三、下步打算\n1.加强学习。\n';
    writeFileSync(join(tmp, 'gbk.txt'), iconv.encode(text, 'gbk'));
    writeFileSync(join(tmp, 'report.docx'), await makeDocx(text.trim().split('\n')));
    for (const [file, encoding] of [
      ['gbk.txt', 'gb18030'],
      ['report.docx', 'utf-8'],
    ]) {
      const json = JSON.parse(rectify('extract', file, '--json').stdout);
      expect(json.encoding).toBe(encoding);
      expect(json.year).toBe(2023);
      expect(json.problems.map((p: { title: string }) => p.title)).toEqual(['学习不够深入', '制度执行不严']);
    }
  });

  it('exits 0 with a Chinese warning for a report with no problem section', () => {
    writeFileSync(join(tmp, 'none.txt'), '2023年工作总结\n一、主要工作\n全年组织学习12次。\n');
    const run = rectify('extract', 'none.txt', '--json');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.problems).toEqual([]);
    expect(json.warnings.join()).toContain('未找到"存在问题"部分');
  });

  it.each([
    ['a missing file', () => 'missing.txt', '找不到文件'],
    ['an empty file', () => (writeFileSync(join(tmp, 'empty.txt'), ''), 'empty.txt'), '文件为空'],
    [
      'a binary file',
      () => (writeFileSync(join(tmp, 'bin.txt'), Buffer.from([1, 0, 2, 0, 0, 0, 7, 8])), 'bin.txt'),
      '不是文本',
    ],
    [
      'a legacy .doc',
      () => (writeFileSync(join(tmp, 'a.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2])), 'a.doc'),
      '.docx',
    ],
    ['a directory', () => '.', '不是文件'],
  ])('exits 2 with a clear message for %s', (_what, makeFile, message) => {
    const run = rectify('extract', makeFile(), '--json');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('refuses unknown options and commands with usage help', () => {
    expect(rectify('extract', SEED, '--xml').stderr).toContain('未知选项 --xml');
    const unknown = rectify('frobnicate');
    expect(unknown.status).toBe(64);
    expect(unknown.stderr).toContain('rectify extract REPORT_FILE');
  });
});
