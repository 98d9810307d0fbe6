import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const ROOT = resolve(__dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'rectify-problem-list-'));

function rectify(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/rectify.js'), ...args], { encoding: 'utf8', cwd: tmp });
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('rectify extract on 问题清单 spreadsheets (CLI)', () => {
  it('reads an .xlsx written by exceljs into problems with owners, deadlines, statuses and measures', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('整改台账');
    ws.addRow(['2024年度巡察反馈问题整改台账']);
    ws.addRow(['序号', '存在问题', '整改措施', '责任领导', '责任部门', '完成时限', '整改状态', '备注']);
    ws.addRow([
      1,
      '落实"三会一课"不严格。',
      '①按月召开支部委员会；②按季度上党课',
      '王书记',
      '党建办',
      '2024年12月',
      '正在整改',
      '',
    ]);
    ws.addRow([2, '党费收缴不及时', '按月收缴党费', '王书记', '', '立行立改', '已完成', '已销号']);
    ws.addRow([3, '', '开展督查', '', '', '', '', '']);
    ws.addRow(['4', '', '无主的措施', '', '', '', '', '']);
    await wb.xlsx.writeFile(join(tmp, '台账.xlsx'));

    const run = rectify('extract', '台账.xlsx', '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      year: 2024,
      title: '2024年度巡察反馈问题整改台账',
      kind: 'rectification_plan',
    });
    expect(json.problems).toEqual([
      {
        seq: 1,
        title: '落实"三会一课"不严格',
        detail: '',
        basis: 'table_row',
        confidence: expect.any(Number),
        tracking: {
          source: null,
          responsibleLeader: '王书记',
          responsibleUnit: '党建办',
          owner: null,
          deadline: '2024-12-31',
          deadlineText: '2024年12月',
          progress: 'in_progress',
          progressText: '正在整改',
          extra: {},
          row: 3,
          sheet: '整改台账',
        },
      },
      expect.objectContaining({
        seq: 2,
        title: '党费收缴不及时',
        tracking: expect.objectContaining({
          deadline: null,
          deadlineText: '立行立改',
          progress: 'completed',
          extra: { 备注: '已销号' },
        }),
      }),
    ]);
    expect(
      json.measures.map((m: { title: string; problemSeqs: number[] }) => [m.title, m.problemSeqs]),
    ).toEqual([
      ['按月召开支部委员会', [1]],
      ['按季度上党课', [1]],
      ['按月收缴党费', [2]],
    ]);
    expect(json.warnings).toEqual([
      '工作表"整改台账"第5行：序号"3"未填写问题，已跳过该行。',
      '工作表"整改台账"第6行：序号"4"未填写问题，已跳过该行。',
    ]);
  });

  it('reads a GB18030 .csv saved by Excel in China', () => {
    const csv =
      '序号,问题描述,具体措施,责任人,完成时间,进度\r\n1,学习不够深入,制定学习计划,张三,2024-06-30,已完成\r\n';
    writeFileSync(join(tmp, '清单.csv'), iconv.encode(csv, 'gb18030'));
    const json = JSON.parse(rectify('extract', '清单.csv', '--json').stdout);
    expect(json.encoding).toBe('gb18030');
    expect(
      json.problems.map(
        (p: { title: string; tracking: { owner: string; deadline: string; progress: string } }) => [
          p.title,
          p.tracking.owner,
          p.tracking.deadline,
          p.tracking.progress,
        ],
      ),
    ).toEqual([['学习不够深入', '张三', '2024-06-30', 'completed']]);
  });

  it('exits 2 with advice for a .xls workbook and for a spreadsheet without a problem list', async () => {
    copyFileSync(resolve(ROOT, 'test/fixtures/reports/problem-list.xls'), join(tmp, '旧表.xls'));
    const xls = rectify('extract', '旧表.xls');
    expect(xls.status).toBe(2);
    expect(xls.stderr).toContain('不支持旧版 Excel（.xls）格式');
    writeFileSync(join(tmp, '名单.csv'), '姓名,电话\n张三,123\n');
    const none = rectify('extract', '名单.csv');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('未找到问题清单表头');
  });
});
