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
  /** 已停用: kept with its items and history, hidden from pickers, takes nothing new. */
  disabled: boolean;
  createdAt: Date;
}

/** One entry of the organisation tree as a viewer sees it (no path). */
export interface OrganisationTreeRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  parentId: string | null;
  disabled: boolean;
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
  | { kind: 'added'; organisation: OrganisationRecord }
  | { kind: 'name_taken' }
  | { kind: 'parent_not_found' }
  | { kind: 'parent_disabled' };

/** What to change of an organisation: its name (already cleaned) and/or its kind. */
export interface OrganisationChanges {
  name?: string;
  kind?: OrganisationKind;
}

/** The outcome of editing: the organisation as it is now, or why nothing was written. */
export type EditOrganisationOutcome =
  { kind: 'edited'; organisation: OrganisationRecord } | { kind: 'not_found' } | { kind: 'name_taken' };

/**
 * The outcome of moving an organisation under another parent. Refused (nothing written) when
 * either does not exist, the organisation is a root, the new parent is the organisation itself or
 * below it (`cycle`), or the new parent is disabled while the organisation is not.
 */
export type MoveOrganisationOutcome =
  | { kind: 'moved'; organisation: OrganisationRecord }
  | { kind: 'not_found' }
  | { kind: 'parent_not_found' }
  | { kind: 'is_root' }
  | { kind: 'cycle' }
  | { kind: 'parent_disabled' };

/**
 * The outcome of disabling (停用) or enabling (启用) an organisation. Refused for a root, for
 * disabling while an active organisation is below it (`has_active_children`, with how many), and
 * for enabling below a disabled parent.
 */
export type SetOrganisationDisabledOutcome =
  | { kind: 'done'; organisation: OrganisationRecord }
  | { kind: 'not_found' }
  | { kind: 'is_root' }
  | { kind: 'has_active_children'; count: number }
  | { kind: 'parent_disabled' };

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
   * Of `ids` (uuid strings), those with at least one active organisation directly below them:
   * one indexed query, for whether a supervising position has anyone to supervise.
   */
  withOrganisationsBelow(ids: string[]): Promise<Set<string>>;

  /**
   * Adds an organisation in one transaction: checks the name is free and the parent (by exact
   * name) exists, inserts it and sets its path to the parent's path (or '/') plus its new id.
   */
  add(organisation: NewOrganisation): Promise<AddOrganisationOutcome>;

  /** Renames and/or changes the kind of the organisation `id`; a name must stay unique. */
  edit(id: string, changes: OrganisationChanges): Promise<EditOrganisationOutcome>;

  /**
   * Moves the organisation `id` (with everything below it) under `newParentId`, in one
   * transaction: the subtree's paths are rewritten in one statement. Safe against concurrent
   * moves (two moves that together would make a cycle cannot both succeed).
   */
  move(id: string, newParentId: string): Promise<MoveOrganisationOutcome>;

  /** Disables (停用) or enables (启用) the organisation `id`, see SetOrganisationDisabledOutcome. */
  setDisabled(id: string, disabled: boolean): Promise<SetOrganisationDisabledOutcome>;
}
