import { type ReadScope } from '@rectify/workflow';
import { type OrganisationKind } from '../../entities/organisation.entity';

/**
 * A Party organisation (党委 / 党总支 / 党支部) as the repository returns it. `path` is the
 * materialised path of ids from the root down (`/a/b/c/`); `parentId` is null for a root.
 */
export interface OrganisationRecord {
  id: string;
  name: string;
  kind: OrganisationKind;
  parentId: string | null;
  path: string;
  /** 停用: see OrganisationEntity.disabled. */
  disabled: boolean;
  createdAt: Date;
}

/** One entry of the organisation tree as a viewer sees it (no path). */
export interface OrganisationTreeRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  parentId: string | null;
}

/** What to add: the name already cleaned, the kind decided, the parent named (null: a root). */
export interface NewOrganisation {
  name: string;
  kind: OrganisationKind;
  parentName: string | null;
}

/**
 * The outcome of adding an organisation: added (with its path set), or refused because the
 * name is taken or the named parent does not exist. Nothing is written when refused.
 */
export type AddOrganisationOutcome =
  { kind: 'added'; organisation: OrganisationRecord } | { kind: 'name_taken' } | { kind: 'parent_not_found' };

/** The organisation tree (组织): reading it within a scope, and adding to it. */
export interface OrganisationsRepository {
  /**
   * The organisation with exactly this name within `scope`, or null. Names are unique across
   * the tree; pass 'operator' to check that a name is free.
   */
  findByName(scope: ReadScope, name: string): Promise<OrganisationRecord | null>;

  /** The organisation with this id (a uuid string) within `scope`, or null. */
  findById(scope: ReadScope, id: string): Promise<OrganisationRecord | null>;

  /** Every organisation within `scope`, ordered by path (a parent before its children). */
  listByPath(scope: ReadScope): Promise<OrganisationRecord[]>;

  /** The organisations within `scope` as rows of a tree, ordered by name. */
  listTree(scope: ReadScope): Promise<OrganisationTreeRow[]>;

  /**
   * Adds an organisation in one transaction: checks the name is free and the parent (by exact
   * name) exists, inserts it and sets its path to the parent's path (or '/') plus its new id.
   */
  add(organisation: NewOrganisation): Promise<AddOrganisationOutcome>;
}
