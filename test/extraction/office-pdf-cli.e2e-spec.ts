import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/reports');

function rectify(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/rectify.js'), ...args], {
    encoding: 'utf8',
    cwd: FIXTURES,
  });
}

const PROBLEMS = ['理论学习的系统性不强', '组织生活质量有待提升', '服务群众的精准度不够'];

describe('rectify extract with Word 97, WPS and PDF files (CLI)', () => {
  it.each(['liuan-2023.doc', 'liuan-2023.wps', 'liuan-2023.pdf'])(
    'extracts the year, problems and measures of %s',
    (file) => {
      const run = rectify('extract', file, '--json');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const json = JSON.parse(run.stdout);
      expect(json.year).toBe(2023);
      expect(json.title).toBe('中共柳岸社区第二支部委员会2023年度党建工作述职报告');
      expect(json.problems.map((p: { title: string }) => p.title)).toEqual(PROBLEMS);
      expect(json.measures).toHaveLength(3);
    },
  );

  it('prints the readable summary of a PDF with why each problem was taken', () => {
    const run = rectify('extract', 'liuan-2023.pdf');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('存在问题（3个）');
    expect(run.stdout).toContain('1. 理论学习的系统性不强  〔编号条目〕');
    expect(run.stdout).not.toContain('柳岸社区第二党支部\n');
  });

  it('marks problems taken from plain paragraphs 待核对 in the summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-doubtful-'));
    try {
      const file = join(dir, 'paragraphs.txt');
      writeFileSync(
        file,
        '2023年度党支部工作总结\n一、存在的问题\n理论学习不够深入，学用结合不紧。\n组织生活不够规范，质量不高。\n二、下步打算\n1.加强学习。\n',
      );
      const run = rectify('extract', file);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('存在问题（2个，其中2个待核对，列在前面）');
      expect(run.stdout).toContain('1. 理论学习不够深入  〔待核对 · 段落〕');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['scanned.pdf', '该 PDF 是扫描件，没有可读取的文字：请上传Word版本或先进行文字识别（OCR）后再上传。'],
    ['liuan-2023-password.pdf', 'PDF 设置了打开密码'],
    ['liuan-2023-password.doc', '文件设置了打开密码'],
  ])('exits 2 with what to do for %s', (file, message) => {
    const run = rectify('extract', file, '--json');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});
