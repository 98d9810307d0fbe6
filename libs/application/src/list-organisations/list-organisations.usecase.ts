import { type OrganisationKind, type OrganisationsRepository } from '@rectify/persistence';

/** An organisation in the flat list, with its depth in the tree (0 for a root). */
export interface OrganisationListEntry {
  id: string;
  name: string;
  kind: OrganisationKind;
  parentId: string | null;
  /** 已停用. */
  disabled: boolean;
  depth: number;
}

/**
 * Every organisation for the operator at the command line (rectify orgs list), a parent before
 * its children (ordered by path), each with its depth for indenting.
 */
export class ListOrganisationsUseCase {
  constructor(private readonly organisations: OrganisationsRepository) {}

  async execute(): Promise<OrganisationListEntry[]> {
    const orgs = await this.organisations.listByPath('operator');
    // '/a/b/' splits into ['', 'a', 'b', '']: a root has 3 parts.
    return orgs.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      parentId: o.parentId,
      disabled: o.disabled,
      depth: o.path.split('/').length - 3,
    }));
  }
}
