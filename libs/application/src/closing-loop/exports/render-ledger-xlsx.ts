import { LEDGER_COLUMNS, type LedgerRow } from '@rectify/domain';
import ExcelJS from 'exceljs';
import { BORDERS, cellText, HEADER_FILL, styleLightCell } from './xlsx-cells';

const LEDGER_SHEET_NAME = '整改台账';

const COLUMN_WIDTHS: Partial<Record<(typeof LEDGER_COLUMNS)[number], number>> = {
  序号: 6,
  问题描述: 40,
  问题来源: 12,
  整改措施: 45,
  责任领导: 10,
  责任单位: 14,
  责任人: 10,
  整改时限: 12,
  进度状态: 10,
  亮灯: 10,
  佐证材料: 30,
  完成情况: 30,
  备注: 30,
};

/** Points per line of 11-point text, and the most a row may grow (Excel's limit is 409). */
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

const TITLE_ROW = 1;
const HEADER_ROW = 2;

/**
 * The ledger as an .xlsx: a title, the header, one row an item with its 亮灯 cell coloured, and when it
 * was generated. Every value is text, so dates read exactly as in the ledger and nothing is a formula.
 * Every text goes through cellText (Excel's cell limit, no character XML forbids).
 */
export async function renderLedgerXlsx(raw: {
  title: string;
  rows: LedgerRow[];
  generatedAt: string;
}): Promise<Buffer> {
  const input = {
    title: cellText(raw.title),
    generatedAt: cellText(raw.generatedAt),
    rows: raw.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => cellText(cell ?? '')) })),
  };
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'rectify';
  workbook.lastModifiedBy = 'rectify';
  workbook.title = input.title;

  const columnCount = LEDGER_COLUMNS.length;
  const lightColumn = LEDGER_COLUMNS.indexOf('亮灯') + 1;
  const lastDataRow = HEADER_ROW + input.rows.length;
  const sheet = workbook.addWorksheet(LEDGER_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${TITLE_ROW}:${HEADER_ROW}`,
    },
  });
  sheet.columns = LEDGER_COLUMNS.map((name) => ({ width: COLUMN_WIDTHS[name] ?? 12 }));

  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, columnCount);
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = input.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(TITLE_ROW).height = 32;

  const header = sheet.getRow(HEADER_ROW);
  header.height = 24;
  LEDGER_COLUMNS.forEach((name, i) => {
    const cell = header.getCell(i + 1);
    cell.value = name;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDERS;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  input.rows.forEach((ledgerRow, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    for (let c = 1; c <= columnCount; c++) {
      const cell = row.getCell(c);
      cell.value = ledgerRow.cells[c - 1] ?? '';
      cell.border = BORDERS;
      cell.alignment =
        c === 1 || c === lightColumn
          ? { vertical: 'top', wrapText: true, horizontal: 'center' }
          : { vertical: 'top', wrapText: true };
    }
    styleLightCell(row.getCell(lightColumn), ledgerRow.light);
    // Excel and LibreOffice do not re-fit wrapped rows on opening, so the height is set from the text.
    row.height = rowHeight(ledgerRow.cells);
  });

  // Over the header and the data but not the footer: Excel filters only the rows in the range.
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: lastDataRow, column: columnCount } };

  // One blank row keeps the footer out of the ledger's block of data.
  sheet.getCell(lastDataRow + 2, 1).value = `生成时间：${input.generatedAt}`;

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Lines a cell needs at its column's width: a Han character is two width units, others one. */
function linesNeeded(text: string, width: number): number {
  return text.split('\n').reduce((lines, segment) => {
    let units = 0;
    for (const ch of segment) units += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
    return lines + Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
  }, 0);
}

function rowHeight(cells: string[]): number {
  const lines = LEDGER_COLUMNS.reduce(
    (most, name, i) => Math.max(most, linesNeeded(cells[i] ?? '', COLUMN_WIDTHS[name] ?? 12)),
    1,
  );
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 4);
}
