import { EMPTY_RECTIFICATION_CONTEXT, type RectificationContext } from './rectification-context';
import {
  type EventPayloads,
  type PayloadKind,
  type RectificationEvent,
  type RectificationEventType,
  eventProfile,
} from './rectification-events';
import { RECTIFICATION_STATUSES, type RectificationStatus } from './rectification-status';
import { allowedEvents, applyRectificationEvent, type ItemState } from './rectification-transition';
import { type WorkflowActor } from './workflow-actor';
import { refusal } from './transition.fixtures';

// The business rules, written out independently of the implementation: where each event leads
// from each state ('stay' = no state change), and who may send it.
const TARGETS: Record<
  RectificationStatus,
  Partial<Record<RectificationEventType, RectificationStatus | 'stay'>>
> = {
  identified: { SET_MEASURES: 'measures_set', ADD_PROGRESS_NOTE: 'stay' },
  measures_set: {
    SET_MEASURES: 'stay',
    SUBMIT_COMPLETION: 'pending_review',
    APPROVE_LONG_TERM: 'long_term',
    REQUEST_EXTENSION: 'stay',
    APPROVE_EXTENSION: 'stay',
    REJECT_EXTENSION: 'stay',
    ADD_PROGRESS_NOTE: 'stay',
  },
  pending_review: {
    APPROVE_COMPLETION: 'completed',
    RETURN_FOR_REWORK: 'measures_set',
    APPROVE_LONG_TERM: 'long_term',
    ADD_PROGRESS_NOTE: 'stay',
  },
  long_term: {
    RECORD_LONG_TERM_REVIEW: 'stay',
    SUBMIT_COMPLETION: 'pending_review',
    ADD_PROGRESS_NOTE: 'stay',
  },
  completed: { REOPEN: 'measures_set' },
};

type ActorName =
  'ownSecretary' | 'otherSecretary' | 'parentSupervisor' | 'unrelatedSupervisor' | 'admin' | 'system';
const ACTORS: Record<ActorName, WorkflowActor> = {
  ownSecretary: { userId: 'u-sec', senders: ['own_secretary'], reads: true },
  otherSecretary: { userId: 'u-sec2', senders: [], reads: false },
  parentSupervisor: { userId: 'u-sup', senders: ['ancestor_supervisor'], reads: true },
  unrelatedSupervisor: { userId: 'u-sup2', senders: [], reads: false },
  admin: { userId: 'u-admin', senders: ['admin'], reads: true },
  system: { userId: 'system', senders: ['system'], reads: true },
};

const MAY_SEND: Record<RectificationEventType, ActorName[]> = {
  SET_MEASURES: ['ownSecretary', 'admin'],
  SUBMIT_COMPLETION: ['ownSecretary', 'admin'],
  APPROVE_COMPLETION: ['parentSupervisor', 'admin'],
  RETURN_FOR_REWORK: ['parentSupervisor', 'admin'],
  APPROVE_LONG_TERM: ['parentSupervisor', 'admin'],
  RECORD_LONG_TERM_REVIEW: ['ownSecretary', 'admin'],
  REQUEST_EXTENSION: ['ownSecretary'],
  APPROVE_EXTENSION: ['parentSupervisor', 'admin'],
  REJECT_EXTENSION: ['parentSupervisor', 'admin'],
  REOPEN: ['parentSupervisor', 'admin', 'system'],
  ADD_PROGRESS_NOTE: ['ownSecretary', 'parentSupervisor', 'admin'],
};

/** A complete payload of each kind; an event of a known kind needs no entry here. */
const VALID_PAYLOADS: { [K in PayloadKind]: EventPayloads[K] } = {
  measures: { measures: [{ title: '加强学习', responsible: '张三', deadline: '2024-06-30' }] },
  completion: { evidence: '已建立学习制度并执行三个月' },
  comment: {},
  reason: { reason: '佐证不足' },
  long_term: { reviewIntervalDays: 90, reason: '需长期坚持' },
  extension_request: { newDeadline: '2024-09-30', reason: '换届影响进度' },
  note: { note: '本季度组织学习3次' },
};

