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
