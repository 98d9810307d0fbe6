import { droppedExtensionRequest, laterDeadline, plannedDeadline } from './deadline-rules';
import { EMPTY_RECTIFICATION_CONTEXT, type RectificationContext } from './rectification-context';
import { type MeasurePlan, type RectificationEvent } from './rectification-events';
import { type RectificationStatus } from './rectification-status';
import { applyRectificationEvent, type ItemState } from './rectification-transition';
import { rectificationMachine } from './rectification.machine';
import { type WorkflowActor } from './workflow-actor';
import { refusal } from './transition.fixtures';

const sec: WorkflowActor = { userId: 'u-sec', senders: ['own_secretary'], reads: true };
const sup: WorkflowActor = { userId: 'u-sup', senders: ['ancestor_supervisor'], reads: true };
const admin: WorkflowActor = { userId: 'u-admin', senders: ['admin'], reads: true };
const system: WorkflowActor = { userId: 'system', senders: ['system'], reads: true };

const plan = (...deadlines: string[]): MeasurePlan[] =>
  deadlines.map((deadline, i) => ({ title: `措施${i + 1}`, responsible: '张三', deadline }));
const setMeasures = (actor: WorkflowActor, ...deadlines: string[]): RectificationEvent => ({
  type: 'SET_MEASURES',
  actor,
  measures: plan(...deadlines),
});
const state = (status: RectificationStatus, context: Partial<RectificationContext> = {}): ItemState => ({
  status,
  context: { ...EMPTY_RECTIFICATION_CONTEXT, ...context },
});
const PENDING = { newDeadline: '2024-09-30', reason: '换届', requestedBy: 'u-sec' };

describe('deadline rules: re-planning never postpones the deadline', () => {
  it('takes the first plan’s latest measure deadline, however late it is', () => {
    const next = applyRectificationEvent(state('identified'), setMeasures(sec, '2030-03-31', '2030-12-31'));
    expect(next.context.deadline).toBe('2030-12-31');
  });

  it.each([sec, admin])(
    'refuses a re-plan by %j that pushes the deadline later, telling how to ask for an extension',
    (actor) => {
      const before = state('measures_set', { deadline: '2024-06-30' });
      const err = refusal(() =>
        applyRectificationEvent(before, setMeasures(actor, '2024-03-31', '2024-07-01')),
      );
      expect(err.code).toBe('DEADLINE_EXTENSION_REQUIRED');
      expect(err.message).toContain('当前整改时限为 2024-06-30');
      expect(err.message).toContain('请通过"申请延期"提出，经上级同意后生效');
      expect(err.currentStatus).toBe('measures_set');
      expect(err.allowedEvents).toContain('SET_MEASURES');
    },
  );

  it('lets a re-plan keep the deadline or bring it earlier', () => {
    const before = state('measures_set', { deadline: '2024-06-30' });
    expect(applyRectificationEvent(before, setMeasures(sec, '2024-06-30')).context.deadline).toBe(
      '2024-06-30',
    );
    expect(applyRectificationEvent(before, setMeasures(sec, '2024-04-15')).context.deadline).toBe(
      '2024-04-15',
    );
  });

  it('refuses the postponing plan in the machine itself, not only in the service', () => {
    const snapshot = rectificationMachine.resolveState({
      value: 'measures_set',
      context: { ...EMPTY_RECTIFICATION_CONTEXT, deadline: '2024-06-30' },
    });
    expect(snapshot.can(setMeasures(sec, '2024-12-31'))).toBe(false);
    expect(snapshot.can(setMeasures(sec, '2024-06-01'))).toBe(true);
  });

  it('moves the deadline later through an approved extension, and re-plans up to it', () => {
    let s = state('measures_set', { deadline: '2024-06-30' });
    s = applyRectificationEvent(s, {
      type: 'REQUEST_EXTENSION',
      actor: sec,
      newDeadline: '2024-09-30',
      reason: '换届',
    });
    s = applyRectificationEvent(s, { type: 'APPROVE_EXTENSION', actor: sup });
    expect(s.context.deadline).toBe('2024-09-30');
    expect(applyRectificationEvent(s, setMeasures(sec, '2024-09-30')).context.deadline).toBe('2024-09-30');
    expect(refusal(() => applyRectificationEvent(s, setMeasures(sec, '2024-10-01'))).code).toBe(
      'DEADLINE_EXTENSION_REQUIRED',
    );
  });

  it('never brings the deadline earlier when approving an extension that asked for less', () => {
    // A request for 30 September left over from before the deadline reached 31 October.
    const s = state('measures_set', { deadline: '2024-10-31', pendingExtension: PENDING });
    const approved = applyRectificationEvent(s, { type: 'APPROVE_EXTENSION', actor: sup });
    expect(approved.context).toEqual({ ...s.context, deadline: '2024-10-31', pendingExtension: null });
  });
});

