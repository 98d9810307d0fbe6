import { and, assign, setup } from 'xstate';
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
  },
  actions: {
    // Notes and reviews change nothing in the machine; the service appends them to the item's
    // history. The named action makes the machine treat these events as handled (snapshot.can).
    keepForHistory: () => undefined,
    takeDeadlineFromMeasures: assign({
      deadline: ({ event }) =>
        event.type === 'SET_MEASURES'
          ? (event.measures
              .map((m) => m.deadline)
              .sort()
              .at(-1) ?? null)
          : null,
    }),
    recordExtensionRequest: assign({
      pendingExtension: ({ event }) =>
        event.type === 'REQUEST_EXTENSION'
          ? { newDeadline: event.newDeadline, reason: event.reason, requestedBy: event.actor.userId }
          : null,
    }),
    applyExtension: assign({
      deadline: ({ context }) => context.pendingExtension?.newDeadline ?? context.deadline,
      pendingExtension: () => null,
    }),
    dropExtensionRequest: assign({ pendingExtension: () => null }),
    setReviewInterval: assign({
      reviewIntervalDays: ({ event }) =>
        event.type === 'APPROVE_LONG_TERM' ? event.reviewIntervalDays : null,
      pendingExtension: () => null,
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
        SET_MEASURES: { target: 'measures_set', guard: 'allowed', actions: 'takeDeadlineFromMeasures' },
        SUBMIT_COMPLETION: { target: 'pending_review', guard: 'allowed' },
        APPROVE_LONG_TERM: { target: 'long_term', guard: 'allowed', actions: 'setReviewInterval' },
        REQUEST_EXTENSION: { guard: 'allowed', actions: 'recordExtensionRequest' },
        APPROVE_EXTENSION: { guard: 'allowed', actions: 'applyExtension' },
        REJECT_EXTENSION: { guard: 'allowed', actions: 'dropExtensionRequest' },
        ADD_PROGRESS_NOTE: { guard: 'allowed', actions: 'keepForHistory' },
      },
    },
    pending_review: {
      on: {
        APPROVE_COMPLETION: { target: 'completed', guard: 'allowed' },
        RETURN_FOR_REWORK: { target: 'measures_set', guard: 'allowed' },
        APPROVE_LONG_TERM: { target: 'long_term', guard: 'allowed', actions: 'setReviewInterval' },
        ADD_PROGRESS_NOTE: { guard: 'allowed', actions: 'keepForHistory' },
      },
    },
    long_term: {
      on: {
        RECORD_LONG_TERM_REVIEW: { guard: 'allowed', actions: 'keepForHistory' },
        SUBMIT_COMPLETION: { target: 'pending_review', guard: 'allowed' },
        ADD_PROGRESS_NOTE: { guard: 'allowed', actions: 'keepForHistory' },
      },
    },
    completed: {
      on: {
        REOPEN: { target: 'measures_set', guard: 'allowed', actions: 'dropExtensionRequest' },
      },
    },
  },
});
