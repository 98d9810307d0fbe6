import { type ReportReadError } from '@rectify/domain';
import { ApplicationError } from './application-error';

/**
 * 413 for size (the upload's, a .docx's or .xlsx's once unpacked, a .doc's or .pdf's reader bounds:
 * *_LIMIT_EXCEEDED), 415 for a type
 * that is no report, 422 for a report that cannot be read. `details.reason` keeps the domain code.
 */
export function readErrorToApplicationError(err: ReportReadError): ApplicationError {
  const code =
    err.code === 'FILE_TOO_LARGE' ||
    err.code === 'DOCX_LIMIT_EXCEEDED' ||
    err.code === 'SPREADSHEET_LIMIT_EXCEEDED' ||
    err.code === 'DOC_LIMIT_EXCEEDED' ||
    err.code === 'PDF_LIMIT_EXCEEDED'
      ? 'REPORT_TOO_LARGE'
      : err.code === 'UNSUPPORTED_FILE_TYPE' || err.code === 'BINARY_CONTENT'
        ? 'REPORT_UNSUPPORTED_TYPE'
        : 'REPORT_UNREADABLE';
  return new ApplicationError(code, err.message, { reason: err.code });
}