describe('deadline rules: a pending extension request does not outlive measures_set', () => {
  it.each<[string, ItemState, RectificationEvent, RectificationStatus]>([
    [
      'submitted for sign-off',
      state('measures_set', { deadline: '2024-06-30', pendingExtension: PENDING }),
      { type: 'SUBMIT_COMPLETION', actor: sec, evidence: '已完成' },
      'pending_review',
    ],
    [
      'made long-term',
      state('measures_set', { deadline: '2024-06-30', pendingExtension: PENDING }),
      { type: 'APPROVE_LONG_TERM', actor: sup, reviewIntervalDays: 90, reason: '需长期坚持' },
      'long_term',
    ],
    [
      'signed off while a stale request was left on it',
      state('pending_review', { deadline: '2024-06-30', pendingExtension: PENDING }),
      { type: 'APPROVE_COMPLETION', actor: sup },
      'completed',
    ],
    [
      'returned for rework while a stale request was left on it',
      state('pending_review', { deadline: '2024-06-30', pendingExtension: PENDING }),
      { type: 'RETURN_FOR_REWORK', actor: sup, reason: '佐证不足' },
      'measures_set',
    ],
    [
      'reopened while a stale request was left on it',
      state('completed', { deadline: '2024-06-30', pendingExtension: PENDING }),
      { type: 'REOPEN', actor: system, reason: '问题反弹' },
      'measures_set',
    ],
  ])('drops the request when the item is %s, keeping the deadline', (_, before, event, status) => {
    const after = applyRectificationEvent(before, event);
    expect(after.status).toBe(status);
    expect(after.context.pendingExtension).toBeNull();
    expect(after.context.deadline).toBe('2024-06-30');
    expect(droppedExtensionRequest(before.context, after.context, event.type)).toEqual(PENDING);
  });

  it('keeps the request through a progress note, and reports no drop for an approval or rejection', () => {
    const before = state('measures_set', { deadline: '2024-06-30', pendingExtension: PENDING });
    const noted = applyRectificationEvent(before, { type: 'ADD_PROGRESS_NOTE', actor: sec, note: '进展' });
    expect(noted.context.pendingExtension).toEqual(PENDING);
    const approved = applyRectificationEvent(before, { type: 'APPROVE_EXTENSION', actor: sup });
    expect(droppedExtensionRequest(before.context, approved.context, 'APPROVE_EXTENSION')).toBeNull();
    const rejected = applyRectificationEvent(before, {
      type: 'REJECT_EXTENSION',
      actor: sup,
      reason: '理由不充分',
    });
    expect(droppedExtensionRequest(before.context, rejected.context, 'REJECT_EXTENSION')).toBeNull();
  });
});

describe('deadline helpers', () => {
  it('finds the latest measure deadline and the later of two dates', () => {
    expect(plannedDeadline(plan('2024-06-30', '2024-12-31', '2024-03-01'))).toBe('2024-12-31');
    expect(plannedDeadline([])).toBeNull();
    expect(laterDeadline('2024-06-30', '2024-09-30')).toBe('2024-09-30');
    expect(laterDeadline('2024-10-31', '2024-09-30')).toBe('2024-10-31');
    expect(laterDeadline(null, '2024-09-30')).toBe('2024-09-30');
  });
});
