import { isOleCompoundFile, openOleCompoundFile } from './ole-compound-file';
import { ReportReadError } from './report-read-error';

/**
 * Legacy Excel workbooks (.xls, BIFF8 in an OLE compound file) are refused with advice, not
 * read. The one maintained BIFF reader for Node, SheetJS, stopped publishing to the npm
 * registry at `xlsx` 0.18.5, which has known advisories for crafted files (prototype pollution,
 * CVE-2023-30533; ReDoS, CVE-2024-22363); the fixed versions are served only from SheetJS's own
 * CDN, and the other BIFF readers on npm are unmaintained. Excel and WPS save a .xls as .xlsx in
 * two clicks, and .xlsx is read under limits (xlsx-to-tables.ts).
 */

/**
 * True for an OLE compound file (D0 CF 11 E0 …) whose root storage holds a `Workbook` (BIFF8)
 * or `Book` (BIFF5) stream; false for any other file, including a compound file too broken to
 * list (the .doc reader, which looks for `WordDocument`, then says why).
 */
export function isXlsWorkbook(bytes: Uint8Array): boolean {
  // Most uploads are not compound files at all: no exception (and its stack trace) for them.
  if (!isOleCompoundFile(bytes)) return false;
  try {
    const streams = openOleCompoundFile(bytes).rootStreams;
    return streams.has('Workbook') || streams.has('Book');
  } catch {
    return false;
  }
}

/** The refusal of a .xls workbook: UNSUPPORTED_FILE_TYPE, saying how to save it as .xlsx. */
export function xlsNotSupported(): ReportReadError {
  return new ReportReadError(
    'UNSUPPORTED_FILE_TYPE',
    '不支持旧版 Excel（.xls）格式：请用 Excel 或 WPS 打开后"另存为" Excel 工作簿（.xlsx）或 CSV（.csv）再上传。',
  );
}
