import { moveRefusal } from '@rectify/domain';
import { type ReadScope } from '@rectify/workflow';
import { type DataSource, type EntityManager } from 'typeorm';
import { OrganisationEntity } from '../../entities/organisation.entity';
import { scopeCondition } from '../scope/scope-condition';
import {
  type AddOrganisationOutcome,
  type EditOrganisationOutcome,
  type MoveOrganisationOutcome,
  type NewOrganisation,
  type OrganisationChanges,
  type OrganisationRecord,
  type OrganisationsRepository,
  type OrganisationTreeRow,
  type SetOrganisationDisabledOutcome,
} from './organisations.repository';

/** The columns of an OrganisationRecord, as SQL reads them. */
const RECORD_COLUMNS = `id, name, kind, parent_id AS "parentId", path, disabled, created_at AS "createdAt"`;

/** The root's id of a materialised path `/<root>/…/`. */
const rootOf = (path: string) => path.split('/')[1];

/** Escapes LIKE's wildcards (paths are uuids and '/', but a prefix must never widen by accident). */
const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A unique violation (the name index), from node-postgres or PGlite. */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}

/** OrganisationsRepository on PostgreSQL (or PGlite), through the organisation entity. */
export class PgOrganisationsRepository implements OrganisationsRepository {
  constructor(private readonly db: DataSource) {}

  async findByName(scope: ReadScope, name: string): Promise<OrganisationRecord | null> {
    return this.findOneInScope(scope, { name });
  }

  async findById(scope: ReadScope, id: string): Promise<OrganisationRecord | null> {
    return this.findOneInScope(scope, { id });
  }

  async listByPath(scope: ReadScope): Promise<OrganisationRecord[]> {
    const repo = this.db.getRepository(OrganisationEntity);
    const cond = scopeCondition(scope, 1);
    if (cond.sql === 'TRUE') return repo.find({ order: { path: 'ASC' } });
    return repo
      .createQueryBuilder('o')
      .where(namedParameters(cond.sql), paramsOf(cond.params))
      .orderBy('o.path', 'ASC')
      .getMany();
  }

  async withOrganisationsBelow(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { parent_id: string }[] = await this.db.query(
      `SELECT DISTINCT parent_id FROM organisation WHERE parent_id = ANY($1::uuid[]) AND NOT disabled`,
      [ids],
    );
    return new Set(rows.map((r) => r.parent_id));
  }

