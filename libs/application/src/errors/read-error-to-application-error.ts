import { type ReportReadError } from '@rectify/domain';
import { ApplicationError } from './application-error';

/** 413 for size, 415 for a type that is no report, 422 for a report that cannot be read. */
export function readErrorToApplicationError(err: ReportReadError): ApplicationError {
  const code =
    err.code === 'FILE_TOO_LARGE'
      ? 'REPORT_TOO_LARGE'
      : err.code === 'UNSUPPORTED_FILE_TYPE' || err.code === 'BINARY_CONTENT'
        ? 'REPORT_UNSUPPORTED_TYPE'
        : 'REPORT_UNREADABLE';
  return new ApplicationError(code, err.message, { reason: err.code });
}
