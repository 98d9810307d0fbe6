import { type UserRole } from '@rectify/persistence';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';

/**
 * Which items a user may see: a secretary only their own organisation's, a supervisor their
 * organisation's and every organisation's below it, an administrator all. Applied inside the
 * SQL of every query, so an item out of scope is never loaded, only "not found".
 */
export interface ViewerScope {
  userId: string;
  role: UserRole;
  organisationId: string;
  organisationPath: string;
}

export async function viewerScope(db: DataSource, userId: string): Promise<ViewerScope> {
  const rows: { role: UserRole; organisation_id: string; path: string }[] = await db.query(
    `SELECT u.role, u.organisation_id, o.path FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`,
    [userId],
  );
  if (!rows[0]) throw new ApplicationError('USER_NOT_FOUND', '账号已不存在：请联系管理员。', { userId });
  return {
    userId,
    role: rows[0].role,
    organisationId: rows[0].organisation_id,
    organisationPath: rows[0].path,
  };
}

/** A SQL condition on the item's organisation (alias `o`) and its parameters, numbered from `next`. */
export function scopeCondition(scope: ViewerScope, next: number): { sql: string; params: unknown[] } {
  if (scope.role === 'admin') return { sql: 'TRUE', params: [] };
  if (scope.role === 'secretary') return { sql: `o.id = $${next}`, params: [scope.organisationId] };
  return { sql: `o.path LIKE $${next}`, params: [`${scope.organisationPath}%`] };
}
