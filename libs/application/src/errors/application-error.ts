/**
 * A refusal of a use case: `code` is stable for programs (the HTTP layer maps it to a status),
 * `message` says in Chinese what is wrong and what to do, `details` carries data for clients.
 */
export type ApplicationErrorCode =
  | 'ORGANISATION_NOT_FOUND'
  | 'ORGANISATION_EXISTS'
  /** Moving an organisation under itself or an organisation below it (409). */
  | 'ORGANISATION_CYCLE'
  /** A root organisation cannot be moved, disabled or enabled (409). */
  | 'ORGANISATION_IS_ROOT'
  /** Disabling an organisation with active organisations below it (409). */
  | 'ORGANISATION_HAS_ACTIVE_CHILDREN'
  /** The organisation is deactivated (停用): no new people, positions, items, imports or organisations below (409). */
  | 'ORGANISATION_DISABLED'
  | 'USER_NOT_FOUND'
  | 'USER_EXISTS'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_DISABLED'
  | 'PASSWORD_REJECTED'
  /** Changing one's own password: the current password given is wrong (400). */
  | 'WRONG_CURRENT_PASSWORD'
  /** Changing one's own password: the new one is the current one (400). */
  | 'PASSWORD_UNCHANGED'
  /** The change would leave no active root administrator (409). */
  | 'LAST_ADMINISTRATOR'
  /** An administrator may not deactivate themselves or take away their own 管理员 position (409). */
  | 'OWN_ACCOUNT_PROTECTED'
  | 'ITEM_NOT_FOUND'
  | 'ITEM_CHANGED'
  /** The item is withdrawn (撤销): nothing but restoring it may be done to it (409). */
  | 'ITEM_WITHDRAWN'
  | 'EVENT_NOT_ALLOWED_IN_STATE'
  | 'ACTOR_NOT_PERMITTED'
  /**
   * Only administrators may (403): administering organisations and users, importing reports,
   * the development mailbox and the job queues.
   */
  | 'ADMIN_ONLY'
  | 'EVENT_INCOMPLETE'
  /** A measure's picked 责任人 is not an active person of the item's organisation (400). */
  | 'RESPONSIBLE_NOT_IN_ORGANISATION'
  /** Re-planned measures would postpone the deadline: only 申请延期 → 同意延期 may (409). */
  | 'DEADLINE_EXTENSION_REQUIRED'
  | 'REPORT_UNREADABLE'
  | 'REPORT_UNSUPPORTED_TYPE'
  | 'REPORT_TOO_LARGE'
  | 'REPORT_NOT_FOUND'
  /** Removing an import whose items someone has already worked on (409). */
  | 'REPORT_IN_USE'
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
  /** The organisation has no group robot (群机器人) on that platform (404). */
  | 'ROBOT_NOT_FOUND'
  /** Deleting a group robot that has sent or holds notifications: disable it instead (409). */
  | 'ROBOT_HAS_DELIVERIES'
  /** A pasted robot webhook address is not the platform's official form (400); the message says what to fix. */
  | 'ROBOT_WEBHOOK_INVALID'
  | 'INVALID_ARGUMENT'
  /** An export (导出 Excel) would hold more rows than its limit: narrow the filters (422). */
  | 'EXPORT_TOO_LARGE';

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
