import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { LEDGER_COLUMNS } from '@rectify/domain';
import { docxToText } from '@rectify/domain/report/decode/docx-to-text';
import { openDatabase } from '@rectify/persistence';
import { CliError } from '../../apps/cli/src/cli-error';
import { runCli } from '../../apps/cli/src/main';
import { importAndWork2023, type Qingshan, seedQingshan } from '../support/closing-loop-fixture';
import { createTestDatabase } from '../support/test-database';

/**
 * The closing-loop commands of the CLI (section, ledger, summary, reconcile, and import's
 * reconciliation) against a fresh PostgreSQL database holding the worked 2023 items of 青山.
 * Most runs call runCli in-process, with the exit code main() would give; a handful spawn
 * bin/rectify.js to check the real command line end to end.
 */
const ROOT = resolve(__dirname, '../..');
const REPORT_2024 = 'test/fixtures/closing-loop/qingshan-2024.txt';
const AS_OF = '2025-01-10';
const tmp = mkdtempSync(join(tmpdir(), 'rectify-closing-cli-'));

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

let database: { url: string; drop: () => Promise<void> };
let q: Qingshan;
const savedDatabaseUrl = process.env.DATABASE_URL;

/** The CLI in-process, as main() runs it: output collected, a CliError becomes its exit code. */
async function cli(...args: string[]): Promise<Run> {
  let stdout = '';
  try {
    await runCli(args, (s) => (stdout += s));
    return { status: 0, stdout, stderr: '' };
  } catch (err) {
    if (err instanceof CliError) return { status: err.exitCode, stdout, stderr: `rectify: ${err.message}\n` };
    throw err;
  }
}

/** bin/rectify.js in a child process, against the test's database. */
function spawnCli(...args: string[]): Run {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/rectify.js'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url },
  });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

async function reportsOf2024(): Promise<number> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM report WHERE year = 2024');
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = await openDatabase({ databaseUrl: database.url });
  try {
    q = await seedQingshan(db.dataSource);
    await importAndWork2023(db.dataSource, q);
  } finally {
    await db.close();
  }
  // The in-process CLI opens the database DATABASE_URL names.
  process.env.DATABASE_URL = database.url;
});

afterAll(async () => {
  process.env.DATABASE_URL = savedDatabaseUrl;
  rmSync(tmp, { recursive: true, force: true });
  await database?.drop();
});

