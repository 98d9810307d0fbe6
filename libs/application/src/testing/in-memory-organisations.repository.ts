import { randomUUID } from 'node:crypto';
import {
  type AddOrganisationOutcome,
  type NewOrganisation,
  type OrganisationRecord,
  type OrganisationsRepository,
  type OrganisationTreeRow,
} from '@rectify/persistence';
import { mayOnOrganisation, type ReadScope } from '@rectify/workflow';

/**
 * OrganisationsRepository in memory, for unit tests: the scope follows the pure read rule
 * (mayOnOrganisation READ), paths are built as the database builds them.
 */
export class InMemoryOrganisationsRepository implements OrganisationsRepository {
  readonly rows: OrganisationRecord[] = [];

  async findByName(scope: ReadScope, name: string): Promise<OrganisationRecord | null> {
    return this.visible(scope).find((o) => o.name === name) ?? null;
  }

  async findById(scope: ReadScope, id: string): Promise<OrganisationRecord | null> {
    return this.visible(scope).find((o) => o.id === id) ?? null;
  }

  async listByPath(scope: ReadScope): Promise<OrganisationRecord[]> {
    return this.visible(scope).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async listTree(scope: ReadScope): Promise<OrganisationTreeRow[]> {
    return this.visible(scope)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(({ id, name, kind, parentId }) => ({ id, name, kind, parentId }));
  }

  async add(organisation: NewOrganisation): Promise<AddOrganisationOutcome> {
    if (this.rows.some((o) => o.name === organisation.name)) return { kind: 'name_taken' };
    const parent =
      organisation.parentName === null ? null : this.rows.find((o) => o.name === organisation.parentName);
    if (parent === undefined) return { kind: 'parent_not_found' };
    const id = randomUUID();
    const created: OrganisationRecord = {
      id,
      name: organisation.name,
      kind: organisation.kind,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      disabled: false,
      createdAt: new Date(),
    };
    this.rows.push(created);
    return { kind: 'added', organisation: { ...created } };
  }

  private visible(scope: ReadScope): OrganisationRecord[] {
    const viewer = scope === 'operator' ? null : scope;
    return this.rows.filter((o) => mayOnOrganisation(viewer, 'READ', o.path)).map((o) => ({ ...o }));
  }
}
