import { type Writable } from 'node:stream';
import { LEDGER_COLUMNS, type LedgerRow, loadExcelJs } from '@rectify/domain';
import { SHEET_CHECK_ROWS, sheetTaken, taken } from './sheet-backpressure';
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

/** What writeLedgerXlsx writes: the title, when it was generated, and the rows page by page. */
export interface LedgerWorkbook {
  title: string;
  generatedAt: string;
  /** In ledger order, already numbered; iterated once, as the file is written. */
  pages: AsyncIterable<readonly LedgerRow[]> | Iterable<readonly LedgerRow[]>;
}

/**
 * Streams the ledger to `out` as an .xlsx: a title over all columns, the header, one row an item
 * with its 亮灯 cell coloured, and when it was generated. Every value is text, so dates read
 * exactly as in the ledger and nothing is a formula; every text goes through cellText (Excel's
 * cell limit, no character XML forbids). Rows are committed as they come (exceljs's streaming
 * writer), and a page is read only when `out` has taken the one before, so memory holds about
 * one page. `sharedStrings` (default false) writes the texts once into a table at the end, which
 * holds every text in memory until then: for a file built whole, not for a long stream.
 * Resolves with the number of rows when the file is complete; rejects when a page cannot be
 * read or `out` fails or is closed early (the file is then incomplete).
 */
export async function writeLedgerXlsx(
  out: Writable,
  input: LedgerWorkbook,
  options: { sharedStrings?: boolean } = {},
): Promise<number> {
  const workbook = new (loadExcelJs().stream.xlsx.WorkbookWriter)({
    stream: out,
    useStyles: true,
    useSharedStrings: options.sharedStrings ?? false,
  });
  workbook.creator = 'rectify';
  workbook.lastModifiedBy = 'rectify';
  workbook.title = cellText(input.title);

  const columnCount = LEDGER_COLUMNS.length;
  const lightColumn = LEDGER_COLUMNS.indexOf('亮灯') + 1;
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
  const titleRow = sheet.getRow(TITLE_ROW);
  const title = titleRow.getCell(1);
  title.value = cellText(input.title);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  titleRow.height = 32;
  titleRow.commit();

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
  header.commit();

  let written = 0;
  for await (const page of input.pages) {
    for (const ledgerRow of page) {
      const cells = ledgerRow.cells.map((cell) => cellText(cell ?? ''));
      written++;
      const row = sheet.getRow(HEADER_ROW + written);
      for (let c = 1; c <= columnCount; c++) {
        const cell = row.getCell(c);
        cell.value = cells[c - 1] ?? '';
        cell.border = BORDERS;
        cell.alignment =
          c === 1 || c === lightColumn
            ? { vertical: 'top', wrapText: true, horizontal: 'center' }
            : { vertical: 'top', wrapText: true };
      }
      styleLightCell(row.getCell(lightColumn), ledgerRow.light);
      // Excel and LibreOffice do not re-fit wrapped rows on opening, so the height is set from the text.
      row.height = rowHeight(cells);
      row.commit();
      if (written % SHEET_CHECK_ROWS === 0) await sheetTaken(sheet);
    }
    await sheetTaken(sheet);
    await taken(out);
  }
  const lastDataRow = HEADER_ROW + written;

  // Over the header and the data but not the footer: Excel filters only the rows in the range.
  // The streaming writer puts it after the rows, so it can name the last one.
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: lastDataRow, column: columnCount } };

  // One blank row keeps the footer out of the ledger's block of data.
  sheet.getRow(lastDataRow + 2).getCell(1).value = cellText(`生成时间：${input.generatedAt}`);
  sheet.commit();
  await workbook.commit();
  return written;
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
