import { and, assign, setup } from 'xstate';
import { laterDeadline, plannedDeadline, postponementProblem } from './deadline-rules';
import { mayActorSend } from './event-permissions';
import { payloadProblem } from './event-payload-rules';
import { EMPTY_RECTIFICATION_CONTEXT, type RectificationContext } from './rectification-context';
import { type RectificationEvent } from './rectification-events';

/**
 * The lifecycle of a rectification item (整改事项). Pure: no timers (deadlines are delayed jobs
 * in the worker) and no I/O; the transition service loads and saves the item around it.
 *
 * identified ─SET_MEASURES→ measures_set ─SUBMIT_COMPLETION→ pending_review ─APPROVE_COMPLETION→ completed
 *                              ↑   └────APPROVE_LONG_TERM→ long_term ─SUBMIT_COMPLETION┘     │
 *                              └──────── RETURN_FOR_REWORK (from pending_review) / REOPEN ────┘
 *
 * Deadlines (deadline-rules.ts): re-planning never postpones the item's deadline; only an
 * approved extension does. An extension request lives only in measures_set: entering any other
 * state drops it, so a submitted, signed-off or long-term item never shows one waiting.
 */
export const rectificationMachine = setup({
  types: {
    context: {} as RectificationContext,
    events: {} as RectificationEvent,
    input: {} as Partial<RectificationContext> | undefined,
  },
  guards: {
    senderIsEntitled: ({ event }) => mayActorSend(event.type, event.actor),
    eventIsComplete: ({ context, event }) => payloadProblem(event, context) === null,
    allowed: and(['senderIsEntitled', 'eventIsComplete']),
    planKeepsDeadline: ({ context, event }) =>
      event.type !== 'SET_MEASURES' || postponementProblem(event.measures, context) === null,
  },
  actions: {
    // Notes and reviews change nothing in the machine; the service appends them to the item's
    // history. The named action makes the machine treat these events as handled (snapshot.can).
    keepForHistory: () => undefined,
    takeDeadlineFromMeasures: assign({
      deadline: ({ context, event }) =>
        event.type === 'SET_MEASURES' ? plannedDeadline(event.measures) : context.deadline,
    }),
    recordExtensionRequest: assign({
      pendingExtension: ({ event }) =>
        event.type === 'REQUEST_EXTENSION'
          ? { newDeadline: event.newDeadline, reason: event.reason, requestedBy: event.actor.userId }
          : null,
    }),
    applyExtension: assign({
      deadline: ({ context }) =>
        laterDeadline(context.deadline, context.pendingExtension?.newDeadline ?? null),
      pendingExtension: () => null,
    }),
    dropExtensionRequest: assign({ pendingExtension: () => null }),
    setReviewInterval: assign({
      reviewIntervalDays: ({ event }) =>
        event.type === 'APPROVE_LONG_TERM' ? event.reviewIntervalDays : null,
    }),
  },
}).createMachine({
  id: 'rectification',
  initial: 'identified',
  context: ({ input }) => ({ ...EMPTY_RECTIFICATION_CONTEXT, ...input }),
  states: {
    identified: {
      on: {
        SET_MEASURES: { target: 'measures_set', guard: 'allowed', actions: 'takeDeadlineFromMeasures' },
        ADD_PROGRESS_NOTE: { guard: 'allowed', actions: 'keepForHistory' },
      },
    },
    measures_set: {
      on: {
        SET_MEASURES: {
          target: 'measures_set',
          guard: and(['allowed', 'planKeepsDeadline']),
          actions: 'takeDeadlineFromMeasures',
        },
        SUBMIT_COMPLETION: { target: 'pending_review', guard: 'allowed' },
        APPROVE_LONG_TERM: { target: 'long_term', guard: 'allowed', actions: 'setReviewInterval' },
        REQUEST_EXTENSION: { guard: 'allowed', actions: 'recordExtensionRequest' },
        APPROVE_EXTENSION: { guard: 'allowed', actions: 'applyExtension' },
        REJECT_EXTENSION: { guard: 'allowed', actions: 'dropExtensionRequest' },
        ADD_PROGRESS_NOTE: { guard: 'allowed', actions: 'keepForHistory' },
      },
    },
    pending_review: {
      entry: 'dropExtensionRequest',
      on: {
        APPROVE_COMPLETION: { target: 'completed', guard: 'allowed' },
        // Also clears a request left on the item by older versions, which had no entry action.
        RETURN_FOR_REWORK: { target: 'measures_set', guard: 'allowed', actions: 'dropExtensionRequest' },
        APPROVE_LONG_TERM: { target: 'long_term', guard: 'allowed', actions: 'setReviewInterval' },
        ADD_PROGRESS_NOTE: { guard: 'allowed', actions: 'keepForHistory' },
      },
    },
    long_term: {
      entry: 'dropExtensionRequest',
      on: {
        RECORD_LONG_TERM_REVIEW: { guard: 'allowed', actions: 'keepForHistory' },
        SUBMIT_COMPLETION: { target: 'pending_review', guard: 'allowed' },
        ADD_PROGRESS_NOTE: { guard: 'allowed', actions: 'keepForHistory' },
      },
    },
    completed: {
      entry: 'dropExtensionRequest',
      on: {
        REOPEN: { target: 'measures_set', guard: 'allowed', actions: 'dropExtensionRequest' },
      },
    },
  },
});