const validEvent = (type: RectificationEventType, actor: WorkflowActor) =>
  ({ type, actor, ...VALID_PAYLOADS[eventProfile(type).payload] }) as RectificationEvent;

const PENDING: RectificationContext = {
  deadline: '2024-06-30',
  reviewIntervalDays: null,
  pendingExtension: { newDeadline: '2024-09-30', reason: '换届', requestedBy: 'u-sec' },
};
const contextFor = (type: RectificationEventType): RectificationContext =>
  eventProfile(type).extension === 'decision'
    ? PENDING
    : { ...EMPTY_RECTIFICATION_CONTEXT, deadline: '2024-06-30' };

const EVENT_TYPES = Object.keys(MAY_SEND) as RectificationEventType[];
const cases = RECTIFICATION_STATUSES.flatMap((status) =>
  EVENT_TYPES.flatMap((type) =>
    (Object.keys(ACTORS) as ActorName[]).map((actor) => [status, type, actor] as const),
  ),
);

describe('rectification lifecycle: every (state, event, actor)', () => {
  it.each(cases)('%s + %s by %s', (status, type, actorName) => {
    const actor = ACTORS[actorName];
    const state = { status, context: contextFor(type) };
    const target = TARGETS[status][type];
    const apply = () => applyRectificationEvent(state, validEvent(type, actor));
    if (target === undefined) {
      const err = refusal(apply);
      expect(err.code).toBe('EVENT_NOT_ALLOWED_IN_STATE');
      expect(err.currentStatus).toBe(status);
      expect(err.message).toContain('当前可执行的操作');
      expect(err.allowedEvents).toEqual(allowedEvents(state, actor));
    } else if (!MAY_SEND[type].includes(actorName)) {
      const err = refusal(apply);
      expect(err.code).toBe('ACTOR_NOT_PERMITTED');
      expect(err.message).toMatch(/^只有.+可以/);
    } else {
      expect(apply().status).toBe(target === 'stay' ? status : target);
    }
  });
});