describe('rectify section (CLI)', () => {
  it('prints the 上年度整改情况 of the 2024 report as plain text (spawned)', () => {
    const run = spawnCli('section', '--org', q.branch.name, '--year', '2024', '--as-of', AS_OF);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '上年度（2023年度）查摆问题整改情况',
      '对照查摆的5个问题，制定整改措施6条，已整改完成2个，需长期坚持整改1个，尚未完成2个。',
    ]);
    expect(lines).toHaveLength(7);
    expect(lines.slice(2).map((l) => l.slice(0, 3))).toEqual([
      '（一）',
      '（二）',
      '（三）',
      '（四）',
      '（五）',
    ]);
  });

  it('prints Markdown with --format md', async () => {
    const run = await cli(
      'section',
      '--org',
      q.branch.name,
      '--year',
      '2024',
      '--format',
      'md',
      '--as-of',
      AS_OF,
    );
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('# 上年度（2023年度）查摆问题整改情况\n')).toBe(true);
  });

  it('writes a Word document with --out that reads back with the summary sentence', async () => {
    const file = join(tmp, 's.docx');
    const run = await cli(
      'section',
      '--org',
      q.branch.name,
      '--year',
      '2024',
      '--out',
      file,
      '--as-of',
      AS_OF,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`已写入 ${file}`);
    expect(run.stdout).toContain('共 5 个问题');
    const text = await docxToText(readFileSync(file));
    expect(text).toContain('上年度（2023年度）查摆问题整改情况');
    expect(text).toContain(
      '对照查摆的5个问题，制定整改措施6条，已整改完成2个，需长期坚持整改1个，尚未完成2个。',
    );
  });

  it('writes Word for an --out named in capitals, and refuses a day that does not exist', async () => {
    const file = join(tmp, 'S.DOCX');
    const run = await cli(
      'section',
      '--org',
      q.branch.name,
      '--year',
      '2024',
      '--out',
      file,
      '--as-of',
      AS_OF,
    );
    expect(run.status).toBe(0);
    expect(await docxToText(readFileSync(file))).toContain('上年度（2023年度）查摆问题整改情况');
    const badDay = await cli('section', '--org', q.branch.name, '--year', '2024', '--as-of', '2025-02-30');
    expect(badDay.status).toBe(64);
    expect(badDay.stderr).toContain('--as-of');
    const farFuture = await cli(
      'summary',
      '--org',
      q.committee.name,
      '--year',
      '2023',
      '--as-of',
      '9999-12-31',
    );
    expect(farFuture.status).toBe(64);
    const mismatch = await cli(
      'section',
      '--org',
      q.branch.name,
      '--year',
      '2024',
      '--format',
      'md',
      '--out',
      file,
    );
    expect(mismatch.status).toBe(64);
    expect(mismatch.stderr).toContain('类型不一致');
  });

  it('prints the section as JSON with --json', async () => {
    const run = await cli('section', '--org', q.branch.name, '--year', '2024', '--json', '--as-of', AS_OF);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.heading).toBe('上年度（2023年度）查摆问题整改情况');
    expect(json.paragraphs).toHaveLength(5);
  });

  it('refuses --format docx without --out (exit 64, spawned)', () => {
    const run = spawnCli('section', '--org', q.branch.name, '--year', '2024', '--format', 'docx');
    expect(run.status).toBe(64);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--out');
  });
});

