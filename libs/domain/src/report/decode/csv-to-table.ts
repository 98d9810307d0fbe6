import { CsvError, parse } from 'csv-parse/sync';
import { MAX_TABLE_ROWS } from '../table/read-problem-table';
import { type TextEncoding } from '../extraction-result';
import { type DecodedTable } from './decode-report';
import { decodeText } from './detect-encoding';
import { ReportReadError } from './report-read-error';
import { cellsToTable, SPREADSHEET_ADVICE } from './spreadsheet-table';

/**
 * Bounds on reading one CSV (besides MAX_REPORT_BYTES on the upload): records past
 * MAX_TABLE_ROWS + 1 are not parsed, and one record (a row, quoted line breaks included) may
 * hold at most this many characters, so a missing closing quote cannot swallow the whole file
 * into one cell.
 */
export const CSV_LIMITS = Object.freeze({ maxRecordChars: 256 * 1024 });

/** True for a file name ending in .csv (CSV is text, recognised by its name only). */
export function isCsvFileName(fileName: string): boolean {
  return /\.csv$/i.test(fileName.trim());
}

/**
 * Reads a CSV file as one table (sheet null). The bytes are decoded like a text report
 * (decodeText: BOM, UTF-8, else GB18030 as Excel in China writes it, UTF-16 for "Unicode
 * text"); the delimiter is a comma, or a tab when the first line has tabs and no commas;
 * quoted cells may hold commas, quotes and line breaks; rows may differ in length.
 *
 * Throws ReportReadError: UNDECODABLE_TEXT / BINARY_CONTENT from decodeText,
 * SPREADSHEET_LIMIT_EXCEEDED for a record over CSV_LIMITS.maxRecordChars, SPREADSHEET_UNREADABLE
 * for a CSV that cannot be parsed (an unclosed quote).
 */
export function csvToTable(bytes: Uint8Array): { table: DecodedTable; encoding: TextEncoding } {
  const { text, encoding } = decodeText(bytes);
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to: MAX_TABLE_ROWS + 1,
      max_record_size: CSV_LIMITS.maxRecordChars,
    }) as string[][];
  } catch (err) {
    throw csvError(err);
  }
  const table = cellsToTable(
    {
      rowCount: records.length,
      columnCount: Math.max(0, ...records.map((r) => r.length)),
      text: (row, column) => records[row - 1]?.[column - 1] ?? '',
    },
    null,
  );
  return { table, encoding };
}

function csvError(err: unknown): ReportReadError {
  if (err instanceof CsvError && err.code === 'CSV_MAX_RECORD_SIZE') {
    return new ReportReadError(
      'SPREADSHEET_LIMIT_EXCEEDED',
      `CSV 文件中有一行超过 ${CSV_LIMITS.maxRecordChars / 1024}K 个字符，可能缺少闭合的引号。${SPREADSHEET_ADVICE}`,
      { cause: err },
    );
  }
  const line = err instanceof CsvError && 'lines' in err ? `（约第 ${String(err.lines)} 行）` : '';
  return new ReportReadError(
    'SPREADSHEET_UNREADABLE',
    `CSV 文件格式有误${line}：引号或分隔符不成对。${SPREADSHEET_ADVICE}`,
    { cause: err },
  );
}
