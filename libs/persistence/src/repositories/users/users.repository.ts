import { type PositionKind, type PositionRight } from '@rectify/domain';
import { type ReadScope, type ViewerPosition } from '@rectify/workflow';

/** A position (职务) to give someone: the organisation (id), the kind and its rights. */
export interface NewPosition {
  organisationId: string;
  kind: PositionKind;
  rights: readonly PositionRight[];
}

/** A position held, with its organisation's name and materialised path. */
export interface UserPosition extends NewPosition {
  organisationName: string;
  organisationPath: string;
}

/** An account as the repository returns it. `passwordHash` is bcrypt, null: cannot log in yet. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  /** 所在组织: the person's home organisation (where the people lists show them). */
  organisationId: string;
  /** Every position held, ordered by organisation path then kind; what they may do follows. */
  positions: UserPosition[];
  email: string | null;
  /** 手机, free text; null when not given. */
  phone: string | null;
  passwordHash: string | null;
  /** Set by an administrator's password reset: the API serves nothing but the change until then. */
  mustChangePassword: boolean;
  /** 停用: a disabled account can neither log in nor use a token issued before. */
  disabled: boolean;
  /** Bumped by the database when the password or `disabled` changes. */
  tokenVersion: number;
  createdAt: Date;
}

/** What each authenticated request needs to know about its user, read fresh from the database. */
export interface SessionUser {
  id: string;
  username: string;
  /** The positions as the access rules take them (read on every request, never from the token). */
  positions: ViewerPosition[];
  disabled: boolean;
  /** Compared with the `ver` claim of the access token; see UserRecord.tokenVersion. */
  tokenVersion: number;
  /** See UserRecord.mustChangePassword. */
  mustChangePassword: boolean;
}

/** A new account: every field already checked; `passwordHash` null for no password yet. */
export interface NewUser {
  username: string;
  displayName: string;
  organisationId: string;
  /** At least one, as a rule of the use case; written in the same transaction as the account. */
  positions: NewPosition[];
  email: string | null;
  passwordHash: string | null;
  /** 手机; absent or null when not given. */
  phone?: string | null;
}

/** What an administrator may change on an account; absent fields stay as they are. */
export interface UserChanges {
  displayName?: string;
  phone?: string | null;
  email?: string | null;
  organisationId?: string;
  disabled?: boolean;
}

/**
 * The outcome of UsersRepository.update and setPositions: `last_administrator` when the change
 * would leave no active root administrator (a 管理员 of a root organisation: it disables the last
 * one or takes away their position), and nothing was written.
 */
export type UpdateUserOutcome =
  { kind: 'updated'; user: UserRecord } | { kind: 'not_found' } | { kind: 'last_administrator' };

/** The people list's filters; text matches username or name, organisationPath the subtree. */
export interface UserSearch {
  /** Part of the username or the name (姓名), case-insensitive; wildcards are taken literally. */
  text?: string;
  /** Materialised path of an organisation: its people and those of every one below it. */
  organisationPath?: string;
  /** People holding at least one position of this kind. */
  positionKind?: PositionKind;
  /** true: only deactivated accounts; false: only active ones; absent: both. */
  disabled?: boolean;
  /** Rows to skip and rows to return, after ordering (active first, then by username). */
  offset: number;
  limit: number;
}

/** One line of the people list: the account without its password hash, with its organisation. */
export interface UserListRow {
  id: string;
  username: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  positions: UserPosition[];
  email: string | null;
  phone: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
}

/** A page of the people list and how many accounts match in all. */
export interface UserSearchPage {
  total: number;
  rows: UserListRow[];
}

/** The accounts (app_user): looking them up, adding them, setting passwords. */
export interface UsersRepository {
  /** The account with exactly this username, or null. */
  findByUsername(username: string): Promise<UserRecord | null>;

  /** The account with this id (a uuid string; the caller checks the form), or null. */
  findById(id: string): Promise<UserRecord | null>;

  /**
   * The session fields of the account with this id (a uuid string), or null. One primary-key
   * lookup of five columns: it runs on every authenticated request.
   */
  findSession(id: string): Promise<SessionUser | null>;

  /** Every account, ordered by username. */
  listByUsername(): Promise<UserRecord[]>;

  /**
   * Inserts the account and returns it with its new id, tokenVersion 0 and creation time.
   * A username taken meanwhile fails with the unique index's database error.
   */
  add(user: NewUser): Promise<UserRecord>;

  /**
   * Sets the password hash of the account named `username`; the database bumps its token
   * version with it. False when there is no such account.
   */
  setPasswordHash(username: string, passwordHash: string): Promise<boolean>;

  /**
   * Sets the password hash of the account with this id and whether it must be changed at the
   * next login (true after an administrator's reset, false when the person chose it). The token
   * version moves with the hash. False when there is no such account.
   */
  setPasswordById(id: string, passwordHash: string, mustChangePassword: boolean): Promise<boolean>;

  /**
   * The accounts of organisations within `scope` that match `filter`, one page of them, ordered
   * active first, then by username; `total` counts every match.
   */
  search(scope: ReadScope, filter: UserSearch): Promise<UserSearchPage>;

  /**
   * Applies `changes` to the account with this id, in one transaction that locks the active root
   * administrators first, so two administrators disabling each other at once cannot leave none.
   * Changing `disabled` moves the token version (the database's trigger).
   */
  update(id: string, changes: UserChanges): Promise<UpdateUserOutcome>;

  /**
   * Replaces every position of the account with `positions`, in one transaction under the same
   * lock as update (the last active root administrator keeps a root 管理员 position). Positions
   * are read on every request: the change applies from the person's next request.
   */
  setPositions(id: string, positions: NewPosition[]): Promise<UpdateUserOutcome>;
}