describe('rectification lifecycle: rules', () => {
  const sec = ACTORS.ownSecretary;
  const sup = ACTORS.parentSupervisor;

  it('takes the latest measure deadline as the item deadline', () => {
    const next = applyRectificationEvent(
      { status: 'identified', context: EMPTY_RECTIFICATION_CONTEXT },
      {
        type: 'SET_MEASURES',
        actor: sec,
        measures: [
          { title: '学习', responsible: '张三', deadline: '2024-03-31' },
          { title: '制度', responsible: '李四', deadline: '2024-06-30' },
        ],
      },
    );
    expect(next).toEqual({
      status: 'measures_set',
      context: { ...EMPTY_RECTIFICATION_CONTEXT, deadline: '2024-06-30' },
    });
  });

  it.each([
    [[], '至少制定一条'],
    [[{ title: '学习', responsible: '', deadline: '2024-03-31' }], '第1条'],
    [[{ title: '学习', responsible: '张三', deadline: '2024-02-30' }], 'YYYY-MM-DD'],
  ])('refuses measures without a responsible person and a valid deadline', (measures, message) => {
    const err = refusal(() =>
      applyRectificationEvent(
        { status: 'identified', context: EMPTY_RECTIFICATION_CONTEXT },
        { type: 'SET_MEASURES', actor: sec, measures },
      ),
    );
    expect(err.code).toBe('EVENT_INCOMPLETE');
    expect(err.message).toContain(message);
  });

  it('requires evidence to submit, and a reason to return', () => {
    const measuresSet = { status: 'measures_set' as const, context: contextFor('SUBMIT_COMPLETION') };
    expect(
      refusal(() =>
        applyRectificationEvent(measuresSet, { type: 'SUBMIT_COMPLETION', actor: sec, evidence: ' ' }),
      ).code,
    ).toBe('EVENT_INCOMPLETE');
    const pending = { status: 'pending_review' as const, context: contextFor('RETURN_FOR_REWORK') };
    expect(
      refusal(() => applyRectificationEvent(pending, { type: 'RETURN_FOR_REWORK', actor: sup, reason: '' }))
        .message,
    ).toContain('退回原因');
  });

  it('refuses a secretary approving their own item, saying who may', () => {
    const pending = { status: 'pending_review' as const, context: contextFor('APPROVE_COMPLETION') };
    const err = refusal(() => applyRectificationEvent(pending, { type: 'APPROVE_COMPLETION', actor: sec }));
    expect(err.code).toBe('ACTOR_NOT_PERMITTED');
    expect(err.message).toBe('只有上级党组织、管理员可以"审核销号"。');
  });

  it('names the current state and the allowed events when an event does not fit', () => {
    const err = refusal(() =>
      applyRectificationEvent(
        { status: 'identified', context: EMPTY_RECTIFICATION_CONTEXT },
        { type: 'APPROVE_COMPLETION', actor: sup },
      ),
    );
    expect(err.message).toBe(
      '整改事项当前状态为"问题已查摆"，不能"审核销号"。当前可执行的操作：记录整改进展。',
    );
    expect(err.allowedEvents).toEqual(['ADD_PROGRESS_NOTE']);
  });

  it('keeps a long-term item open for periodic reviews until it is signed off', () => {
    let state = applyRectificationEvent(
      { status: 'measures_set', context: contextFor('APPROVE_LONG_TERM') },
      { type: 'APPROVE_LONG_TERM', actor: sup, reviewIntervalDays: 90, reason: '需长期坚持' },
    );
    expect(state.context.reviewIntervalDays).toBe(90);
    state = applyRectificationEvent(state, {
      type: 'RECORD_LONG_TERM_REVIEW',
      actor: sec,
      note: '本季度进展',
    });
    expect(state.status).toBe('long_term');
    state = applyRectificationEvent(state, {
      type: 'SUBMIT_COMPLETION',
      actor: sec,
      evidence: '已形成长效机制',
    });
    state = applyRectificationEvent(state, { type: 'APPROVE_COMPLETION', actor: sup });
    expect(state.status).toBe('completed');
  });

  it('handles an extension: one request at a time, a later deadline, applied on approval', () => {
    let state: ItemState = {
      status: 'measures_set' as const,
      context: { ...EMPTY_RECTIFICATION_CONTEXT, deadline: '2024-06-30' },
    };
    expect(
      refusal(() =>
        applyRectificationEvent(state, {
          type: 'REQUEST_EXTENSION',
          actor: sec,
          newDeadline: '2024-05-01',
          reason: '忙',
        }),
      ).message,
    ).toContain('必须晚于当前时限 2024-06-30');
    const requested = applyRectificationEvent(state, {
      type: 'REQUEST_EXTENSION',
      actor: sec,
      newDeadline: '2024-09-30',
      reason: '换届',
    });
    expect(allowedEvents(requested, sec)).not.toContain('REQUEST_EXTENSION');
    expect(allowedEvents(requested, sup)).toEqual(
      expect.arrayContaining(['APPROVE_EXTENSION', 'REJECT_EXTENSION']),
    );
    const approved = applyRectificationEvent(requested, { type: 'APPROVE_EXTENSION', actor: sup });
    expect(approved.context).toEqual({
      deadline: '2024-09-30',
      reviewIntervalDays: null,
      pendingExtension: null,
    });
    state = { status: 'measures_set', context: requested.context };
    const rejected = applyRectificationEvent(state, {
      type: 'REJECT_EXTENSION',
      actor: sup,
      reason: '理由不充分',
    });
    expect(rejected.context.deadline).toBe('2024-06-30');
    expect(rejected.context.pendingExtension).toBeNull();
  });

  it('lets a supervisor or the system reopen a completed item', () => {
    for (const actor of [sup, ACTORS.system]) {
      const state = applyRectificationEvent(
        { status: 'completed', context: contextFor('REOPEN') },
        { type: 'REOPEN', actor, reason: '问题反弹' },
      );
      expect(state.status).toBe('measures_set');
    }
  });
});
