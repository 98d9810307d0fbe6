/**
 * Moving an organisation in the tree (移动组织): the rule and the path arithmetic, on
 * materialised paths `/<root id>/…/<id>/` (every path ends in '/').
 */

/** Why a move is refused: the organisation is a root, or the new parent is itself or below it. */
export type MoveRefusal = 'is_root' | 'cycle';

/**
 * Whether moving the organisation (its `path`, and `parentId`, null for a root) under the
 * organisation at `newParentPath` is refused, and why; null when the move is allowed. Moving
 * under the present parent is allowed (it changes nothing).
 */
export function moveRefusal(
  organisation: { path: string; parentId: string | null },
  newParentPath: string,
): MoveRefusal | null {
  if (organisation.parentId === null) return 'is_root';
  if (newParentPath.startsWith(organisation.path)) return 'cycle';
  return null;
}

/**
 * The path of `path` (the moved organisation's or one below it) after the organisation at
 * `oldPath` moved to `newPath`: the prefix replaced, the rest kept. Paths outside the moved
 * subtree are returned as they are.
 */
export function movedPath(path: string, oldPath: string, newPath: string): string {
  return path.startsWith(oldPath) ? newPath + path.slice(oldPath.length) : path;
}
