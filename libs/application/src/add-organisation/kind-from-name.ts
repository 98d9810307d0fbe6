import { type OrganisationKind } from '@rectify/persistence';

/** 党委 / 党总支 / 党支部, guessed from the name when the caller does not say. */
export function kindFromName(name: string): OrganisationKind {
  if (/党支部|支部$/.test(name)) return 'branch';
  if (/党总支|总支$/.test(name)) return 'general_branch';
  return 'committee';
}