describe('rectify ledger (CLI)', () => {
  it('writes the 2023 ledger as .xlsx: header, five rows, the overdue open item in 红灯', async () => {
    const file = join(tmp, 'ledger.xlsx');
    const run = await cli(
      'ledger',
      '--org',
      q.committee.name,
      '--year',
      '2023',
      '--out',
      file,
      '--as-of',
      AS_OF,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('共 5 行');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('整改台账');
    expect(sheet).toBeDefined();
    const cells = (n: number) => (sheet!.getRow(n).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    expect(cells(2)).toEqual([...LEDGER_COLUMNS]);
    const data = [3, 4, 5, 6, 7].map(cells);
    expect(data.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(cells(8).filter((c) => c !== '')).toEqual([]);
    const open = data.find((r) => r[LEDGER_COLUMNS.indexOf('问题描述')].startsWith('党建与业务融合不够紧密'));
    expect(open).toBeDefined();
    expect(open![LEDGER_COLUMNS.indexOf('进度状态')]).toBe('已制定整改措施');
    expect(open![LEDGER_COLUMNS.indexOf('亮灯')]).toBe('红灯');
  });

  it('refuses an --out that is neither .xlsx nor .md (exit 64) and writes nothing', async () => {
    const file = join(tmp, 'ledger.pdf');
    const run = await cli('ledger', '--org', q.committee.name, '--year', '2023', '--out', file);
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('.xlsx');
    expect(existsSync(file)).toBe(false);
  });

  it('prints a Markdown table without --out', async () => {
    const run = await cli('ledger', '--org', q.committee.name, '--year', '2023', '--as-of', AS_OF);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^# /);
    expect(lines).toContain(`| ${LEDGER_COLUMNS.join(' | ')} |`);
    expect(lines.filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(5);
  });
});

describe('rectify summary (CLI)', () => {
  it('prints the committee summary of the 2023 problems', async () => {
    const run = await cli('summary', '--org', q.committee.name, '--year', '2023', '--as-of', AS_OF);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '共查摆问题5个，制定整改措施6条；已整改完成2个，需长期坚持整改1个，尚未完成2个（其中超期2个）；整改完成率40.0%。',
    );
  });

  it('prints the totals with --json', async () => {
    const run = await cli('summary', '--org', q.committee.name, '--year', '2023', '--json', '--as-of', AS_OF);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.totals).toEqual({
      items: 5,
      measures: 6,
      completed: 2,
      longTerm: 1,
      open: 2,
      overdue: 2,
      recurring: 0,
    });
    expect(json.completionRate).toBe(0.4);
  });
});

// reconcile must run before import: it checks that reconciling stores nothing.
describe('rectify reconcile, then import, of the 2024 report (CLI)', () => {
  it('reconciles without importing: the three findings, nothing stored', async () => {
    const run = await cli('reconcile', REPORT_2024, '--org', q.branch.name);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('发现 3 处需要关注');
    const findings = run.stdout.split('\n').filter((l) => /^ {2}\d+\. /.test(l));
    expect(findings).toHaveLength(3);
    expect(findings[0]).toBe(
      '  1. 报告称“党员活动阵地建设滞后”问题已整改完成，但跟踪记录为"待审核销号"。该事项尚未审核销号：请先提交销号申请并经审核，或如实写明整改进度。',
    );
    expect(findings[1]).toMatch(/^ {2}2\. .*未提及2023年度查摆的“党建与业务融合不够紧密”问题/);
    expect(findings[2]).toMatch(
      /^ {2}3\. .*“党建工作与产业发展‘两张皮’现象仍然存在”问题与2023年度的“党建与业务融合不够紧密”问题相似/,
    );
    const json = JSON.parse((await cli('reconcile', REPORT_2024, '--org', q.branch.name, '--json')).stdout);
    expect(json.reconciliation.findings.map((f: { kind: string }) => f.kind)).toEqual([
      'claim_disagrees',
      'item_omitted',
      'problem_recurs',
    ]);
    expect(await reportsOf2024()).toBe(0);
  });

  it('imports the report, printing the recurring warning and the reconciliation (spawned)', async () => {
    const run = spawnCli('import', REPORT_2024, '--org', q.branch.name);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('已导入报告（2024）：新建整改事项 3 个。');
    expect(run.stdout).toContain('已标记为反复出现');
    expect(run.stdout).toContain('发现 3 处需要关注');
    expect(run.stdout).toContain('未提及2023年度查摆的“党建与业务融合不够紧密”问题');
    expect(run.stdout).toContain('跟踪记录为"待审核销号"');
    expect(await reportsOf2024()).toBe(1);
  });
});

describe('rectify closing-loop commands refuse with a clear message', () => {
  it('an unknown organisation (exit 1)', async () => {
    const run = await cli('section', '--org', `没有这个党支部${q.tag}`, '--year', '2024');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('不存在');
  });

  it('an import with an unknown problem source, storing nothing (exit 1)', async () => {
    const run = await cli(
      'import',
      REPORT_2024,
      '--org',
      q.branch.name,
      '--year',
      '2031',
      '--source',
      'rumour',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('问题来源"rumour"无效');
    expect(run.stderr).toContain('inspection_tour（巡视巡察反馈）');
  });

  it('a year with no earlier report imported (exit 1)', async () => {
    const run = await cli('section', '--org', q.branch.name, '--year', '2030');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('请先由管理员导入');
    // At the command line, the command that imports it.
    expect(run.stderr).toContain(`rectify import 文件 --org ${q.branch.name} --year 2029`);
  });

  it('a year that is not a number (exit 64)', async () => {
    const run = await cli('section', '--org', q.branch.name, '--year', 'abc');
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('abc');
  });

  it('a report file that does not exist (exit 2, spawned)', () => {
    const run = spawnCli('reconcile', join(tmp, 'missing.txt'), '--org', q.branch.name);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('找不到文件');
  });
});
