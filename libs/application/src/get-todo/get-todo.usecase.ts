import { OPEN_STATUSES } from '@rectify/domain';
import {
  type TodoCandidateRow,
  type TodoQueriesRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import {
  actorFor,
  allowedItemActions,
  type ItemAction,
  type RectificationEventType,
  type RectificationStatus,
  type Viewer,
} from '@rectify/workflow';
import { itemAccessState } from '../item-queries/item-access-state';
import { lightFigures } from '../item-queries/item-light';
import { requireViewer } from '../item-queries/require-viewer';
import {
  type DeadlineTodoEntry,
  type ReturnedTodoEntry,
  type ReviewTodoEntry,
  TODO_LIST_LIMIT,
  type TodoEntryBase,
  type TodoList,
  type TodoLists,
} from './todo-entry';

export * from './todo-entry';

/** Whose to-do lists, on which day ("today", YYYY-MM-DD, for the lights). */
export interface GetTodoQuery {
  userId: string;
  today: string;
}

/** Submissions wait for sign-off (销号) in these statuses. */
const AWAITING_SIGN_OFF: readonly RectificationStatus[] = ['pending_review'];

/**
 * What an item still being worked asks of its people next, in order of preference: submitting
 * once measures are set (re-planning is allowed then too, but is not what is due), else planning.
 */
const WORK_ACTIONS: readonly RectificationEventType[] = ['SUBMIT_COMPLETION', 'SET_MEASURES'];

/** One candidate as the access rules see it for this viewer. */
interface Judged {
  row: TodoCandidateRow;
  allowed: ItemAction[];
  /** Works the item's organisation (整改责任 there: own_secretary). */
  works: boolean;
}

/**
 * A person's to-do lists (待办), see TodoLists: 待我审核 (submissions and extension requests this
 * person may decide, oldest waiting first), 被退回 (returned for rework and not resubmitted,
 * items they work or own, latest first), 待制定措施 (items without measures they work), 即将到期
 * and 已超期 (the yellow and red lights of open items they own, are 责任人 of a measure of, or
 * work; soonest deadline first). Withdrawn items never appear. Who may act comes from the
 * access rules (actorFor, allowedItemActions); the repository only narrows to candidates in the
 * read scope. Errors: USER_NOT_FOUND (the account is gone).
 */
export class GetTodoUseCase {
  constructor(
    private readonly viewers: ViewersRepository,
    private readonly todo: TodoQueriesRepository,
  ) {}

  async execute(query: GetTodoQuery): Promise<TodoLists> {
    const viewer = await requireViewer(this.viewers, query.userId);
    const rows = await this.todo.findCandidates(viewer, {
      reviewStatuses: AWAITING_SIGN_OFF,
      openStatuses: OPEN_STATUSES,
    });
    const judged = rows.map((row) => judge(viewer, row));

    const review = reviewEntries(judged).sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
    const returned = judged
      .filter((j) => isReturned(j.row) && (j.works || j.row.owned))
      .map((j): ReturnedTodoEntry => {
        const change = j.row.lastStatusChange!;
        return {
          ...base(j, workAction(j)),
          reason: typeof change.payload.reason === 'string' ? change.payload.reason : '',
          returnedBy: change.by,
          returnedAt: change.at,
        };
      })
      .sort((a, b) => b.returnedAt.localeCompare(a.returnedAt));
    const needsMeasures = judged
      .filter((j) => j.row.status === 'identified' && j.works && j.allowed.includes('SET_MEASURES'))
      .map((j) => base(j, 'SET_MEASURES'))
      .sort(byDeadline);
    const concerned = judged.filter((j) => j.works || j.row.owned || j.row.measureResponsible);
    const lit = concerned.map((j): DeadlineTodoEntry & { light: string } => {
      const { light, workdaysLeft, workdaysOverdue } = lightFigures(j.row, query.today);
      return { ...base(j, workAction(j)), light, workdaysLeft, workdaysOverdue };
    });
    const byLight = (light: string) =>
      lit
        .filter((e) => e.light === light)
        .map(({ light: _, ...e }): DeadlineTodoEntry => e)
        .sort(byDeadline);
    const dueSoon = byLight('yellow');
    const overdue = byLight('red');

    const lists = { review, returned, needsMeasures, dueSoon, overdue };
    const distinct = new Set(Object.values(lists).flatMap((list) => list.map((e) => e.itemId)));
    return {
      review: capped(review),
      returned: capped(returned),
      needsMeasures: capped(needsMeasures),
      dueSoon: capped(dueSoon),
      overdue: capped(overdue),
      counts: {
        review: review.length,
        returned: returned.length,
        needsMeasures: needsMeasures.length,
        dueSoon: dueSoon.length,
        overdue: overdue.length,
        total: distinct.size,
      },
      limit: TODO_LIST_LIMIT,
    };
  }
}

function judge(viewer: Viewer, row: TodoCandidateRow): Judged {
  const actor = actorFor(viewer, row.organisationPath);
  return {
    row,
    allowed: allowedItemActions(actor, itemAccessState(row), row.createdBy),
    works: actor.senders.includes('own_secretary'),
  };
}

/** Sign-offs and extension decisions the viewer may send, one entry per decision. */
function reviewEntries(judged: Judged[]): ReviewTodoEntry[] {
  const entries: ReviewTodoEntry[] = [];
  for (const j of judged) {
    if (AWAITING_SIGN_OFF.includes(j.row.status) && j.allowed.includes('APPROVE_COMPLETION')) {
      const submitted =
        j.row.lastStatusChange?.event === 'SUBMIT_COMPLETION' ? j.row.lastStatusChange.at : null;
      entries.push({
        ...base(j, 'APPROVE_COMPLETION'),
        kind: 'sign_off',
        since: submitted,
        requestedDeadline: null,
        requestReason: null,
      });
    }
    const request = j.row.pendingExtension as { newDeadline?: string; reason?: string } | null;
    if (request && j.allowed.includes('APPROVE_EXTENSION')) {
      entries.push({
        ...base(j, 'APPROVE_EXTENSION'),
        kind: 'extension',
        since: j.row.extensionRequestedAt,
        requestedDeadline: request.newDeadline ?? null,
        requestReason: request.reason ?? null,
      });
    }
  }
  return entries;
}

/** Returned for rework (退回整改) and not resubmitted: no status change since the return. */
function isReturned(row: TodoCandidateRow): boolean {
  return OPEN_STATUSES.includes(row.status) && row.lastStatusChange?.event === 'RETURN_FOR_REWORK';
}

function workAction(j: Judged): RectificationEventType | null {
  return WORK_ACTIONS.find((event) => j.allowed.includes(event)) ?? null;
}

function base({ row }: Judged, action: RectificationEventType | null): TodoEntryBase {
  return {
    itemId: row.id,
    title: row.title,
    organisationName: row.organisationName,
    status: row.status,
    deadline: row.deadline,
    version: row.version,
    action,
  };
}

// Soonest deadline first; items without one last.
const byDeadline = (a: TodoEntryBase, b: TodoEntryBase) =>
  (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31');

const capped = <E>(entries: E[]): TodoList<E> => ({
  total: entries.length,
  entries: entries.slice(0, TODO_LIST_LIMIT),
});
