import { type PositionKind } from '@rectify/domain';
import { type ReadScope } from '@rectify/workflow';
import { type DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from '../../entities/user.entity';
import { scopeCondition } from '../scope/scope-condition';
import { preparedQuery } from '../sql/prepared-sql';
import { positionRightsOf } from '../viewers/viewer-positions.sql';
import {
  type NewPosition,
  type NewUser,
  type SessionUser,
  type UpdateUserOutcome,
  type UserChanges,
  type UserListRow,
  type UserPosition,
  type UserRecord,
  type UserSearch,
  type UserSearchPage,
  type UsersRepository,
} from './users.repository';

interface PositionJson {
  organisationId: string;
  organisationName: string;
  organisationPath: string;
  kind: string;
  worksItems: boolean;
  supervises: boolean;
}

interface UserSqlRow {
  id: string;
  username: string;
  display_name: string;
  organisation_id: string;
  organisation_name: string;
  email: string | null;
  phone: string | null;
  password_hash: string | null;
  disabled: boolean;
  must_change_password: boolean;
  token_version: number;
  created_at: Date;
  positions: PositionJson[] | null;
}

/** The json array of user `u`'s positions with their organisations, ordered by path and kind. */
const POSITIONS_OF_U = `(SELECT json_agg(json_build_object(
            'organisationId', p.organisation_id, 'organisationName', po.name, 'organisationPath', po.path,
            'kind', p.kind, 'worksItems', p.works_items, 'supervises', p.supervises) ORDER BY po.path, p.kind)
          FROM position p JOIN organisation po ON po.id = p.organisation_id WHERE p.user_id = u.id)`;

const SELECT_USER = `SELECT u.id, u.username, u.display_name, u.organisation_id, o.name AS organisation_name,
        u.email, u.phone, u.password_hash, u.disabled, u.must_change_password, u.token_version, u.created_at,
        ${POSITIONS_OF_U} AS positions
   FROM app_user u JOIN organisation o ON o.id = u.organisation_id`;

const FIND_SESSION = `SELECT u.id, u.username, u.disabled, u.token_version, u.must_change_password,
        ${POSITIONS_OF_U} AS positions
   FROM app_user u WHERE u.id = $1`;

// The active root administrators (a 管理员 position on an organisation without a parent).
const ROOT_ADMINISTRATORS = `SELECT u.id FROM app_user u
   WHERE NOT u.disabled AND EXISTS (
     SELECT 1 FROM position p JOIN organisation o ON o.id = p.organisation_id
      WHERE p.user_id = u.id AND p.kind = 'admin' AND o.parent_id IS NULL)`;

/** Escapes LIKE's wildcards, so a search for "a_b" finds exactly that. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** UsersRepository on PostgreSQL (or PGlite): accounts and the positions they hold. */
export class PgUsersRepository implements UsersRepository {
  constructor(private readonly db: DataSource) {}

  async findByUsername(username: string): Promise<UserRecord | null> {
    const rows: UserSqlRow[] = await this.db.query(`${SELECT_USER} WHERE u.username = $1`, [username]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findById(id: string): Promise<UserRecord | null> {
    return findById(this.db.manager, id);
  }

  async findSession(id: string): Promise<SessionUser | null> {
    // Read on every authenticated request: a named statement, planned once per connection.
    const rows = await preparedQuery<UserSqlRow>(this.db, 'rectify.find_session', FIND_SESSION, [id]);
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      username: row.username,
      positions: toPositions(row.positions).map(({ organisationId, organisationPath, kind, rights }) => ({
        organisationId,
        organisationPath,
        kind,
        rights,
      })),
      disabled: row.disabled,
      tokenVersion: Number(row.token_version),
      mustChangePassword: row.must_change_password,
    };
  }

  async listByUsername(): Promise<UserRecord[]> {
    const rows: UserSqlRow[] = await this.db.query(`${SELECT_USER} ORDER BY u.username`);
    return rows.map(toRecord);
  }

  add(user: NewUser): Promise<UserRecord> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const { positions, ...account } = user;
      const created = repo.create({ ...account, phone: user.phone ?? null });
      await repo.insert(created);
      await insertPositions(m, created.id, positions);
      return (await findById(m, created.id))!;
    });
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
    if (filter.positionKind)
      where.push(
        `EXISTS (SELECT 1 FROM position pk WHERE pk.user_id = u.id AND pk.kind = ${bind(filter.positionKind)})`,
      );
    if (filter.disabled !== undefined) where.push(`u.disabled = ${bind(filter.disabled)}`);
    const condition = where.join(' AND ');
    const counted: { total: string }[] = await this.db.query(
      `SELECT count(*)::text AS total FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE ${condition}`,
      params,
    );
    const rows: UserSqlRow[] = await this.db.query(
      `${SELECT_USER} WHERE ${condition}
       ORDER BY u.disabled, u.username
       LIMIT ${bind(filter.limit)} OFFSET ${bind(filter.offset)}`,
      params,
    );
    return { total: Number(counted[0].total), rows: rows.map(toListRow) };
  }

  update(id: string, changes: UserChanges): Promise<UpdateUserOutcome> {
    return this.db.transaction(async (m) => {
      const roots = await lockRootAdministrators(m);
      const rows: { disabled: boolean }[] = await m.query(
        `SELECT disabled FROM app_user WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!rows[0]) return { kind: 'not_found' };
      if (changes.disabled === true && isLastRoot(roots, id)) return { kind: 'last_administrator' };
      const set = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined),
      ) as UserChanges;
      if (Object.keys(set).length > 0) await m.getRepository(UserEntity).update({ id }, set);
      return { kind: 'updated', user: (await findById(m, id))! };
    });
  }

  setPositions(id: string, positions: NewPosition[]): Promise<UpdateUserOutcome> {
    return this.db
      .transaction(async (m): Promise<UpdateUserOutcome> => {
        const roots = await lockRootAdministrators(m);
        const rows: { id: string }[] = await m.query(`SELECT id FROM app_user WHERE id = $1 FOR UPDATE`, [
          id,
        ]);
        if (!rows[0]) return { kind: 'not_found' };
        await m.query(`DELETE FROM position WHERE user_id = $1`, [id]);
        await insertPositions(m, id, positions);
        if (isLastRoot(roots, id)) {
          const still: { id: string }[] = await m.query(`${ROOT_ADMINISTRATORS} AND u.id = $1`, [id]);
          // Undo inside the transaction: nothing of the change is kept.
          if (still.length === 0) throw new LastRootAdministrator();
        }
        return { kind: 'updated', user: (await findById(m, id))! };
      })
      .catch((error: unknown): UpdateUserOutcome => {
        if (error instanceof LastRootAdministrator) return { kind: 'last_administrator' };
        throw error;
      });
  }
}

/** Thrown inside setPositions' transaction to roll it back; answered as `last_administrator`. */
class LastRootAdministrator extends Error {}

async function findById(m: EntityManager, id: string): Promise<UserRecord | null> {
  const rows: UserSqlRow[] = await m.query(`${SELECT_USER} WHERE u.id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

async function insertPositions(m: EntityManager, userId: string, positions: NewPosition[]): Promise<void> {
  if (positions.length === 0) return;
  await m.query(
    `INSERT INTO position (user_id, organisation_id, kind, works_items, supervises)
     SELECT $1, p.organisation_id, p.kind, p.works_items, p.supervises
       FROM jsonb_to_recordset($2::jsonb)
         AS p(organisation_id uuid, kind text, works_items boolean, supervises boolean)
     ON CONFLICT (user_id, organisation_id, kind) DO NOTHING`,
    [
      userId,
      JSON.stringify(
        positions.map((p) => ({
          organisation_id: p.organisationId,
          kind: p.kind,
          works_items: p.rights.includes('work_items'),
          supervises: p.rights.includes('supervise'),
        })),
      ),
    ],
  );
}

/** Locks the active root administrators' rows, always in id order; returns their ids. */
async function lockRootAdministrators(m: EntityManager): Promise<string[]> {
  const rows: { id: string }[] = await m.query(`${ROOT_ADMINISTRATORS} ORDER BY u.id FOR UPDATE OF u`);
  return rows.map((r) => r.id);
}

const isLastRoot = (roots: string[], id: string) => roots.includes(id) && roots.length === 1;

function toPositions(json: PositionJson[] | null): UserPosition[] {
  return (json ?? []).map((p) => ({
    organisationId: p.organisationId,
    organisationName: p.organisationName,
    organisationPath: p.organisationPath,
    kind: p.kind as PositionKind,
    rights: positionRightsOf(p),
  }));
}

function toRecord(row: UserSqlRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    positions: toPositions(row.positions),
    email: row.email,
    phone: row.phone,
    passwordHash: row.password_hash,
    mustChangePassword: row.must_change_password,
    disabled: row.disabled,
    tokenVersion: Number(row.token_version),
    createdAt: new Date(row.created_at),
  };
}

function toListRow(row: UserSqlRow): UserListRow {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    positions: toPositions(row.positions),
    email: row.email,
    phone: row.phone,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    createdAt: new Date(row.created_at),
  };
}
