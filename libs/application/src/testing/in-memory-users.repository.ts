import { randomUUID } from 'node:crypto';
import {
  type NewPosition,
  type NewUser,
  type SessionUser,
  type UpdateUserOutcome,
  type UserChanges,
  type UserPosition,
  type UserRecord,
  type UserSearch,
  type UserSearchPage,
  type UsersRepository,
} from '@rectify/persistence';
import { mayOnOrganisation, type ReadScope } from '@rectify/workflow';
import { type InMemoryOrganisationsRepository } from './in-memory-organisations.repository';

/**
 * UsersRepository in memory, for unit tests. Like the database's trigger, a new password hash or
 * `disabled` bumps the token version. Positions take their organisations' names and paths, and
 * `search` their tree, from the organisations given to the constructor (without them, names and
 * paths are empty and search throws).
 */
export class InMemoryUsersRepository implements UsersRepository {
  readonly rows: UserRecord[] = [];
  /** How many lookups each method made, to show what a use case does not do. */
  readonly calls = { findByUsername: 0, findSession: 0 };

  constructor(private readonly organisations?: InMemoryOrganisationsRepository) {}

  async findByUsername(username: string): Promise<UserRecord | null> {
    this.calls.findByUsername += 1;
    return this.copy(this.rows.find((u) => u.username === username));
  }

  async findById(id: string): Promise<UserRecord | null> {
    return this.copy(this.rows.find((u) => u.id === id));
  }

  async findSession(id: string): Promise<SessionUser | null> {
    this.calls.findSession += 1;
    const user = this.rows.find((u) => u.id === id);
    if (!user) return null;
    const { username, disabled, tokenVersion, mustChangePassword } = user;
    const positions = user.positions.map(({ organisationId, organisationPath, kind, rights }) => ({
      organisationId,
      organisationPath,
      kind,
      rights,
    }));
    return { id, username, positions, disabled, tokenVersion, mustChangePassword };
  }

  async listByUsername(): Promise<UserRecord[]> {
    return [...this.rows].sort((a, b) => compare(a.username, b.username)).map((u) => ({ ...u }));
  }

  async add(user: NewUser): Promise<UserRecord> {
    if (this.rows.some((u) => u.username === user.username)) throw new Error('duplicate key: username');
    const created: UserRecord = {
      ...user,
      positions: this.held(user.positions),
      phone: user.phone ?? null,
      id: randomUUID(),
      disabled: false,
      mustChangePassword: false,
      tokenVersion: 0,
      createdAt: new Date(),
    };
    this.rows.push(created);
    return { ...created };
  }

  async setPasswordHash(username: string, passwordHash: string): Promise<boolean> {
    const user = this.rows.find((u) => u.username === username);
    if (!user) return false;
    user.passwordHash = passwordHash;
    user.tokenVersion += 1;
    return true;
  }

  async setPasswordById(id: string, passwordHash: string, mustChangePassword: boolean): Promise<boolean> {
    const user = this.rows.find((u) => u.id === id);
    if (!user) return false;
    user.passwordHash = passwordHash;
    user.mustChangePassword = mustChangePassword;
    user.tokenVersion += 1;
    return true;
  }

  async search(scope: ReadScope, filter: UserSearch): Promise<UserSearchPage> {
    if (!this.organisations) throw new Error('InMemoryUsersRepository.search needs the organisations');
    const viewer = scope === 'operator' ? null : scope;
    const text = filter.text?.toLowerCase();
    const matches = this.rows.flatMap((u) => {
      const org = this.organisations?.rows.find((o) => o.id === u.organisationId);
      if (!org || !mayOnOrganisation(viewer, 'READ', org.path)) return [];
      if (text && !u.username.toLowerCase().includes(text) && !u.displayName.toLowerCase().includes(text))
        return [];
      if (filter.organisationPath && !org.path.startsWith(filter.organisationPath)) return [];
      if (filter.positionKind && !u.positions.some((p) => p.kind === filter.positionKind)) return [];
      if (filter.disabled !== undefined && u.disabled !== filter.disabled) return [];
      return [
        {
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          organisationId: u.organisationId,
          positions: u.positions,
          organisationName: org.name,
          email: u.email,
          phone: u.phone,
          disabled: u.disabled,
          mustChangePassword: u.mustChangePassword,
          createdAt: u.createdAt,
        },
      ];
    });
    matches.sort((a, b) => Number(a.disabled) - Number(b.disabled) || compare(a.username, b.username));
    return { total: matches.length, rows: matches.slice(filter.offset, filter.offset + filter.limit) };
  }

  async update(id: string, changes: UserChanges): Promise<UpdateUserOutcome> {
    const user = this.rows.find((u) => u.id === id);
    if (!user) return { kind: 'not_found' };
    const next = { ...user };
    for (const [key, value] of Object.entries(changes))
      if (value !== undefined) Object.assign(next, { [key]: value });
    if (this.isLastRoot(user) && !this.isRoot(next)) return { kind: 'last_administrator' };
    if (next.disabled !== user.disabled) next.tokenVersion += 1;
    Object.assign(user, next);
    return { kind: 'updated', user: { ...user } };
  }

  async setPositions(id: string, positions: NewPosition[]): Promise<UpdateUserOutcome> {
    const user = this.rows.find((u) => u.id === id);
    if (!user) return { kind: 'not_found' };
    const next = { ...user, positions: this.held(positions) };
    if (this.isLastRoot(user) && !this.isRoot(next)) return { kind: 'last_administrator' };
    Object.assign(user, next);
    return { kind: 'updated', user: { ...user } };
  }

  /** An active 管理员 of a root organisation. */
  private isRoot(user: UserRecord): boolean {
    return (
      !user.disabled &&
      user.positions.some((p) => p.kind === 'admin' && /^\/[^/]*\/$/.test(p.organisationPath))
    );
  }

  private isLastRoot(user: UserRecord): boolean {
    return this.isRoot(user) && !this.rows.some((u) => u.id !== user.id && this.isRoot(u));
  }

  private held(positions: NewPosition[]): UserPosition[] {
    return positions.map((p) => {
      const org = this.organisations?.rows.find((o) => o.id === p.organisationId);
      return { ...p, organisationName: org?.name ?? '', organisationPath: org?.path ?? '' };
    });
  }

  private copy(user: UserRecord | undefined): UserRecord | null {
    return user ? { ...user } : null;
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
