import { type PendingExtension, type RectificationContext } from './rectification-context';
import { type MeasurePlan, type RectificationEventType, eventProfile } from './rectification-events';

/**
 * How an item's deadline (整改时限) may move. Once measures with a deadline are set, the
 * deadline moves later only through 申请延期 → 同意延期: re-planning the measures may keep the
 * deadline or bring it earlier, never postpone it, and approving an extension never brings the
 * deadline earlier than the one in force. Dates are ISO days (YYYY-MM-DD), which compare as text.
 */

/** The deadline a plan gives the item: its latest measure deadline, or null for an empty plan. */
export function plannedDeadline(measures: readonly Pick<MeasurePlan, 'deadline'>[]): string | null {
  return (
    measures
      .map((m) => m.deadline)
      .sort()
      .at(-1) ?? null
  );
}

/** The later of two ISO dates; null only when both are null. */
export function laterDeadline(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}

/**
 * Null when re-planning with these measures keeps the item's deadline or brings it earlier (or
 * the item has no deadline yet); otherwise the Chinese sentence telling the sender how to ask
 * for an extension instead.
 */
export function postponementProblem(
  measures: readonly Pick<MeasurePlan, 'deadline'>[],
  context: Pick<RectificationContext, 'deadline'>,
): string | null {
  const planned = plannedDeadline(measures);
  if (context.deadline === null || planned === null || planned <= context.deadline) return null;
  return (
    `整改时限不能通过修改措施推迟：当前整改时限为 ${context.deadline}，修改后的措施最晚完成时限为 ${planned}。` +
    `如需延期，请通过"申请延期"提出，经上级同意后生效；修改措施时完成时限不得晚于 ${context.deadline}。`
  );
}

/**
 * The extension request an event settled without deciding on it (a submission, sign-off,
 * long-term approval or reopening drops a pending request), or null. Approving or rejecting
 * the request is a decision, not a drop.
 */
export function droppedExtensionRequest(
  before: Pick<RectificationContext, 'pendingExtension'>,
  after: Pick<RectificationContext, 'pendingExtension'>,
  eventType: RectificationEventType,
): PendingExtension | null {
  if (eventProfile(eventType).extension === 'decision') return null;
  return before.pendingExtension !== null && after.pendingExtension === null ? before.pendingExtension : null;
}
