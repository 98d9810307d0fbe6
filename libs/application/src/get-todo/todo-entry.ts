import { type RectificationEventType, type RectificationStatus } from '@rectify/workflow';

/**
 * The to-do lists (待办) of one person: 待我审核 (`review`), 被退回 (`returned`), 待制定措施
 * (`needsMeasures`), 即将到期 (`dueSoon`), 已超期 (`overdue`).
 */
export const TODO_LISTS = ['review', 'returned', 'needsMeasures', 'dueSoon', 'overdue'] as const;
export type TodoListName = (typeof TODO_LISTS)[number];

/** At most this many entries are listed per list; `counts` still gives the true number. */
export const TODO_LIST_LIMIT = 200;

/** What every to-do entry says of its item, and the action it asks for. */
export interface TodoEntryBase {
  itemId: string;
  title: string;
  organisationName: string;
  status: RectificationStatus;
  /** YYYY-MM-DD or null. */
  deadline: string | null;
  version: number;
  /**
   * The lifecycle event to take (the item page opens its form), or null when the person has
   * nothing to send now (e.g. an overdue item already submitted for sign-off).
   */
  action: RectificationEventType | null;
}

/**
 * 待我审核: a submission for sign-off (`sign_off`, action APPROVE_COMPLETION; RETURN_FOR_REWORK
 * is the other answer) or an extension request (`extension`, action APPROVE_EXTENSION;
 * REJECT_EXTENSION the other), since `since` (ISO timestamp; null if the history lacks it).
 */
export interface ReviewTodoEntry extends TodoEntryBase {
  kind: 'sign_off' | 'extension';
  since: string | null;
  /** For `extension`: the deadline asked for (YYYY-MM-DD) and why. */
  requestedDeadline: string | null;
  requestReason: string | null;
}

/** 被退回: returned for rework (退回整改) and not resubmitted; the reason, who and when (ISO). */
export interface ReturnedTodoEntry extends TodoEntryBase {
  reason: string;
  returnedBy: string | null;
  returnedAt: string;
}

/** 即将到期 / 已超期 (yellow / red light): working days left or overdue. */
export interface DeadlineTodoEntry extends TodoEntryBase {
  workdaysLeft: number | null;
  workdaysOverdue: number | null;
}

/** One list: at most TODO_LIST_LIMIT entries, and how many there are in all. */
export interface TodoList<E> {
  total: number;
  entries: E[];
}

/**
 * A person's to-do lists. `counts.total` (the header's badge) is the number of distinct items on
 * any list, counted before the cap: an item both returned and overdue counts once.
 */
export interface TodoLists {
  review: TodoList<ReviewTodoEntry>;
  returned: TodoList<ReturnedTodoEntry>;
  needsMeasures: TodoList<TodoEntryBase>;
  dueSoon: TodoList<DeadlineTodoEntry>;
  overdue: TodoList<DeadlineTodoEntry>;
  counts: Record<TodoListName, number> & { total: number };
  /** The cap applied to each list (TODO_LIST_LIMIT). */
  limit: number;
}
