import { transition } from 'xstate';
import { postponementProblem } from './deadline-rules';
import { mayActorSend, whoMaySend } from './event-permissions';
import { contextAllows, payloadProblem } from './event-payload-rules';
import { type RectificationContext } from './rectification-context';
import {
  RECTIFICATION_EVENT_LABELS,
  RECTIFICATION_EVENT_TYPES,
  type RectificationEvent,
  type RectificationEventType,
} from './rectification-events';
import { rectificationMachine } from './rectification.machine';
import { RECTIFICATION_STATUS_LABELS, type RectificationStatus } from './rectification-status';
import { type WorkflowActor } from './workflow-actor';

/**
 * Applies one event to an item as stored (status + context), purely. A refused event raises an
 * error that says why in Chinese and names the current state and the events allowed now.
 */
export interface ItemState {
  status: RectificationStatus;
  context: RectificationContext;
}

/**
 * Why an event was refused. DEADLINE_EXTENSION_REQUIRED: the new measures would postpone the
 * item's deadline, which only an approved extension (申请延期 → 同意延期) may do.
 */
export type TransitionRefusal =
  'EVENT_NOT_ALLOWED_IN_STATE' | 'ACTOR_NOT_PERMITTED' | 'EVENT_INCOMPLETE' | 'DEADLINE_EXTENSION_REQUIRED';

export class RectificationTransitionError extends Error {
  constructor(
    readonly code: TransitionRefusal,
    message: string,
    readonly currentStatus: RectificationStatus,
    readonly allowedEvents: RectificationEventType[],
  ) {
    super(message);
    this.name = 'RectificationTransitionError';
  }
}

function snapshotOf(state: ItemState) {
  return rectificationMachine.resolveState({ value: state.status, context: state.context });
}

function handledIn(status: RectificationStatus): Set<string> {
  return new Set(Object.keys(rectificationMachine.states[status].config.on ?? {}));
}

/** The events this actor may send to the item now (what a client should offer as buttons). */
export function allowedEvents(state: ItemState, actor: WorkflowActor): RectificationEventType[] {
  const handled = handledIn(state.status);
  return RECTIFICATION_EVENT_TYPES.filter(
    (type) => handled.has(type) && mayActorSend(type, actor) && contextAllows(type, state.context),
  );
}

const labelOf = (status: RectificationStatus) => RECTIFICATION_STATUS_LABELS[status];
const listLabels = (types: RectificationEventType[]) =>
  types.length > 0 ? types.map((t) => RECTIFICATION_EVENT_LABELS[t]).join('、') : '无';

export function applyRectificationEvent(state: ItemState, event: RectificationEvent): ItemState {
  const allowed = allowedEvents(state, event.actor);
  const refuse = (code: TransitionRefusal, message: string) => {
    throw new RectificationTransitionError(code, message, state.status, allowed);
  };
  const label = RECTIFICATION_EVENT_LABELS[event.type] ?? event.type;
  if (!handledIn(state.status).has(event.type)) {
    refuse(
      'EVENT_NOT_ALLOWED_IN_STATE',
      `整改事项当前状态为"${labelOf(state.status)}"，不能"${label}"。当前可执行的操作：${listLabels(allowed)}。`,
    );
  }
  if (!mayActorSend(event.type, event.actor)) {
    refuse('ACTOR_NOT_PERMITTED', `只有${whoMaySend(event.type)}可以"${label}"。`);
  }
  const problem = payloadProblem(event, state.context);
  if (problem) refuse('EVENT_INCOMPLETE', problem);
  if (event.type === 'SET_MEASURES') {
    const postponed = postponementProblem(event.measures, state.context);
    if (postponed) refuse('DEADLINE_EXTENSION_REQUIRED', postponed);
  }

  const snapshot = snapshotOf(state);
  // The checks above mirror the machine's guards; the machine has the last word all the same.
  if (!snapshot.can(event)) refuse('EVENT_INCOMPLETE', `"${label}"的条件不满足。`);
  const [next] = transition(rectificationMachine, snapshot, event);
  return { status: next.value as RectificationStatus, context: next.context };
}
