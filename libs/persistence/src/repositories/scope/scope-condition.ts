import { readReach, type ReadScope } from '@rectify/workflow';

/**
 * The SQL form of the read rule in libs/workflow/src/access (readReach, mayReadItem,
 * mayOnOrganisation READ): a condition on an organisation row (alias `org`, default `o`) and its
 * parameters, numbered from `next`. The operator and a root administrator see everything; anyone
 * else the organisations of their positions, and the whole subtree (materialised path prefix)
 * below each supervising or administering one. At most one parameter, a text[] holding both the
 * organisation ids and the path patterns (an id never contains '/', a pattern always does), so
 * callers number the parameters after it as before. Applied inside every query, so an item out
 * of scope is never loaded, only "not found".
 */
export function scopeCondition(
  scope: ReadScope,
  next: number,
  org = 'o',
): { sql: string; params: unknown[] } {
  return scopeConditionOn(scope, next, `${org}.id`, `${org}.path`);
}

/**
 * scopeCondition on an item row (alias `i`) by the organisation columns it carries
 * (organisation_id, and organisation_path, the copy of its organisation's path): the same rule,
 * without joining the organisation, so a subtree's items are read from their own index.
 */
export function itemScopeCondition(scope: ReadScope, next: number): { sql: string; params: unknown[] } {
  return scopeConditionOn(scope, next, 'i.organisation_id', 'i.organisation_path');
}

function scopeConditionOn(
  scope: ReadScope,
  next: number,
  idColumn: string,
  pathColumn: string,
): { sql: string; params: unknown[] } {
  if (scope === 'operator') return { sql: 'TRUE', params: [] };
  const reach = readReach(scope);
  if (reach.everything) return { sql: 'TRUE', params: [] };
  const patterns = reach.subtreePaths.map((path) => `${escapeLike(path)}%`);
  const values = [...reach.organisationIds, ...patterns];
  if (values.length === 0) return { sql: 'FALSE', params: [] };
  const conditions: string[] = [];
  if (reach.organisationIds.length > 0) conditions.push(`${idColumn}::text = ANY($${next}::text[])`);
  if (patterns.length > 0) conditions.push(`${pathColumn} LIKE ANY($${next}::text[])`);
  return { sql: `(${conditions.join(' OR ')})`, params: [values] };
}

/** Escapes LIKE's wildcards (paths are uuids and '/', but a scope must never widen by accident). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
