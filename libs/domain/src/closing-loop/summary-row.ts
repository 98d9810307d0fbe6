/**
 * Which row of a summary's table (各下级党组织整改情况) counts an organisation: a summary of the
 * organisation at `rootPath` has its own row (本级, the root's own items) and one row per direct
 * child, counting that child and everything below it, so a 市 of 50,000 organisations shows its
 * few 县 rather than 50,000 lines. Paths are materialised as in organisation.path
 * (`/id/id/…/id/`). Returns the row's organisation id (the root's id for the root itself, the
 * direct child's id for it and its subtree), or null for an organisation outside the subtree.
 */
export function summaryRowOf(rootPath: string, path: string): string | null {
  if (!path.startsWith(rootPath)) return null;
  if (path === rootPath) return rootPath.split('/').at(-2) ?? null;
  return path.slice(rootPath.length).split('/')[0];
}
