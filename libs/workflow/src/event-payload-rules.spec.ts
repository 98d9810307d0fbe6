import { payloadProblem } from './event-payload-rules';
import { EMPTY_RECTIFICATION_CONTEXT } from './rectification-context';
import { type RectificationEvent } from './rectification-events';

const measures = (deadline: unknown) =>
  ({
    type: 'SET_MEASURES',
    measures: [
      { title: '建立学习制度', responsible: '张三', deadline: '2025-06-30' },
      { title: '开展专题学习', responsible: '李四', deadline },
    ],
  }) as unknown as RectificationEvent;

const extension = (newDeadline: unknown) =>
  ({ type: 'REQUEST_EXTENSION', newDeadline, reason: '工程延期' }) as unknown as RectificationEvent;

const context = { ...EMPTY_RECTIFICATION_CONTEXT, deadline: '2025-06-30' };

describe('dates in event payloads', () => {
  it.each(['9999-12-31', '0000-01-01', '1989-12-31', '2101-01-01'])(
    'refuses a measure deadline of %s, naming the measure and the window in Chinese',
    (deadline) => {
      const problem = payloadProblem(measures(deadline), EMPTY_RECTIFICATION_CONTEXT);
      expect(problem).toContain('第2条整改措施的完成时限');
      expect(problem).toContain('1990-01-01 至 2100-12-31');
    },
  );

  it('refuses a measure deadline that is not a day, saying which format to use', () => {
    expect(payloadProblem(measures('2025-02-30'), EMPTY_RECTIFICATION_CONTEXT)).toContain('YYYY-MM-DD');
  });

  it('accepts measure deadlines on both edges of the window', () => {
    expect(payloadProblem(measures('1990-01-01'), EMPTY_RECTIFICATION_CONTEXT)).toBeNull();
    expect(payloadProblem(measures('2100-12-31'), EMPTY_RECTIFICATION_CONTEXT)).toBeNull();
  });

  it('refuses a measure that is not an object instead of failing on it', () => {
    const event = { type: 'SET_MEASURES', measures: [null] } as unknown as RectificationEvent;
    expect(payloadProblem(event, EMPTY_RECTIFICATION_CONTEXT)).toContain('第1条整改措施缺少内容或责任人');
  });

  it.each(['9999-12-31', '0000-01-01'])('refuses an extension to %s', (newDeadline) => {
    expect(payloadProblem(extension(newDeadline), context)).toContain('新的完成时限');
    expect(payloadProblem(extension(newDeadline), context)).toContain('超出允许范围');
  });

  it('accepts an extension to the last day of the window', () => {
    expect(payloadProblem(extension('2100-12-31'), context)).toBeNull();
  });
});

describe('a picked 责任人 in a plan', () => {
  const plan = (responsibleUserId: unknown) =>
    ({
      type: 'SET_MEASURES',
      measures: [{ title: '建立学习制度', responsible: '张三', responsibleUserId, deadline: '2025-06-30' }],
    }) as unknown as RectificationEvent;

  it.each([undefined, null, '6f1c2a4e-9b7d-4c1e-8a2b-3d4e5f607182'])(
    'accepts a measure whose person is %p (free text, or a picked id)',
    (id) => {
      expect(payloadProblem(plan(id), EMPTY_RECTIFICATION_CONTEXT)).toBeNull();
    },
  );

  it.each(['张三', 42, '6f1c2a4e-9b7d-4c1e-8a2b'])(
    'refuses a picked person that is not an id (%p), in Chinese',
    (id) => {
      expect(payloadProblem(plan(id), EMPTY_RECTIFICATION_CONTEXT)).toBe(
        '第1条整改措施的责任人无效：请从本组织人员中选择，或直接填写姓名。',
      );
    },
  );
});

describe('fields an event does not take', () => {
  const event = (fields: Record<string, unknown>) =>
    ({ actor: {}, ...fields }) as unknown as RectificationEvent;
  const plan = { title: '建立学习制度', responsible: '张三', deadline: '2025-06-30' };

  it('refuses 制定整改措施 with a deadline of its own, naming it and the field it takes', () => {
    const problem = payloadProblem(
      event({ type: 'SET_MEASURES', measures: [plan], deadline: '2025-12-31' }),
      EMPTY_RECTIFICATION_CONTEXT,
    );
    expect(problem).toBe('"制定整改措施"不需要填写 deadline：请删除该字段（可填写的字段：measures）。');
  });

  it('refuses a measure with a field a measure does not have, naming the measure', () => {
    const problem = payloadProblem(
      event({ type: 'SET_MEASURES', measures: [plan, { ...plan, detail: '每月一次', owner: '李四' }] }),
      EMPTY_RECTIFICATION_CONTEXT,
    );
    expect(problem).toBe(
      '第2条整改措施不需要填写 detail、owner：请删除这些字段（可填写的字段：title、responsible、responsibleUserId、deadline）。',
    );
  });

  it('refuses a comment on a return, whose kind carries a reason only', () => {
    const problem = payloadProblem(
      event({ type: 'RETURN_FOR_REWORK', reason: '佐证不足', comment: '请补充' }),
      EMPTY_RECTIFICATION_CONTEXT,
    );
    expect(problem).toContain('不需要填写 comment');
    expect(problem).toContain('可填写的字段：reason');
  });

  it('accepts each kind with every field it takes, the event’s type and actor aside', () => {
    const pending = {
      ...context,
      pendingExtension: { newDeadline: '2025-09-30', reason: '工程延期', requestedBy: 'u-1' },
    };
    const cases: [Record<string, unknown>, typeof context][] = [
      [{ type: 'SET_MEASURES', measures: [{ ...plan, responsibleUserId: null }] }, context],
      [{ type: 'SUBMIT_COMPLETION', evidence: '已建立制度', evidenceFileIds: [] }, context],
      [{ type: 'APPROVE_COMPLETION', comment: '同意' }, context],
      [{ type: 'REOPEN', reason: '问题反弹' }, context],
      [{ type: 'APPROVE_LONG_TERM', reviewIntervalDays: 30, reason: '需长期坚持' }, context],
      [{ type: 'REQUEST_EXTENSION', newDeadline: '2025-09-30', reason: '工程延期' }, context],
      [{ type: 'APPROVE_EXTENSION', comment: '同意' }, pending],
      [{ type: 'ADD_PROGRESS_NOTE', note: '已开展两次学习' }, context],
    ];
    for (const [fields, on] of cases) expect(payloadProblem(event(fields), on)).toBeNull();
  });
});
