import {
  type OrganisationKind,
  type OrganisationsRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { requireViewer } from '../item-queries/require-viewer';

/** An organisation with the organisations directly below it that the viewer may see. */
export interface OrganisationNode {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** 已停用: shown in the tree (marked), left out of pickers for new people, items and imports. */
  disabled: boolean;
  children: OrganisationNode[];
}

/**
 * The organisations `userId` may see (本人可见的党组织树) as a tree 党委 → 党总支 → 党支部: an
 * administrator all, a supervisor theirs and below, a secretary their own. Roots are those whose
 * parent the viewer may not see (or have none); siblings are ordered by name.
 * Errors (ApplicationError): USER_NOT_FOUND (the account is gone).
 */
export class GetOrganisationTreeUseCase {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: { userId: string }): Promise<OrganisationNode[]> {
    const viewer = await requireViewer(this.viewers, command.userId);
    const rows = await this.organisations.listTree(viewer);
    const nodes = new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          name: r.name,
          kind: r.kind,
          disabled: r.disabled,
          children: [] as OrganisationNode[],
        },
      ]),
    );
    const roots: OrganisationNode[] = [];
    for (const r of rows) {
      const parent = r.parentId ? nodes.get(r.parentId) : undefined;
      (parent ? parent.children : roots).push(nodes.get(r.id) as OrganisationNode);
    }
    return roots;
  }
}
