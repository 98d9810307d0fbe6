import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from '../../api/generated/vocabulary';

/** 党委 / 党工委 / 党总支 / 党支部 as Select options. */
export const KIND_OPTIONS = ORGANISATION_KINDS.map((kind) => ({
  value: kind,
  label: ORGANISATION_KIND_LABELS[kind],
}));
