import { type ClosingDocument, LEDGER_COLUMNS, type LedgerRow } from '@rectify/domain';
import { docxToText } from '@rectify/domain/report/decode/docx-to-text';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { renderDocx } from './render-docx';
import { renderLedgerXlsx } from './render-ledger-xlsx';

describe('renderDocx', () => {
  const section: ClosingDocument = {
    title: '一、上年度民主生活会查摆问题整改落实情况',
    blocks: [
      { kind: 'paragraph', text: '上年度共查摆问题5个，已整改完成4个，正在整改1个。' },
      { kind: 'heading', level: 1, text: '（一）理论学习方面' },
      { kind: 'paragraph', text: '针对理论学习不够深入的问题，制定了年度学习计划。' },
      { kind: 'heading', level: 2, text: '1. 学习制度' },
      { kind: 'paragraph', text: '每月开展一次集中学习。' },
    ],
  };
  const summary: ClosingDocument = {
    title: '整改情况汇总',
    blocks: [
      { kind: 'heading', level: 1, text: '整改明细' },
      {
        kind: 'table',
        header: ['序号', '问题', '状态'],
        rows: [
          ['1', '理论学习不够深入', '已完成'],
          ['2', '联系群众不够紧密', '整改中'],
        ],
      },
      { kind: 'paragraph', text: '以上情况特此报告。' },
    ],
  };

  it('writes every heading, paragraph and table cell in order', async () => {
    const text = await docxToText(await renderDocx([section, summary]));
    const expected = [
      section.title,
      '上年度共查摆问题5个，已整改完成4个，正在整改1个。',
      '（一）理论学习方面',
      '针对理论学习不够深入的问题，制定了年度学习计划。',
      '1. 学习制度',
      '每月开展一次集中学习。',
      summary.title,
      '整改明细',
      ...['序号', '问题', '状态', '1', '理论学习不够深入', '已完成', '2', '联系群众不够紧密', '整改中'],
      '以上情况特此报告。',
    ];
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toEqual(expected);
  });

  it('starts the second document on a new page and records the title and creator', async () => {
    const zip = await JSZip.loadAsync(await renderDocx([section, summary]));
    const body = await zip.file('word/document.xml')!.async('string');
    const breakAt = body.indexOf('<w:pageBreakBefore/>');
    expect(breakAt).toBeGreaterThan(body.indexOf('每月开展一次集中学习'));
    expect(breakAt).toBeLessThan(body.indexOf(summary.title));
    expect(body.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);

    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(`<dc:title>${section.title}；${summary.title}</dc:title>`);
    expect(core).toContain('<dc:creator>rectify</dc:creator>');
  });

  it('sets 仿宋 for body text and 黑体 for headings as East Asian fonts', async () => {
    const zip = await JSZip.loadAsync(await renderDocx([section]));
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:rPrDefault>.*w:eastAsia="仿宋"/);
    for (const id of ['Heading1', 'Heading2', 'Heading3']) {
      expect(styles).toMatch(new RegExp(`w:styleId="${id}">.*?w:eastAsia="黑体".*?</w:style>`));
    }
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('w:firstLineChars="200"');
  });
});

