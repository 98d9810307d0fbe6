import { type Viewer } from '@rectify/workflow';

/**
 * The three kinds of person the tests keep meeting, in positions: `secretary` (书记 who works
 * their organisation's items and supervises nothing), `supervisor` (书记 with the default
 * rights: works the organisation's own items and supervises those below), `admin` (管理员 of
 * the organisation's subtree).
 */
export type TestPerson = 'secretary' | 'supervisor' | 'admin';

/** A viewer holding the one position `person` stands for in `organisation`. */
export function viewerHolding(
  userId: string,
  person: TestPerson,
  organisation: { id: string; path: string },
): Viewer {
  const position = { organisationId: organisation.id, organisationPath: organisation.path };
  if (person === 'admin') return { userId, positions: [{ ...position, kind: 'admin', rights: [] }] };
  const rights = person === 'secretary' ? (['work_items'] as const) : (['work_items', 'supervise'] as const);
  return { userId, positions: [{ ...position, kind: 'secretary', rights }] };
}
