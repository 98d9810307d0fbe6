import { type ReadScope } from '@rectify/workflow';

/**
 * The SQL form of the read rule in libs/workflow/src/access (mayReadItem, mayOnOrganisation
 * READ): a condition on an organisation row (alias `org`, default `o`) and its parameters,
 * numbered from `next`. An administrator or the operator sees everything, a secretary their own
 * organisation, a supervisor theirs and every one below it (materialised path prefix). Applied
 * inside every query, so an item out of scope is never loaded, only "not found".
 */
export function scopeCondition(
  scope: ReadScope,
  next: number,
  org = 'o',
): { sql: string; params: unknown[] } {
  if (scope === 'operator' || scope.role === 'admin') return { sql: 'TRUE', params: [] };
  if (scope.role === 'secretary') return { sql: `${org}.id = $${next}`, params: [scope.organisationId] };
  return { sql: `${org}.path LIKE $${next}`, params: [`${escapeLike(scope.organisationPath)}%`] };
}

/** Escapes LIKE's wildcards (paths are uuids and '/', but a scope must never widen by accident). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
