import { type ReadScope } from '@rectify/workflow';
import { type DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from '../../entities/user.entity';
import { scopeCondition } from '../scope/scope-condition';
import {
  type NewUser,
  type SessionUser,
  type UpdateUserOutcome,
  type UserChanges,
  type UserListRow,
  type UserRecord,
  type UserSearch,
  type UserSearchPage,
  type UsersRepository,
} from './users.repository';

interface UserListSqlRow {
  id: string;
  username: string;
  display_name: string;
  role: UserListRow['role'];
  organisation_id: string;
  organisation_name: string;
  email: string | null;
  phone: string | null;
  disabled: boolean;
  must_change_password: boolean;
  created_at: Date;
}

/** Escapes LIKE's wildcards, so a search for "a_b" finds exactly that. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** UsersRepository on PostgreSQL (or PGlite), through the user entity. */
export class PgUsersRepository implements UsersRepository {
  constructor(private readonly db: DataSource) {}

  findByUsername(username: string): Promise<UserRecord | null> {
    return this.db.getRepository(UserEntity).findOneBy({ username });
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.db.getRepository(UserEntity).findOneBy({ id });
  }

  async findSession(id: string): Promise<SessionUser | null> {
    const user = await this.db.getRepository(UserEntity).findOne({
      where: { id },
      select: {
        id: true,
        username: true,
        role: true,
        disabled: true,
        tokenVersion: true,
        mustChangePassword: true,
      },
    });
    return user
      ? {
          id: user.id,
          username: user.username,
          role: user.role,
          disabled: user.disabled,
          tokenVersion: user.tokenVersion,
          mustChangePassword: user.mustChangePassword,
        }
      : null;
  }

  listByUsername(): Promise<UserRecord[]> {
    return this.db.getRepository(UserEntity).find({ order: { username: 'ASC' } });
  }

  async add(user: NewUser): Promise<UserRecord> {
    const repo = this.db.getRepository(UserEntity);
    const created = repo.create({ ...user, phone: user.phone ?? null });
    await repo.insert(created);
    return created;
  }

  async setPasswordHash(username: string, passwordHash: string): Promise<boolean> {
    const result = await this.db.getRepository(UserEntity).update({ username }, { passwordHash });
    return Boolean(result.affected);
  }

  async setPasswordById(id: string, passwordHash: string, mustChangePassword: boolean): Promise<boolean> {
    const result = await this.db
      .getRepository(UserEntity)
      .update({ id }, { passwordHash, mustChangePassword });
    return Boolean(result.affected);
  }

  async search(scope: ReadScope, filter: UserSearch): Promise<UserSearchPage> {
    const scoped = scopeCondition(scope, 1);
    const params: unknown[] = [...scoped.params];
    const where = [scoped.sql];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.text) {
      const pattern = bind(`%${escapeLike(filter.text)}%`);
      where.push(`(u.username ILIKE ${pattern} OR u.display_name ILIKE ${pattern})`);
    }
    if (filter.organisationPath) where.push(`o.path LIKE ${bind(`${escapeLike(filter.organisationPath)}%`)}`);
    if (filter.role) where.push(`u.role = ${bind(filter.role)}`);
    if (filter.disabled !== undefined) where.push(`u.disabled = ${bind(filter.disabled)}`);
    const from = `FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE ${where.join(' AND ')}`;
    const counted: { total: string }[] = await this.db.query(
      `SELECT count(*)::text AS total ${from}`,
      params,
    );
    const rows: UserListSqlRow[] = await this.db.query(
      `SELECT u.id, u.username, u.display_name, u.role, u.organisation_id, o.name AS organisation_name,
              u.email, u.phone, u.disabled, u.must_change_password, u.created_at
       ${from}
       ORDER BY u.disabled, u.username
       LIMIT ${bind(filter.limit)} OFFSET ${bind(filter.offset)}`,
      params,
    );
    return {
      total: Number(counted[0].total),
      rows: rows.map((r) => ({
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        role: r.role,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        email: r.email,
        phone: r.phone,
        disabled: r.disabled,
        mustChangePassword: r.must_change_password,
        createdAt: new Date(r.created_at),
      })),
    };
  }

  update(id: string, changes: UserChanges): Promise<UpdateUserOutcome> {
    return this.db.transaction(async (m) => {
      // Active administrators first, always in id order, then the account: one lock order for all.
      const admins = await lockActiveAdministrators(m);
      const rows: { role: string; disabled: boolean }[] = await m.query(
        `SELECT role, disabled FROM app_user WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const current = rows[0];
      if (!current) return { kind: 'not_found' };
      const wasActiveAdmin = current.role === 'admin' && !current.disabled;
      const staysActiveAdmin =
        (changes.role ?? current.role) === 'admin' && !(changes.disabled ?? current.disabled);
      if (wasActiveAdmin && !staysActiveAdmin && !admins.some((adminId) => adminId !== id))
        return { kind: 'last_administrator' };
      const set = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined),
      ) as UserChanges;
      if (Object.keys(set).length > 0) await m.getRepository(UserEntity).update({ id }, set);
      const user = await m.getRepository(UserEntity).findOneByOrFail({ id });
      return { kind: 'updated', user };
    });
  }
}

/** Locks the active administrators' rows until the transaction ends; returns their ids. */
async function lockActiveAdministrators(m: EntityManager): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM app_user WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE`,
  );
  return rows.map((r) => r.id);
}
