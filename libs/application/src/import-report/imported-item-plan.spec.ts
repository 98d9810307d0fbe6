import { emptyTracking, type ExtractedProblem, type ItemTracking } from '@rectify/domain';
import { IMPORTED_LONG_TERM_REVIEW_DAYS, planImportedItem } from './imported-item-plan';

const tracking = (over: Partial<ItemTracking>): ItemTracking => ({ ...emptyTracking(3, 'S'), ...over });
const problem = (t?: ItemTracking): ExtractedProblem => ({
  seq: 1,
  title: '学习不深入',
  detail: '形式单一。',
  basis: t ? 'table_row' : 'numbered_item',
  confidence: 0.9,
  tracking: t,
});

describe('planImportedItem', () => {
  it('keeps a problem of the report text identified with nothing set', () => {
    expect(planImportedItem(problem(), 2)).toMatchObject({
      status: 'identified',
      detail: '形式单一。',
      deadline: null,
    });
  });

  it.each([
    ['completed', 1, 'completed'],
    ['long_term', 1, 'long_term'],
    ['in_progress', 1, 'measures_set'],
    ['in_progress', 0, 'identified'],
    [null, 1, 'measures_set'],
    [null, 0, 'identified'],
  ] as const)('makes progress %s with %i measures status %s', (progress, measures, status) => {
    expect(planImportedItem(problem(tracking({ progress })), measures).status).toBe(status);
  });

  it('gives a long-term item a review interval the reminder sweep acts on', () => {
    expect(planImportedItem(problem(tracking({ progress: 'long_term' })), 0).reviewIntervalDays).toBe(
      IMPORTED_LONG_TERM_REVIEW_DAYS,
    );
  });

  it('makes the owner, else the unit, responsible for the measures, with the row’s deadline', () => {
    const withOwner = planImportedItem(
      problem(tracking({ owner: '李四', responsibleUnit: '党办', deadline: '2024-06-30' })),
      1,
    );
    expect(withOwner.measure).toEqual({ responsible: '李四', deadline: '2024-06-30' });
    expect(planImportedItem(problem(tracking({ responsibleUnit: '党办' })), 1).measure.responsible).toBe(
      '党办',
    );
  });

  it('keeps source, unit, an undated deadline, unknown columns and an over-long leader in the detail', () => {
    const plan = planImportedItem(
      problem(
        tracking({
          source: '巡察反馈',
          owner: '李四',
          responsibleUnit: '党办',
          responsibleLeader: '王'.repeat(51),
          deadlineText: '立行立改',
          extra: { 备注: '需留痕' },
        }),
      ),
      1,
    );
    expect(plan.responsibleLeader).toBeNull();
    expect(plan.detail).toBe(
      `形式单一。\n问题来源：巡察反馈\n责任领导：${'王'.repeat(51)}\n责任单位：党办\n整改时限：立行立改\n备注：需留痕`,
    );
  });
});
