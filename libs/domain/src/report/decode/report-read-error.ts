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
  | 'NO_PROBLEM_TABLE';

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
