import { type UserListRow, type UserPosition, type UserRecord } from '@rectify/persistence';

/**
 * A person as the people list (人员管理) shows them: a list row without its creation time (no
 * password hash, no token version). `disabled` 已停用: cannot log in; `mustChangePassword`: still
 * has a reset's one-time password, to be changed at the next login.
 */
export type UserEntry = Omit<UserListRow, 'createdAt' | 'positions'> & { positions: PositionEntry[] };

/** A position as lists and profiles show it: without its organisation's path. */
export type PositionEntry = Omit<UserPosition, 'organisationPath'>;

/** The entries of positions held (no materialised paths leave the server). */
export const toPositionEntries = (positions: UserPosition[]): PositionEntry[] =>
  positions.map(({ organisationId, organisationName, kind, rights }) => ({
    organisationId,
    organisationName,
    kind,
    rights,
  }));

/** The entry of an account (a record and its organisation's name, or a list row). */
export function toUserEntry(user: UserRecord | UserListRow, organisationName: string): UserEntry {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    organisationId: user.organisationId,
    positions: toPositionEntries(user.positions),
    organisationName,
    email: user.email,
    phone: user.phone,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
  };
}
