import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../workbooks/load-exceljs';
import { type DecodedTable } from './decode-report';
import { type DocxLimits } from './docx-limits';
import { openDocxPackage } from './docx-package';
import { ReportReadError } from './report-read-error';
import { cellsToTable, SPREADSHEET_ADVICE, type SheetCells } from './spreadsheet-table';

const MiB = 1024 * 1024;

/**
 * Bounds on reading one .xlsx, checked by the same zip package reader as .docx files
 * (docx-package.ts: central directory before inflating, inflated sizes while inflating, XML
 * element count, depth and no DTD before parsing) before exceljs sees the bytes.
 *
 * Measured with exceljs 4.4 here: about 7 µs and 250 bytes of heap per XML element (20,000
 * rows × 6 columns, 340,000 elements: 2.5 s, 82 MB), so 500,000 elements bound a read to about
 * 4 s and 150 MB. A real 问题清单 of 200 rows × 12 columns has some 6,000 elements.
 */
export const XLSX_LIMITS: Readonly<DocxLimits> = Object.freeze({
  maxEntries: 2_000,
  maxDeclaredBytes: 64 * MiB,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1 * MiB,
  maxInflatedBytes: 64 * MiB,
  maxXmlElements: 500_000,
  maxXmlDepth: 128,
});

const DIRECTORY_ONLY: DocxLimits = {
  ...XLSX_LIMITS,
  maxEntries: Number.POSITIVE_INFINITY,
  maxDeclaredBytes: Number.POSITIVE_INFINITY,
  maxCompressionRatio: Number.POSITIVE_INFINITY,
};

/** Sheets read per workbook; the rest are named in a warning. */
export const MAX_SHEETS = 50;

/**
 * True for a zip archive that is an Excel workbook (it has `xl/workbook.xml`); false for any
 * other zip, including one whose central directory cannot be read (the .docx reader then says why).
 */
export async function isXlsxZip(bytes: Uint8Array): Promise<boolean> {
  try {
    // Only the central directory is read here (bounded by the upload's size): the limits are
    // applied by the reader the answer chooses, which then names the right kind of file.
    return (await openDocxPackage(bytes, DIRECTORY_ONLY)).exists('xl/workbook.xml');
  } catch {
    return false;
  }
}

/**
 * Reads the sheets of an .xlsx (or .xlsm) as tables of display texts: dates as YYYY-MM-DD,
 * numbers as written, rich text flattened, formulas as their cached result, merged cells
 * repeating their text in every cell they cover. Each sheet becomes a DecodedTable named after
 * it (row i of `rows` is the sheet's row i + 1), cut to MAX_TABLE_ROWS + 1 rows and
 * MAX_TABLE_COLUMNS + 1 columns so the table reader can say what it left out.
 *
 * Throws ReportReadError: SPREADSHEET_LIMIT_EXCEEDED when a bound of XLSX_LIMITS is passed,
 * SPREADSHEET_UNREADABLE when the bytes are no readable workbook.
 */
export async function xlsxToTables(
  bytes: Uint8Array,
): Promise<{ tables: DecodedTable[]; warnings: string[] }> {
  await checkPackage(bytes);
  const workbook = new (loadExcelJs().Workbook)();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (err) {
    throw new ReportReadError('SPREADSHEET_UNREADABLE', UNREADABLE, { cause: err });
  }
  const warnings: string[] = [];
  const sheets = workbook.worksheets;
  if (sheets.length > MAX_SHEETS) {
    warnings.push(`工作簿有 ${sheets.length} 个工作表：只读取了前 ${MAX_SHEETS} 个。`);
  }
  const tables = sheets.slice(0, MAX_SHEETS).map((sheet) => cellsToTable(sheetCells(sheet), sheet.name));
  return { tables, warnings };
}

const UNREADABLE = `文件无法作为 Excel 工作簿读取：文件可能已损坏或已加密。${SPREADSHEET_ADVICE}`;

/** Opens the package under XLSX_LIMITS and inflates and measures every part once. */
async function checkPackage(bytes: Uint8Array): Promise<void> {
  try {
    const pkg = await openDocxPackage(bytes, XLSX_LIMITS);
    for (const name of pkg.entryNames()) {
      if (name.endsWith('/')) continue;
      await pkg.read(name, /\.(?:xml|rels|vml)$/i.test(name) ? 'utf-8' : undefined);
    }
  } catch (err) {
    throw asSpreadsheetError(err);
  }
}

/** The package reader speaks of Word documents; a workbook's reader says the same about Excel. */
function asSpreadsheetError(err: unknown): ReportReadError {
  if (!(err instanceof ReportReadError))
    return new ReportReadError('SPREADSHEET_UNREADABLE', UNREADABLE, { cause: err });
  if (err.code !== 'DOCX_LIMIT_EXCEEDED') {
    return new ReportReadError('SPREADSHEET_UNREADABLE', UNREADABLE, { cause: err });
  }
  const what = /读取限制：(.+?)。/.exec(err.message)?.[1] ?? '文件过大或结构过于复杂';
  return new ReportReadError(
    'SPREADSHEET_LIMIT_EXCEEDED',
    `Excel 工作簿超出读取限制：${what}。请删除与问题清单无关的工作表和图片后再上传。`,
    { cause: err },
  );
}

function sheetCells(sheet: ExcelJS.Worksheet): SheetCells {
  return {
    rowCount: sheet.rowCount,
    columnCount: sheet.columnCount,
    // find* (not get*) so that reading an empty cell does not create it.
    text: (row, column) => cellText(sheet.findRow(row)?.findCell(column)?.value),
  };
}

/** The text a person sees in a cell (without number formats beyond dates). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  }
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}
