/** The kinds of Party organisation (党组织), from the top of a tree down. */
export const ORGANISATION_KINDS = ['committee', 'working_committee', 'general_branch', 'branch'] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Chinese name of each kind: 党委, 党总支, 党支部. */
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  committee: '党委',
  working_committee: '党工委',
  general_branch: '党总支',
  branch: '党支部',
};
