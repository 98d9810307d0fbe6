import { type TodoEntryBase, type TodoListName, type TodoLists } from '@rectify/application';
import { RECTIFICATION_EVENT_LABELS, RECTIFICATION_STATUS_LABELS } from '@rectify/workflow';

/** The Chinese heading of each to-do list, in the order printed. */
export const TODO_LIST_TITLES: Record<TodoListName, string> = {
  review: '待我审核',
  returned: '被退回',
  needsMeasures: '待制定措施',
  dueSoon: '即将到期',
  overdue: '已超期',
};

// An ISO timestamp as Shanghai's date and minute ("2025-03-01 10:00").
const shanghaiMinute = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

function head(e: TodoEntryBase): string {
  const deadline = e.deadline ? `，时限 ${e.deadline}` : '';
  return `${e.itemId}  ${e.organisationName} · ${e.title}（${RECTIFICATION_STATUS_LABELS[e.status]}${deadline}）`;
}

const todo = (e: TodoEntryBase) => (e.action ? `  → ${RECTIFICATION_EVENT_LABELS[e.action]}` : '');

/**
 * A person's to-do lists as Chinese text, one block per list with its count (rectify todo):
 * each entry its id, organisation, title, status and deadline, what it asks for, and the
 * list's own facts (since when, the return's reason, working days left or overdue).
 */
export function formatTodo(lists: TodoLists): string {
  const lines = [`待办（共 ${lists.counts.total} 项）`];
  const block = <E extends TodoEntryBase>(name: TodoListName, entries: E[], facts: (e: E) => string) => {
    const total = lists.counts[name];
    lines.push('', `${TODO_LIST_TITLES[name]}（${total}）`);
    if (total === 0) lines.push('  （无）');
    for (const e of entries)
      lines.push(`  ${head(e)}${todo(e)}`, ...[facts(e)].filter(Boolean).map((f) => `      ${f}`));
    if (total > entries.length)
      lines.push(`  ……另有 ${total - entries.length} 项未列出（每类最多列出 ${lists.limit} 项）`);
  };
  block('review', lists.review.entries, (e) =>
    e.kind === 'extension'
      ? `延期申请：延至 ${e.requestedDeadline ?? '—'}，理由：${e.requestReason ?? '—'}${e.since ? `（${shanghaiMinute(e.since)} 申请）` : ''}`
      : `销号申请${e.since ? `（${shanghaiMinute(e.since)} 提交）` : ''}`,
  );
  block(
    'returned',
    lists.returned.entries,
    (e) => `退回原因：${e.reason}（${e.returnedBy ?? '—'} ${shanghaiMinute(e.returnedAt)} 退回）`,
  );
  block('needsMeasures', lists.needsMeasures.entries, () => '');
  block('dueSoon', lists.dueSoon.entries, (e) =>
    e.workdaysLeft === null ? '' : e.workdaysLeft === 0 ? '今天到期' : `还剩 ${e.workdaysLeft} 个工作日`,
  );
  block('overdue', lists.overdue.entries, (e) =>
    e.workdaysOverdue === null ? '' : `已超期 ${e.workdaysOverdue} 个工作日`,
  );
  return lines.join('\n');
}
