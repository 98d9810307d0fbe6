/**
 * A refusal of a use case: `code` is stable for programs (the HTTP layer maps it to a status),
 * `message` says in Chinese what is wrong and what to do, `details` carries data for clients.
 */
export type ApplicationErrorCode =
  | 'ORGANISATION_NOT_FOUND'
  | 'ORGANISATION_EXISTS'
  | 'USER_NOT_FOUND'
  | 'USER_EXISTS'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_DISABLED'
  | 'PASSWORD_REJECTED'
  /** Changing one's own password: the current password given is wrong (400). */
  | 'WRONG_CURRENT_PASSWORD'
  /** Changing one's own password: the new one is the current one (400). */
  | 'PASSWORD_UNCHANGED'
  /** The change would leave no active administrator (409). */
  | 'LAST_ADMINISTRATOR'
  /** An administrator may not deactivate themselves or change their own role (409). */
  | 'OWN_ACCOUNT_PROTECTED'
  | 'ITEM_NOT_FOUND'
  | 'ITEM_CHANGED'
  | 'EVENT_NOT_ALLOWED_IN_STATE'
  | 'ACTOR_NOT_PERMITTED'
  /**
   * Only administrators may (403): administering organisations and users, importing reports,
   * the development mailbox and the job queues.
   */
  | 'ADMIN_ONLY'
  | 'EVENT_INCOMPLETE'
  /** Re-planned measures would postpone the deadline: only 申请延期 → 同意延期 may (409). */
  | 'DEADLINE_EXTENSION_REQUIRED'
  | 'REPORT_UNREADABLE'
  | 'REPORT_UNSUPPORTED_TYPE'
  | 'REPORT_TOO_LARGE'
  | 'REPORT_NOT_FOUND'
  | 'EVIDENCE_NOT_FOUND'
  | 'EVIDENCE_TOO_LARGE'
  | 'EVIDENCE_UNSUPPORTED_TYPE'
  | 'EVIDENCE_EMPTY'
  | 'EVIDENCE_LIMIT_REACHED'
  | 'NO_TRACKED_ITEMS'
  /** A directory import's rows have problems (422): `details.problems` lists them by row and column. */
  | 'DIRECTORY_INVALID'
  /** A directory file over 5 MB or 5,000 rows (413). */
  | 'DIRECTORY_FILE_TOO_LARGE'
  /** A directory file that is no .xlsx or lacks the template's header (422). */
  | 'DIRECTORY_FILE_UNREADABLE'
  /** A name of a directory file was taken between the check and the write (409); nothing written. */
  | 'DIRECTORY_CHANGED'
  | 'INVALID_ARGUMENT';

export class ApplicationError extends Error {
  constructor(
    readonly code: ApplicationErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApplicationError';
  }
}
