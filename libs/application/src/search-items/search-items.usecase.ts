import {
  type ItemQueriesRepository,
  type ItemSearchCriteria,
  type ReturnRecord,
  type ViewersRepository,
} from '@rectify/persistence';
import {
  actorFor,
  allowedItemActions,
  type ItemAction,
  type RectificationStatus,
  type Viewer,
} from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';
import { itemAccessState } from '../item-queries/item-access-state';
import { type LightFigures, lightFigures } from '../item-queries/item-light';
import { requireViewer } from '../item-queries/require-viewer';

/** Find items (查找整改事项) as `userId` sees them; the criteria were validated at the edge. */
export interface SearchItemsCommand extends ItemSearchCriteria {
  userId: string;
  /** The user's positions when the caller has just read them (the session check): not read again. */
  viewer?: Viewer;
}

export interface ItemListEntry extends LightFigures {
  id: string;
  organisationId: string;
  organisationName: string;
  reportYear: number | null;
  seq: number;
  title: string;
  status: RectificationStatus;
  source: string;
  deadline: string | null;
  overdue: boolean;
  /** Repeats an earlier year's problem of the same organisation. */
  recurring: boolean;
  version: number;
  /** Withdrawn (撤销): listed only when the search asks for withdrawn items. */
  withdrawn: boolean;
  /** Returned for rework (被退回) and not resubmitted since: the reason, by whom, when; else null. */
  returned: ReturnRecord | null;
  /** What the caller may do to the item now (allowedItemActions), so clients need not work it out. */
  allowedActions: ItemAction[];
}

export interface ItemPage {
  items: ItemListEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The items the user may see that match the criteria, one page of them, newest first; each with
 * its light, working days left or overdue and the actions the user may take on it.
 * Errors: USER_NOT_FOUND (the account is gone), ORGANISATION_NOT_FOUND (the organisation filter
 * names no organisation the user may read).
 */
export class SearchItemsUseCase {
  constructor(
    private readonly viewers: ViewersRepository,
    private readonly items: ItemQueriesRepository,
  ) {}

  async execute(command: SearchItemsCommand): Promise<ItemPage> {
    const { userId, viewer: known, ...criteria } = command;
    const viewer = known ?? (await requireViewer(this.viewers, userId));
    const outcome = await this.items.search(viewer, criteria);
    if (outcome.kind === 'organisation_not_found') {
      throw new ApplicationError(
        'ORGANISATION_NOT_FOUND',
        '所选党组织不存在或不在您的查看范围内：请重新选择党组织。',
        { organisationId: criteria.organisationId },
      );
    }
    return {
      items: outcome.rows.map(
        ({ organisationPath, reviewIntervalDays, pendingExtension, createdBy, ...row }): ItemListEntry => ({
          ...row,
          ...lightFigures(row, criteria.today),
          allowedActions: allowedItemActions(
            actorFor(viewer, organisationPath),
            itemAccessState({ ...row, reviewIntervalDays, pendingExtension }),
            createdBy,
          ),
        }),
      ),
      total: outcome.total,
      page: criteria.page,
      pageSize: criteria.pageSize,
    };
  }
}
