import { type ReadScope } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { OrganisationEntity } from '../../entities/organisation.entity';
import { scopeCondition } from '../scope/scope-condition';
import {
  type AddOrganisationOutcome,
  type NewOrganisation,
  type OrganisationRecord,
  type OrganisationsRepository,
  type OrganisationTreeRow,
} from './organisations.repository';

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

  async listTree(scope: ReadScope): Promise<OrganisationTreeRow[]> {
    const cond = scopeCondition(scope, 1);
    const rows: { id: string; name: string; kind: OrganisationTreeRow['kind']; parent_id: string | null }[] =
      await this.db.query(
        `SELECT o.id, o.name, o.kind, o.parent_id FROM organisation o WHERE ${cond.sql} ORDER BY o.name`,
        cond.params,
      );
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id }));
  }

  async add(organisation: NewOrganisation): Promise<AddOrganisationOutcome> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(OrganisationEntity);
      if (await repo.findOneBy({ name: organisation.name })) return { kind: 'name_taken' } as const;
      let parent: OrganisationEntity | null = null;
      if (organisation.parentName !== null) {
        parent = await repo.findOneBy({ name: organisation.parentName });
        if (!parent) return { kind: 'parent_not_found' } as const;
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

/** A scope condition numbered from $1, with the query builder's named parameters (:p1, :p2 …). */
function namedParameters(sql: string): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => `:p${n}`);
}

/** The scope condition's parameters, named as namedParameters names them. */
function paramsOf(params: unknown[]): Record<string, unknown> {
  return Object.fromEntries(params.map((value, i) => [`p${i + 1}`, value]));
}
