import { type MeasurePlan } from '@rectify/workflow';
import { type ItemCommandSession } from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';

/**
 * Checks the people picked as 责任人 in a plan (measures[].responsibleUserId): each must be an
 * active person of the item's organisation (home organisation, or a position there). Free-text
 * measures (no id) pass. Runs before anything is written.
 *
 * Errors: RESPONSIBLE_NOT_IN_ORGANISATION (400) naming the first such measure (1-based
 * `measure`, the `responsibleUserId`), in Chinese.
 */
export async function checkPickedResponsiblePeople(
  session: ItemCommandSession,
  itemId: string,
  measures: readonly MeasurePlan[],
): Promise<void> {
  const picked = [...new Set(measures.flatMap((m) => (m.responsibleUserId ? [m.responsibleUserId] : [])))];
  if (picked.length === 0) return;
  const members = await session.organisationPeople(itemId, picked);
  const index = measures.findIndex((m) => m.responsibleUserId && !members.has(m.responsibleUserId));
  if (index < 0) return;
  const measure = measures[index];
  throw new ApplicationError(
    'RESPONSIBLE_NOT_IN_ORGANISATION',
    `第${index + 1}条整改措施的责任人"${measure.responsible}"不是本组织人员：请从本组织人员中选择，或直接填写姓名。`,
    { measure: index + 1, responsibleUserId: measure.responsibleUserId },
  );
}
