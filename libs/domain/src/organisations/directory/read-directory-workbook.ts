import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../workbooks/load-exceljs';
import { openDocxPackage } from '../../report/decode/docx-package';
import { cellText, XLSX_LIMITS } from '../../report/decode/xlsx-to-tables';
import { cleanText } from '../../text/clean-text';
import {
  DIRECTORY_COLUMNS,
  type DirectoryColumn,
  type DirectoryRow,
  MAX_DIRECTORY_BYTES,
  MAX_DIRECTORY_ROWS,
} from './directory-template';

/** Why a file could not be read as a directory template at all (before any row is checked). */
export type DirectoryFileErrorCode =
  | 'DIRECTORY_FILE_TOO_LARGE'
  | 'DIRECTORY_FILE_UNREADABLE'
  | 'DIRECTORY_TOO_MANY_ROWS'
  | 'DIRECTORY_HEADER_INVALID';

/** A file refused as a whole, with a Chinese message saying what to do. */
export class DirectoryFileError extends Error {
  constructor(
    readonly code: DirectoryFileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DirectoryFileError';
  }
}

const ADVICE = '请下载模板，按模板填写后另存为 .xlsx 再上传。';

/**
 * The data rows of a directory template (.xlsx): the first sheet, header in row 1 matched by the
 * column names of DIRECTORY_COLUMNS (in any order; a trailing * or （必填） is ignored), one
 * DirectoryRow per non-empty row with Excel's row number. The file is bounded before exceljs
 * reads it: at most MAX_DIRECTORY_BYTES, and the zip package checked under the report reader's
 * XLSX_LIMITS (entries, inflated sizes, XML elements), so a crafted file cannot exhaust memory.
 * @throws DirectoryFileError: too large, unreadable, more than MAX_DIRECTORY_ROWS rows, or a
 *   header without the template's columns
 */
export async function readDirectoryWorkbook(bytes: Uint8Array): Promise<DirectoryRow[]> {
  if (bytes.byteLength > MAX_DIRECTORY_BYTES) {
    throw new DirectoryFileError(
      'DIRECTORY_FILE_TOO_LARGE',
      `文件过大（${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB）：批量导入的文件不能超过 ${MAX_DIRECTORY_BYTES / 1024 / 1024} MB、${MAX_DIRECTORY_ROWS} 行。请删除图片和无关的工作表，或分成几个文件导入。`,
    );
  }
  const sheet = await firstSheet(bytes);
  const columns = headerColumns(sheet);
  const rows: DirectoryRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const excelRow = sheet.findRow(r);
    if (!excelRow) continue;
    const cells = Object.fromEntries(
      DIRECTORY_COLUMNS.map((c) => [c, cleanText(cellText(excelRow.findCell(columns[c])?.value)).trim()]),
    ) as Record<DirectoryColumn, string>;
    if (DIRECTORY_COLUMNS.every((c) => !cells[c])) continue;
    if (rows.length === MAX_DIRECTORY_ROWS) {
      throw new DirectoryFileError(
        'DIRECTORY_TOO_MANY_ROWS',
        `文件超过 ${MAX_DIRECTORY_ROWS} 行：请分成几个文件导入（先导入上级组织所在的文件）。`,
      );
    }
    rows.push({ row: r, cells });
  }
  return rows;
}

async function firstSheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const unreadable = () =>
    new DirectoryFileError(
      'DIRECTORY_FILE_UNREADABLE',
      `文件无法作为 Excel 工作簿（.xlsx）读取：文件可能已损坏、已加密或不是 .xlsx。${ADVICE}`,
    );
  try {
    const pkg = await openDocxPackage(bytes, XLSX_LIMITS);
    if (!pkg.exists('xl/workbook.xml')) throw unreadable();
    for (const name of pkg.entryNames()) {
      if (!name.endsWith('/')) await pkg.read(name, /\.(?:xml|rels|vml)$/i.test(name) ? 'utf-8' : undefined);
    }
  } catch (err) {
    if (err instanceof DirectoryFileError) throw err;
    throw unreadable();
  }
  const workbook = new (loadExcelJs().Workbook)();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw unreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable();
  return sheet;
}

/** Column number of each template column in row 1, or DIRECTORY_HEADER_INVALID naming those missing. */
function headerColumns(sheet: ExcelJS.Worksheet): Record<DirectoryColumn, number> {
  const found = new Map<string, number>();
  const header = sheet.findRow(1);
  for (let c = 1; header && c <= Math.min(sheet.columnCount, 100); c++) {
    const text = cellText(header.findCell(c)?.value)
      .replace(/\s+/g, '')
      .replace(/[*＊]|[（(]必填[)）]/g, '');
    if (text && !found.has(text)) found.set(text, c);
  }
  const missing = DIRECTORY_COLUMNS.filter((c) => !found.has(c));
  if (missing.length > 0) {
    throw new DirectoryFileError(
      'DIRECTORY_HEADER_INVALID',
      `第1行表头缺少列：${missing.join('、')}。第一个工作表的第1行应依次为 ${DIRECTORY_COLUMNS.join(' | ')}。${ADVICE}`,
    );
  }
  return Object.fromEntries(DIRECTORY_COLUMNS.map((c) => [c, found.get(c)!])) as Record<
    DirectoryColumn,
    number
  >;
}
