import { type OrganisationEntity, type OrganisationKind } from '@rectify/persistence';
import { type ActorScope } from '@rectify/workflow';

/** Where an organisation stands relative to another, read from their materialised paths. */
export function scopeOf(
  actorOrganisation: OrganisationEntity,
  itemOrganisation: OrganisationEntity,
): ActorScope {
  if (actorOrganisation.id === itemOrganisation.id) return 'own_organisation';
  if (itemOrganisation.path.startsWith(actorOrganisation.path)) return 'ancestor_organisation';
  return 'unrelated';
}

/** 党委 / 党总支 / 党支部, guessed from the name when the caller does not say. */
export function kindFromName(name: string): OrganisationKind {
  if (/党支部|支部$/.test(name)) return 'branch';
  if (/党总支|总支$/.test(name)) return 'general_branch';
  return 'committee';
}
