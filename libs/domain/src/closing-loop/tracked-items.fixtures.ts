import { type TrackedItem } from './tracked-item';

/** A tracked item for unit specs: an open problem of 2023 with no measures, unless overridden. */
export function trackedItem(
  overrides: Partial<TrackedItem> & Pick<TrackedItem, 'id' | 'seq' | 'title'>,
): TrackedItem {
  return {
    organisationId: 'org-1',
    organisationName: '青山村第三党支部',
    reportYear: 2023,
    reportId: 'report-2023',
    reportImportedAt: '2024-01-15T02:00:00.000Z',
    detail: '',
    source: 'self_inspection',
    status: 'identified',
    deadline: null,
    responsibleLeader: null,
    ownerName: null,
    measures: [],
    evidence: [],
    completionEvidence: null,
    completedOn: null,
    latestProgress: null,
    recurrence: [],
    ...overrides,
  };
}
