import { randomUUID } from 'node:crypto';
import { type NewUser, type SessionUser, type UserRecord, type UsersRepository } from '@rectify/persistence';

/**
 * UsersRepository in memory, for unit tests. Like the database's trigger, a new password hash
 * bumps the token version.
 */
export class InMemoryUsersRepository implements UsersRepository {
  readonly rows: UserRecord[] = [];
  /** How many lookups each method made, to show what a use case does not do. */
  readonly calls = { findByUsername: 0, findSession: 0 };

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
    const { username, role, disabled, tokenVersion } = user;
    return { id, username, role, disabled, tokenVersion };
  }

  async listByUsername(): Promise<UserRecord[]> {
    return [...this.rows]
      .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0))
      .map((u) => ({ ...u }));
  }

  async add(user: NewUser): Promise<UserRecord> {
    if (this.rows.some((u) => u.username === user.username)) throw new Error('duplicate key: username');
    const created: UserRecord = {
      ...user,
      id: randomUUID(),
      disabled: false,
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

  private copy(user: UserRecord | undefined): UserRecord | null {
    return user ? { ...user } : null;
  }
}
