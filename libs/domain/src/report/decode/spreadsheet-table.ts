import { findProblemTableHeader } from '../table/problem-table-header';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from '../table/read-problem-table';
import { type DecodedTable } from './decode-report';
import { ReportReadError } from './report-read-error';

/** What every spreadsheet message ends with: how to bring the list in another way. */
export const SPREADSHEET_ADVICE = '请用 Excel/WPS 打开后另存为 .xlsx 或 .csv 再上传。';

/** A sheet as a grid of display texts, 1-based like Excel. */
export interface SheetCells {
  rowCount: number;
  columnCount: number;
  text(row: number, column: number): string;
}

/**
 * A sheet as a DecodedTable: at most MAX_TABLE_ROWS + 1 rows and MAX_TABLE_COLUMNS + 1
 * columns (one past each limit, so the table reader can warn about what it left out), cells
 * trimmed with \r\n made \n, trailing empty cells and rows dropped. Row i of `rows` is the
 * sheet's row i + 1, empty rows included, so row numbers in warnings are the sheet's own.
 */
export function cellsToTable(cells: SheetCells, sheet: string | null): DecodedTable {
  const rowCount = Math.min(cells.rowCount, MAX_TABLE_ROWS + 1);
  const columnCount = Math.min(cells.columnCount, MAX_TABLE_COLUMNS + 1);
  const rows: string[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= columnCount; c++) row.push(cells.text(r, c).replace(/\r\n?/g, '\n').trim());
    while (row.length > 0 && !row[row.length - 1]) row.pop();
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return { rows, sheet };
}

/**
 * The lines written above each problem table's header (titles such as 青石村党支部2024年度问题整改清单,
 * 填报单位：…), one per row, for the report's text: the parser finds the year and title there.
 * Throws ReportReadError NO_PROBLEM_TABLE when no table has a problem-list header.
 */
export function requireProblemTables(tables: DecodedTable[], what: string): string {
  const lines: string[] = [];
  let found = false;
  for (const table of tables) {
    const header = findProblemTableHeader(table.rows);
    if (!header) continue;
    found = true;
    for (const row of table.rows.slice(0, header.rowIndex)) {
      const text = [...new Set(row.filter(Boolean))].join(' ');
      if (text && !lines.includes(text)) lines.push(text);
    }
  }
  if (!found) {
    throw new ReportReadError(
      'NO_PROBLEM_TABLE',
      `未找到问题清单表头：${what}中没有一行同时写有"存在问题"（或"问题描述""问题表现""具体问题"）和"整改措施""责任单位""责任人""整改时限""完成情况"等列名中的至少一个。请在问题清单的第一行写上这些列名后再上传。`,
    );
  }
  return lines.join('\n');
}
