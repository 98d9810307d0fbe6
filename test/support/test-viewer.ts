import { type Viewer } from '@rectify/workflow';
import { type TestRole } from './admin-fixtures';

/**
 * A viewer holding the one position `role` stands for in `organisation` (see TestRole):
 * secretary 书记 working the items only, supervisor 书记 with the default rights, admin 管理员.
 */
export function testViewer(
  userId: string,
  role: TestRole,
  organisation: { id: string; path: string },
): Viewer {
  const at = { organisationId: organisation.id, organisationPath: organisation.path };
  if (role === 'admin') return { userId, positions: [{ ...at, kind: 'admin', rights: [] }] };
  return {
    userId,
    positions: [
      {
        ...at,
        kind: 'secretary',
        rights: role === 'secretary' ? ['work_items'] : ['work_items', 'supervise'],
      },
    ],
  };
}

/**
 * SQL that gives the user `$1` the position `role` stands for in the organisation `$2` (for
 * fixtures that write users straight to the tables).
 */
export function positionInsertFor(role: TestRole): string {
  const [kind, works, supervises] =
    role === 'admin' ? ['admin', false, false] : ['secretary', true, role === 'supervisor'];
  return `INSERT INTO position (user_id, organisation_id, kind, works_items, supervises)
          VALUES ($1, $2, '${kind}', ${works}, ${supervises})`;
}
