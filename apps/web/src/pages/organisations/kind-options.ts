import {
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../../api/generated/vocabulary';

/** 党委 / 党工委 / 党总支 / 党支部 as Select options. */
export const KIND_OPTIONS = ORGANISATION_KINDS.map((kind) => ({
  value: kind,
  label: ORGANISATION_KIND_LABELS[kind],
}));

/** The kind a new organisation below `parent` most likely has: 党支部 below a 党总支, else 党总支 / 党支部. */
export function likelyChildKind(parent: OrganisationKind): OrganisationKind {
  return parent === 'general_branch' || parent === 'branch' ? 'branch' : 'general_branch';
}