describe('renderLedgerXlsx', () => {
  const cells = (n: number, light: string, extra: Partial<Record<number, string>> = {}) =>
    LEDGER_COLUMNS.map(
      (_, i) => extra[i] ?? (i === 0 ? String(n) : i === 9 ? light : `第${n}行第${i + 1}列`),
    );
  const rows: LedgerRow[] = [
    {
      itemId: 'a',
      light: 'red',
      cells: cells(1, '红灯', { 3: '1. 制定学习计划（时限：2025-03-31）\n2. 开展专题研讨', 7: '2025-06-30' }),
    },
    {
      itemId: 'b',
      light: 'yellow',
      cells: cells(2, '黄灯', { 10: '学习计划.docx\n研讨记录.pdf', 7: '2025-07-15' }),
    },
    {
      itemId: 'c',
      light: 'not_lit',
      cells: cells(3, '不亮灯', { 11: '已于2025年5月20日审核销号\n整改成效：良好' }),
    },
  ];
  const input = { title: '2024年度民主生活会问题整改台账', rows, generatedAt: '2025-06-01 09:30' };

  async function load(): Promise<ExcelJS.Worksheet> {
    const buffer = await renderLedgerXlsx(input);
    expect(Buffer.isBuffer(buffer)).toBe(true);
    // ExcelJS types its Buffer as an ArrayBuffer; at run time it takes Node's.
    const workbook = await new ExcelJS.Workbook().xlsx.load(buffer as unknown as ExcelJS.Buffer);
    expect(workbook.creator).toBe('rectify');
    expect(workbook.worksheets).toHaveLength(1);
    return workbook.worksheets[0];
  }

  it('writes the title, header and every cell as given', async () => {
    const sheet = await load();
    expect(sheet.name).toBe('整改台账');

    expect(sheet.model.merges).toEqual(['A1:M1']);
    expect(sheet.getCell('A1').value).toBe(input.title);
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(sheet.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });

    expect(LEDGER_COLUMNS.map((_, i) => sheet.getRow(2).getCell(i + 1).value)).toEqual([...LEDGER_COLUMNS]);
    expect(sheet.getCell('B2').font).toMatchObject({ bold: true });

    rows.forEach((row, r) => {
      const values = LEDGER_COLUMNS.map((_, c) => sheet.getRow(3 + r).getCell(c + 1).value);
      expect(values).toEqual(row.cells);
    });
    // Dates stay text, not Excel dates.
    expect(sheet.getCell('H3').value).toBe('2025-06-30');
    expect(sheet.getCell('D3').alignment).toMatchObject({ wrapText: true, vertical: 'top' });

    expect(sheet.getCell('A7').value).toBe('生成时间：2025-06-01 09:30');
    expect(sheet.rowCount).toBe(7);
  });

  it('colours the 亮灯 cell by light', async () => {
    const sheet = await load();
    const lightColumn = LEDGER_COLUMNS.indexOf('亮灯') + 1;
    const [red, yellow, unlit] = [3, 4, 5].map((r) => sheet.getRow(r).getCell(lightColumn));
    expect(solidFill(red)).toBe('FFFF0000');
    expect(red.font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
    expect(solidFill(yellow)).toBe('FFFFFF00');
    expect(solidFill(unlit)).toBeUndefined();
    // Only the light cell is coloured.
    expect(solidFill(sheet.getRow(3).getCell(lightColumn - 1))).toBeUndefined();
  });

  it('sets column widths, frozen header and the autofilter', async () => {
    const sheet = await load();
    const widths = Object.fromEntries(LEDGER_COLUMNS.map((name, i) => [name, sheet.getColumn(i + 1).width]));
    expect(widths).toMatchObject({
      序号: 6,
      问题描述: 40,
      整改措施: 45,
      佐证材料: 30,
      完成情况: 30,
      备注: 30,
    });
    for (const width of Object.values(widths)) expect(width).toBeGreaterThanOrEqual(6);

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBe('A2:M5');
    expect(solidFill(sheet.getCell('A2'))).toBe('FFD9D9D9');
    expect(sheet.getCell('M2').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
  });
});

describe('renderLedgerXlsx row heights', () => {
  it('makes each row tall enough for its wrapped text, since spreadsheets do not re-fit on opening', async () => {
    const long = '党员'.repeat(50); // 100 Han characters: 200 width units over a 40-wide column
    const row = (n: number, description: string) => ({
      itemId: `i${n}`,
      light: 'not_lit' as const,
      cells: LEDGER_COLUMNS.map((_, c) => (c === 0 ? String(n) : c === 1 ? description : '')),
    });
    const buffer = await renderLedgerXlsx({
      title: '台账',
      rows: [row(1, '短'), row(2, long)],
      generatedAt: 'now',
    });
    const sheet = (await new ExcelJS.Workbook().xlsx.load(buffer as unknown as ExcelJS.Buffer)).worksheets[0];
    expect(sheet.getRow(3).height).toBe(19);
    expect(sheet.getRow(4).height).toBe(6 * 15 + 4);
  });
});

/** The colour of a cell's solid fill; ExcelJS reads an unfilled cell back as pattern 'none'. */
function solidFill(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill;
  return fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
}
