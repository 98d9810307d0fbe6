import { type UserRole } from '../../entities/user.entity';

/** An account as the repository returns it. `passwordHash` is bcrypt, null: cannot log in yet. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  organisationId: string;
  email: string | null;
  passwordHash: string | null;
  /** 停用: a disabled account can neither log in nor use a token issued before. */
  disabled: boolean;
  /** Bumped by the database when the role, the password or `disabled` changes. */
  tokenVersion: number;
  createdAt: Date;
}

/** What each authenticated request needs to know about its user, read fresh from the database. */
export interface SessionUser {
  id: string;
  username: string;
  role: UserRole;
  disabled: boolean;
  /** Compared with the `ver` claim of the access token; see UserRecord.tokenVersion. */
  tokenVersion: number;
}

/** A new account: every field already checked; `passwordHash` null for no password yet. */
export interface NewUser {
  username: string;
  displayName: string;
  role: UserRole;
  organisationId: string;
  email: string | null;
  passwordHash: string | null;
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
}
