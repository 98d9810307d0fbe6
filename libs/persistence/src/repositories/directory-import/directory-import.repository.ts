import { type DirectoryPlan, type DirectorySnapshot, type PlannedPerson } from '@rectify/domain';

/** A new account of a directory import, with the bcrypt hash of its one-time password. */
export interface DirectoryNewPerson extends PlannedPerson {
  passwordHash: string;
}

/** What a directory import writes: the plan, with each new account's password hash. */
export interface DirectoryWrite extends Omit<DirectoryPlan, 'people' | 'notices'> {
  people: DirectoryNewPerson[];
}

/**
 * The outcome of writing an import: the rows added (positions an identical concurrent import
 * added first are not counted), or `changed_meanwhile` when an organisation name or username
 * was taken, or an existing parent removed, after the file was checked; then nothing was written.
 */
export type DirectoryWriteOutcome =
  | { kind: 'written'; organisations: number; people: number; positions: number }
  | { kind: 'changed_meanwhile' };

/** The organisation tree and its people as a bulk import (批量导入组织和人员) reads and writes them. */
export interface DirectoryImportRepository {
  /**
   * What the database holds of the organisations (by exact name) and accounts (by exact username)
   * a file names: each organisation with its parent's name, path and `disabled`; each account
   * with its name, 手机, 邮箱; and every position those accounts hold. Three queries, whatever
   * the number of names.
   */
  snapshot(lookups: { organisationNames: string[]; usernames: string[] }): Promise<DirectorySnapshot>;

  /**
   * Writes the plan in one transaction, in a few multi-row statements: the organisations
   * parent-first with their paths (the existing parents read again and share-locked, so a
   * concurrent move cannot leave a stale path), the accounts (must change their password), and
   * the positions. All or nothing.
   */
  write(plan: DirectoryWrite): Promise<DirectoryWriteOutcome>;
}
