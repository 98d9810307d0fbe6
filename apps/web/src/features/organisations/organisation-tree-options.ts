import { type OrganisationNodeResponse as OrganisationNode } from '../../api/rectify-api';

/** A TreeSelect option of the organisation tree (value: id, title: name). */
export interface OrganisationTreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: OrganisationTreeOption[];
}

/**
 * The organisations new things may go to (new people, items, imports): the tree without its
 * disabled (已停用) organisations. Below a disabled one every organisation is disabled too.
 */
export const activeOrganisations = (nodes: OrganisationNode[]): OrganisationNode[] =>
  nodes.filter((n) => !n.disabled).map((n) => ({ ...n, children: activeOrganisations(n.children) }));

/**
 * The parents an organisation may move under, as TreeSelect options: the whole tree without the
 * organisation `movingId` and everything below it (a move there would close a cycle). Disabled
 * organisations stay visible (their active children may be chosen) but cannot be chosen.
 */
export function moveTargetOptions(nodes: OrganisationNode[], movingId: string): OrganisationTreeOption[] {
  return nodes
    .filter((n) => n.id !== movingId)
    .map((n) => ({
      value: n.id,
      title: n.disabled ? `${n.name}（已停用）` : n.name,
      disabled: n.disabled,
      children: moveTargetOptions(n.children, movingId),
    }));
}

/** The node with this id anywhere in the tree, with its parent (null for a root); undefined when absent. */
export function findNode(
  nodes: OrganisationNode[],
  id: string,
  parent: OrganisationNode | null = null,
): { node: OrganisationNode; parent: OrganisationNode | null } | undefined {
  for (const n of nodes) {
    if (n.id === id) return { node: n, parent };
    const below = findNode(n.children, id, n);
    if (below) return below;
  }
  return undefined;
}
