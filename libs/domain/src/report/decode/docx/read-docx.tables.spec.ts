import { Paragraph, Table, TableCell, TableRow } from 'docx';
import { p, r, raw, wordDocx } from '../../../../../../test/extraction/word-fixtures';
import { decodeReport } from '../decode-report';
import { docxToText } from '../docx-to-text';
import { readDocx } from './read-docx';

type CellSpec =
  string | string[] | { text: string | string[]; columnSpan?: number; rowSpan?: number; nested?: Table };

/** A table written by the docx library; a cell is its paragraphs, optionally spanning or holding a table. */
function table(rows: CellSpec[][]): Table {
  return new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map((spec) => {
            const cell = typeof spec === 'object' && !Array.isArray(spec) ? spec : { text: spec };
            const texts = Array.isArray(cell.text) ? cell.text : [cell.text];
            return new TableCell({
              columnSpan: cell.columnSpan,
              rowSpan: cell.rowSpan,
              children: [
                ...texts.map((t) => new Paragraph(t)),
                ...(cell.nested ? [cell.nested, new Paragraph('')] : []),
              ],
            });
          }),
        }),
    ),
  });
}

const HEADER = ['序号', '存在问题', '整改措施', '责任人', '整改时限'];

const problemTable = () =>
  table([
    HEADER,
    [{ text: '一、政治建设方面', columnSpan: 5 }],
    [
      '1',
      '理论学习不够深入',
      ['制定年度学习计划', '每月开展集中学习'],
      { text: '张三', rowSpan: 2 },
      '2024年6月',
    ],
    ['2', '组织生活不够规范', '规范"三会一课"记录', '2024年12月'],
  ]);

const PROBLEM_ROWS = [
  HEADER,
  ['一、政治建设方面', '', '', '', ''],
  ['1', '理论学习不够深入', '制定年度学习计划\n每月开展集中学习', '张三', '2024年6月'],
  ['2', '组织生活不够规范', '规范"三会一课"记录', '张三', '2024年12月'],
];

describe('readDocx: tables', () => {
  it("gives a 问题清单 table as rows on the table grid: spanned columns empty, vertically merged cells repeated, a cell's paragraphs joined by newlines", async () => {
    const docx = await wordDocx({
      children: [new Paragraph('附件：问题整改清单'), problemTable(), new Paragraph('以上清单请对照落实。')],
    });
    const decoded = await readDocx(docx);
    expect(decoded.tables).toEqual([PROBLEM_ROWS]);
    expect(decoded.text).toBe('附件：问题整改清单\n以上清单请对照落实。\n');
  });

  it('hands 问题清单 tables to decodeReport as tables of no sheet', async () => {
    const decoded = await decodeReport(await wordDocx({ children: [problemTable()] }), 'r.docx');
    expect(decoded.tables).toEqual([{ rows: PROBLEM_ROWS, sheet: null }]);
    expect(decoded.warnings).toEqual([]);
  });

  it("writes any other table into the text in document order, each cell's paragraphs as their own lines, merged cells once", async () => {
    const statistics = table([
      ['类别', '2022年', '2023年'],
      [{ text: '党员人数', rowSpan: 2 }, '45', '48'],
      ['52', '55'],
      [{ text: '合计', columnSpan: 2 }, ['103', '（含预备党员）']],
    ]);
    const docx = await wordDocx({
      children: [new Paragraph('一、基本情况'), statistics, new Paragraph('二、存在问题')],
    });
    const decoded = await readDocx(docx);
    expect(decoded.tables).toEqual([]);
    expect(decoded.text.split('\n').filter(Boolean)).toEqual([
      '一、基本情况',
      ...['类别', '2022年', '2023年'],
      ...['党员人数', '45', '48'],
      ...['52', '55'],
      ...['合计', '103', '（含预备党员）'],
      '二、存在问题',
    ]);
  });

  it('reads a whole report laid out inside a one-cell table as text, and still finds the 问题清单 nested in it', async () => {
    const layout = table([
      [
        {
          text: ['2023年度党支部书记述职报告', '一、存在问题', '详见下表。'],
          nested: problemTable(),
        },
      ],
    ]);
    const decoded = await readDocx(await wordDocx({ children: [layout, new Paragraph('报告人：李四')] }));
    expect(decoded.text.split('\n').filter(Boolean)).toEqual([
      '2023年度党支部书记述职报告',
      '一、存在问题',
      '详见下表。',
      '报告人：李四',
    ]);
    expect(decoded.tables).toEqual([PROBLEM_ROWS]);
  });

  it('flattens a table nested in a 问题清单 cell into that cell, one line per nested cell paragraph', async () => {
    const measures = table([
      ['措施', '时限'],
      ['建立台账', '3月'],
    ]);
    const docx = await wordDocx({
      children: [
        table([HEADER, ['1', '台账不全', { text: '分步整改：', nested: measures }, '王五', '2024年']]),
      ],
    });
    const decoded = await readDocx(docx);
    expect(decoded.tables[0][1]).toEqual([
      '1',
      '台账不全',
      '分步整改：\n措施\n时限\n建立台账\n3月',
      '王五',
      '2024年',
    ]);
  });

  it("aligns rows that skip grid columns (w:gridBefore / w:gridAfter) and clamps absurd spans to Word's 63 columns", async () => {
    const tc = (text: string, tcPr = '') => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${p(r(text))}</w:tc>`;
    const xml =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr>${tc('存在问题')}${tc('整改措施')}${tc('整改时限')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('措施甲')}${tc('6月')}</w:tr>` +
      `<w:tr><w:trPr><w:gridAfter w:val="2"/></w:trPr>${tc('问题乙')}</w:tr>` +
      `<w:tr>${tc('问题丙', '<w:gridSpan w:val="1000000"/>')}</w:tr>` +
      '</w:tbl>';
    const decoded = await readDocx(await wordDocx({ children: [raw('t')], rawBlocks: { t: xml } }));
    const rows = decoded.tables[0];
    // Every row is as wide as the widest, which the absurd span made 63 columns.
    expect(rows.map((row) => row.length)).toEqual([63, 63, 63, 63]);
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['存在问题', '整改措施', '整改时限'],
      ['', '措施甲', '6月'],
      ['问题乙', '', ''],
      ['问题丙', '', ''],
    ]);
    expect(rows.every((row) => row.slice(3).every((cell) => cell === ''))).toBe(true);
  });

  it('writes 问题清单 tables into the text as well when all text is asked for (docxToText)', async () => {
    const text = await docxToText(await wordDocx({ children: [problemTable()] }));
    expect(text.split('\n').filter(Boolean)).toEqual([
      ...HEADER,
      '一、政治建设方面',
      ...['1', '理论学习不够深入', '制定年度学习计划', '每月开展集中学习', '张三', '2024年6月'],
      ...['2', '组织生活不够规范', '规范"三会一课"记录', '2024年12月'],
    ]);
  });
});
