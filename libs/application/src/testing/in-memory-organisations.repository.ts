import { randomUUID } from 'node:crypto';
import { movedPath, moveRefusal } from '@rectify/domain';
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

  async withOrganisationsBelow(ids: string[]): Promise<Set<string>> {
    return new Set(
      this.rows.filter((o) => !o.disabled && o.parentId && ids.includes(o.parentId)).map((o) => o.parentId!),
    );
  }

  async listTree(scope: ReadScope): Promise<OrganisationTreeRow[]> {
    return this.visible(scope)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(({ id, name, kind, parentId, disabled }) => ({ id, name, kind, parentId, disabled }));
  }

  async add(organisation: NewOrganisation): Promise<AddOrganisationOutcome> {
    if (this.rows.some((o) => o.name === organisation.name)) return { kind: 'name_taken' };
    const parent =
      organisation.parentName === null ? null : this.rows.find((o) => o.name === organisation.parentName);
    if (parent === undefined) return { kind: 'parent_not_found' };
    if (parent?.disabled) return { kind: 'parent_disabled' };
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

  async edit(id: string, changes: OrganisationChanges): Promise<EditOrganisationOutcome> {
    const org = this.rows.find((o) => o.id === id);
    if (!org) return { kind: 'not_found' };
    if (changes.name !== undefined && this.rows.some((o) => o.name === changes.name && o.id !== id))
      return { kind: 'name_taken' };
    Object.assign(org, changes.name === undefined ? {} : { name: changes.name });
    Object.assign(org, changes.kind === undefined ? {} : { kind: changes.kind });
    return { kind: 'edited', organisation: { ...org } };
  }

  async move(id: string, newParentId: string): Promise<MoveOrganisationOutcome> {
    const org = this.rows.find((o) => o.id === id);
    const parent = this.rows.find((o) => o.id === newParentId);
    if (!org) return { kind: 'not_found' };
    if (!parent) return { kind: 'parent_not_found' };
    const refusal = moveRefusal(org, parent.path);
    if (refusal) return { kind: refusal };
    if (parent.disabled && !org.disabled) return { kind: 'parent_disabled' };
    const [oldPath, newPath] = [org.path, `${parent.path}${org.id}/`];
    for (const row of this.rows) row.path = movedPath(row.path, oldPath, newPath);
    org.parentId = parent.id;
    return { kind: 'moved', organisation: { ...org } };
  }

  async setDisabled(id: string, disabled: boolean): Promise<SetOrganisationDisabledOutcome> {
    const org = this.rows.find((o) => o.id === id);
    if (!org) return { kind: 'not_found' };
    if (org.parentId === null) return { kind: 'is_root' };
    if (disabled) {
      const count = this.rows.filter((o) => o.id !== id && o.path.startsWith(org.path) && !o.disabled).length;
      if (count > 0) return { kind: 'has_active_children', count };
    } else if (this.rows.find((o) => o.id === org.parentId)?.disabled) {
      return { kind: 'parent_disabled' };
    }
    org.disabled = disabled;
    return { kind: 'done', organisation: { ...org } };
  }

  private visible(scope: ReadScope): OrganisationRecord[] {
    const viewer = scope === 'operator' ? null : scope;
    return this.rows.filter((o) => mayOnOrganisation(viewer, 'READ', o.path)).map((o) => ({ ...o }));
  }
}