  async listTree(scope: ReadScope): Promise<OrganisationTreeRow[]> {
    const cond = scopeCondition(scope, 1);
    const rows: {
      id: string;
      name: string;
      kind: OrganisationTreeRow['kind'];
      parent_id: string | null;
      disabled: boolean;
    }[] = await this.db.query(
      `SELECT o.id, o.name, o.kind, o.parent_id, o.disabled FROM organisation o WHERE ${cond.sql} ORDER BY o.name`,
      cond.params,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      parentId: r.parent_id,
      disabled: r.disabled,
    }));
  }

  async add(organisation: NewOrganisation): Promise<AddOrganisationOutcome> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(OrganisationEntity);
      if (await repo.findOneBy({ name: organisation.name })) return { kind: 'name_taken' } as const;
      let parent: OrganisationEntity | null = null;
      if (organisation.parentName !== null) {
        // FOR SHARE: a move of the parent (which rewrites its path) or its deactivation waits
        // for this insert, or this insert waits for them and reads the path and state they left.
        parent = await repo.findOne({
          where: { name: organisation.parentName },
          lock: { mode: 'pessimistic_read' },
        });
        if (!parent) return { kind: 'parent_not_found' } as const;
        if (parent.disabled) return { kind: 'parent_disabled' } as const;
      }
      const created = repo.create({
        name: organisation.name,
        kind: organisation.kind,
        parentId: parent?.id ?? null,
        path: '',
      });
      await repo.insert(created);
      created.path = `${parent?.path ?? '/'}${created.id}/`;
      await repo.update({ id: created.id }, { path: created.path });
      return { kind: 'added', organisation: created } as const;
    });
  }

  async edit(id: string, changes: OrganisationChanges): Promise<EditOrganisationOutcome> {
    try {
      const rows: OrganisationRecord[] = await this.db.query(
        `UPDATE organisation SET name = COALESCE($2, name), kind = COALESCE($3, kind)
          WHERE id = $1 RETURNING ${RECORD_COLUMNS}`,
        [id, changes.name ?? null, changes.kind ?? null],
      );
      const organisation = firstRow<OrganisationRecord>(rows);
      return organisation ? { kind: 'edited', organisation } : { kind: 'not_found' };
    } catch (err) {
      if (isUniqueViolation(err)) return { kind: 'name_taken' };
      throw err;
    }
  }

  async move(id: string, newParentId: string): Promise<MoveOrganisationOutcome> {
    return this.db.transaction(async (m) => {
      // Moves never change a tree's root (a root cannot be moved), so locking the roots of both
      // trees involved serialises every move that could interfere: two moves that together would
      // close a cycle touch the same tree(s), the second waits and then sees the first's paths.
      let pair = await readPair(m, id, newParentId);
      const locked = new Set<string>();
      while (pair.org && pair.parent) {
        const roots = [rootOf(pair.org.path), rootOf(pair.parent.path)].filter((r) => !locked.has(r));
        if (roots.length === 0) break;
        await m.query(`SELECT 1 FROM organisation WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
          roots.sort(),
        ]);
        roots.forEach((r) => locked.add(r));
        pair = await readPair(m, id, newParentId);
      }
      const { org, parent } = pair;
      if (!org) return { kind: 'not_found' };
      if (!parent) return { kind: 'parent_not_found' };
      const refusal = moveRefusal(org, parent.path);
      if (refusal) return { kind: refusal };
      // The parent's state is read under a share lock: its deactivation waits for this move.
      const [{ disabled: parentDisabled }] = (await m.query(
        `SELECT disabled FROM organisation WHERE id = $1 FOR SHARE`,
        [parent.id],
      )) as { disabled: boolean }[];
      if (parentDisabled && !org.disabled) return { kind: 'parent_disabled' };
      // Lock the subtree first: an insert below it (holding its parent FOR SHARE) commits before,
      // so the rewrite, a statement of its own with a fresh snapshot, sees and moves it too.
      await m.query(`SELECT 1 FROM organisation WHERE path LIKE $1 FOR UPDATE`, [likePrefix(org.path)]);
      const newPath = `${parent.path}${org.id}/`;
      await m.query(
        `UPDATE organisation
            SET path = $1 || substr(path, length($2) + 1),
                parent_id = CASE WHEN id = $3::uuid THEN $4::uuid ELSE parent_id END
          WHERE path LIKE $5`,
        [newPath, org.path, org.id, parent.id, likePrefix(org.path)],
      );
      const [moved] = (await m.query(`SELECT ${RECORD_COLUMNS} FROM organisation WHERE id = $1`, [
        id,
      ])) as OrganisationRecord[];
      return { kind: 'moved', organisation: moved };
    });
  }

  async setDisabled(id: string, disabled: boolean): Promise<SetOrganisationDisabledOutcome> {
    return this.db.transaction(async (m) => {
      const org = firstRow<OrganisationRecord>(
        await m.query(`SELECT ${RECORD_COLUMNS} FROM organisation WHERE id = $1 FOR UPDATE`, [id]),
      );
      if (!org) return { kind: 'not_found' };
      if (org.parentId === null) return { kind: 'is_root' };
      if (disabled) {
        // Adding below, enabling below and moving under this organisation take a share lock on
        // it, so no active organisation appears below it once this count is 0.
        const [{ count }] = (await m.query(
          `SELECT count(*)::int AS count FROM organisation
            WHERE path LIKE $1 AND id <> $2 AND NOT disabled`,
          [likePrefix(org.path), id],
        )) as { count: number }[];
        if (count > 0) return { kind: 'has_active_children', count };
      } else {
        const [parent] = (await m.query(`SELECT disabled FROM organisation WHERE id = $1 FOR SHARE`, [
          org.parentId,
        ])) as { disabled: boolean }[];
        if (parent?.disabled) return { kind: 'parent_disabled' };
      }
      const updated = firstRow<OrganisationRecord>(
        await m.query(`UPDATE organisation SET disabled = $2 WHERE id = $1 RETURNING ${RECORD_COLUMNS}`, [
          id,
          disabled,
        ]),
      );
      return { kind: 'done', organisation: updated as OrganisationRecord };
    });
  }

  /**
   * One organisation matching `where` within `scope`. The operator's (and an administrator's)
   * reads are the plain entity lookups they always were; a narrower scope adds its condition.
   */
  private async findOneInScope(
    scope: ReadScope,
    where: { id: string } | { name: string },
  ): Promise<OrganisationRecord | null> {
    const repo = this.db.getRepository(OrganisationEntity);
    const cond = scopeCondition(scope, 1);
    if (cond.sql === 'TRUE') return repo.findOneBy(where);
    const [column, value] = 'id' in where ? ['id', where.id] : ['name', where.name];
    return repo
      .createQueryBuilder('o')
      .where(`o.${column} = :value`, { value })
      .andWhere(namedParameters(cond.sql), paramsOf(cond.params))
      .getOne();
  }
}

/** The organisation to move and its new parent as they are now, either null when missing. */
async function readPair(m: EntityManager, id: string, parentId: string) {
  const rows = (await m.query(`SELECT ${RECORD_COLUMNS} FROM organisation WHERE id = ANY($1::uuid[])`, [
    [id, parentId],
  ])) as OrganisationRecord[];
  return { org: rows.find((r) => r.id === id), parent: rows.find((r) => r.id === parentId) };
}

/**
 * The first row of a query's answer. An UPDATE … RETURNING answers [rows, count] through
 * node-postgres and TypeORM, a SELECT the rows.
 */
function firstRow<T>(answer: unknown): T | undefined {
  const rows = Array.isArray(answer) && Array.isArray(answer[0]) ? (answer[0] as T[]) : (answer as T[]);
  return rows[0];
}

/** A scope condition numbered from $1, with the query builder's named parameters (:p1, :p2 …). */
function namedParameters(sql: string): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => `:p${n}`);
}

/** The scope condition's parameters, named as namedParameters names them. */
function paramsOf(params: unknown[]): Record<string, unknown> {
  return Object.fromEntries(params.map((value, i) => [`p${i + 1}`, value]));
}
