import { type TodoLists } from '@rectify/application';
import { formatTodo } from './format-todo';

const entry = {
  title: '学习不够深入',
  organisationName: '第一党支部',
  status: 'measures_set' as const,
  deadline: '2025-03-06',
  version: 3,
  action: 'SUBMIT_COMPLETION' as const,
};
const empty = { total: 0, entries: [] };

describe('formatTodo', () => {
  it('prints every list with its count, what each entry asks for, and says when a list is empty', () => {
    const lists: TodoLists = {
      review: empty,
      returned: {
        total: 1,
        entries: [
          {
            ...entry,
            itemId: 'i1',
            reason: '佐证不全',
            returnedBy: '王强',
            returnedAt: '2025-03-01T02:00:00.000Z',
          },
        ],
      },
      needsMeasures: empty,
      dueSoon: { total: 3, entries: [{ ...entry, itemId: 'i2', workdaysLeft: 2, workdaysOverdue: null }] },
      overdue: empty,
      counts: { review: 0, returned: 1, needsMeasures: 0, dueSoon: 3, overdue: 0, total: 4 },
      limit: 1,
    };
    expect(formatTodo(lists)).toBe(
      [
        '待办（共 4 项）',
        '',
        '待我审核（0）',
        '  （无）',
        '',
        '被退回（1）',
        '  i1  第一党支部 · 学习不够深入（已制定整改措施，时限 2025-03-06）  → 提交销号申请',
        '      退回原因：佐证不全（王强 2025-03-01 10:00 退回）',
        '',
        '待制定措施（0）',
        '  （无）',
        '',
        '即将到期（3）',
        '  i2  第一党支部 · 学习不够深入（已制定整改措施，时限 2025-03-06）  → 提交销号申请',
        '      还剩 2 个工作日',
        '  ……另有 2 项未列出（每类最多列出 1 项）',
        '',
        '已超期（0）',
        '  （无）',
      ].join('\n'),
    );
  });
});
