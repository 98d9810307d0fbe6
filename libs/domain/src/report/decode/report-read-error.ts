/** Why a file cannot be read as a report. `code` is stable for programs; `message` is for people. */
export type ReportReadErrorCode =
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'BINARY_CONTENT'
  | 'UNDECODABLE_TEXT'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'DOCX_UNREADABLE'
  /** A .docx passes a bound of `DOCX_LIMITS` (size when unpacked, entries, ratio, XML elements or depth). */
  | 'DOCX_LIMIT_EXCEEDED'
  /** An .xlsx or .csv that cannot be read as a spreadsheet (damaged, encrypted, malformed CSV). */
  | 'SPREADSHEET_UNREADABLE'
  /** An .xlsx or .csv passes a bound of `XLSX_LIMITS` / the CSV limits (see xlsx-to-tables.ts, csv-to-table.ts). */
  | 'SPREADSHEET_LIMIT_EXCEEDED'
  /** A spreadsheet none of whose sheets has a 问题清单 header (存在问题 plus 整改措施/责任人/整改时限 …). */
  | 'NO_PROBLEM_TABLE'
  /** A Word 97–2003 .doc / WPS .wps that cannot be read (damaged, Word 95 or older, not Word). */
  | 'DOC_UNREADABLE'
  /** A .doc / .wps passes a bound of `DOC_LIMITS` (time or memory of its reader, see doc-to-text.ts). */
  | 'DOC_LIMIT_EXCEEDED'
  /** A file with an opening password: an encrypted .doc / .wps, .docx / .xlsx (EncryptedPackage) or .pdf. */
  | 'FILE_ENCRYPTED'
  /** A .pdf that cannot be read (damaged, not a PDF). */
  | 'PDF_UNREADABLE'
  /** A .pdf passes a bound of `PDF_LIMITS` (pages, characters, unpacked streams, time, memory). */
  | 'PDF_LIMIT_EXCEEDED'
  /** A .pdf without a text layer (a scan), or with almost no text per page. */
  | 'PDF_NO_TEXT';

/** The formats read as reports, as Chinese messages list them (.xls is refused with advice). */
export const SUPPORTED_REPORT_FORMATS = '.docx、.doc、.wps、.pdf、.txt、.md、.xlsx、.csv';

/**
 * What a user is told when a .docx cannot be read, whatever the reader's own reason: parser
 * messages (`[xmldom error] …`, zlib's) name internals and help nobody, so they stay in `cause`.
 */
export const DOCX_UNREADABLE_MESSAGE =
  '文件无法作为Word文档读取：文件可能已损坏、已加密或不是 .docx 格式。请用 Word/WPS 打开后另存为 .docx 或 .txt 再上传。';

/** Why a file cannot be read as a report; `cause` keeps the underlying error for logs, never for users. */
export class ReportReadError extends Error {
  constructor(
    readonly code: ReportReadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ReportReadError';
  }
}
