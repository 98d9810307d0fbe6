/**
 * Who sends an event, seen from the item: the secretary (支部书记) of the item's own
 * organisation, a supervisor (上级党组织) of an ancestor organisation, an administrator, or the
 * system itself (next-year reconciliation, the reminder worker). The caller works out `scope`
 * from the organisation tree; the machine only checks it.
 */
export type ActorRole = 'secretary' | 'supervisor' | 'admin' | 'system';

export type ActorScope = 'own_organisation' | 'ancestor_organisation' | 'unrelated';

export interface WorkflowActor {
  userId: string;
  role: ActorRole;
  scope: ActorScope;
}
