import { type ItemAction, type RectificationEventType } from '../../api/generated/vocabulary';

const NOT_EVENTS: readonly ItemAction[] = ['EDIT_DETAILS', 'ATTACH_EVIDENCE', 'WITHDRAW', 'RESTORE'];

/** The lifecycle events among the allowed actions, in the API's order (the machine's). */
export function eventsOf(actions: readonly ItemAction[]): RectificationEventType[] {
  return actions.filter((a): a is RectificationEventType => !NOT_EVENTS.includes(a));
}

/** Events that approve or sign off are shown as primary buttons, refusals as danger ones. */
export const PRIMARY_EVENTS: readonly RectificationEventType[] = [
  'SET_MEASURES',
  'SUBMIT_COMPLETION',
  'APPROVE_COMPLETION',
  'APPROVE_EXTENSION',
];
export const DANGER_EVENTS: readonly RectificationEventType[] = [
  'RETURN_FOR_REWORK',
  'REJECT_EXTENSION',
  'REOPEN',
];

/** Primary events first, otherwise in their order, so the main next step is always in sight. */
export function primaryFirst(events: readonly RectificationEventType[]): RectificationEventType[] {
  return [...events].sort((a, b) => Number(PRIMARY_EVENTS.includes(b)) - Number(PRIMARY_EVENTS.includes(a)));
}
