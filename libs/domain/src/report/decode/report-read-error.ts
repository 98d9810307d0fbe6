/** Why a file cannot be read as a report. `code` is stable for programs; `message` is for people. */
export type ReportReadErrorCode =
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'BINARY_CONTENT'
  | 'UNDECODABLE_TEXT'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'DOCX_UNREADABLE';

export class ReportReadError extends Error {
  constructor(
    readonly code: ReportReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReportReadError';
  }
}
