import { randomUUID } from 'node:crypto';
import { type TrackedItem } from '@rectify/domain';
import { trackedItem as domainTrackedItem } from '@rectify/domain/closing-loop/tracked-items.fixtures';

/** A tracked item of `organisation` found in `reportYear` (identified, no deadline), with changes. */
export function trackedItem(
  organisation: { id: string; name: string; path: string },
  reportYear: number,
  changes: Partial<TrackedItem> = {},
): TrackedItem & { organisationPath: string } {
  return {
    ...domainTrackedItem({
      id: randomUUID(),
      seq: 1,
      title: '学习不够深入',
      organisationId: organisation.id,
      organisationName: organisation.name,
      reportYear,
      reportId: randomUUID(),
      ...changes,
    }),
    organisationPath: organisation.path,
  };
}
