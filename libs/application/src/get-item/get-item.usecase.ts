import {
  type ItemDetailRecord,
  type ItemQueriesRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import {
  actorFor,
  allowedItemActions,
  type ItemAction,
  mayDeleteEvidence,
  type Viewer,
} from '@rectify/workflow';
import { isUuid } from '../common/is-uuid';
import { itemAccessState, itemNotFound } from '../item-queries/item-access-state';
import { type LightFigures, lightFigures } from '../item-queries/item-light';
import { requireViewer } from '../item-queries/require-viewer';

export interface GetItemCommand {
  userId: string;
  /**
   * The reader's positions when the caller has just read them (the API's session check on this
   * very request): saves reading them again. Without it they are read by `userId`.
   */
  viewer?: Viewer;
  itemId: string;
  /** "Today" for the light and working days (YYYY-MM-DD), the caller's clock. */
  today: string;
}

/**
 * One item as its reader sees it: the stored record (without the organisation's path; with the
 * year the item belongs to, `reportYear`: its report's, or the one chosen when it was created by
 * hand; null only when its report names none), its light and working
 * days on `today`, what the reader may do to it now, and for each evidence file whether the
 * reader may delete it.
 */
export interface ItemDetail extends Omit<ItemDetailRecord, 'organisationPath' | 'evidence'>, LightFigures {
  evidence: (ItemDetailRecord['evidence'][number] & { mayDelete: boolean })[];
  allowedActions: ItemAction[];
}

/**
 * The item's details (整改事项详情): measures, evidence, history and recurrence, with what the
 * user may do. Errors: ITEM_NOT_FOUND (no such item, a malformed id, or out of the user's
 * scope: the three read the same), USER_NOT_FOUND (the account is gone).
 */
export class GetItemUseCase {
  constructor(
    private readonly viewers: ViewersRepository,
    private readonly items: ItemQueriesRepository,
  ) {}

  async execute(command: GetItemCommand): Promise<ItemDetail> {
    if (!isUuid(command.itemId)) throw itemNotFound(command.itemId);
    const viewer = command.viewer ?? (await requireViewer(this.viewers, command.userId));
    const record = await this.items.findDetail(viewer, command.itemId);
    if (!record) throw itemNotFound(command.itemId);
    const { organisationPath, evidence, ...item } = record;
    const actor = actorFor(viewer, organisationPath);
    return {
      ...item,
      evidence: evidence.map((e) => ({
        ...e,
        mayDelete: item.withdrawn === null && mayDeleteEvidence(actor, item.status, e.createdBy),
      })),
      ...lightFigures(item, command.today),
      allowedActions: allowedItemActions(actor, itemAccessState(item), item.createdBy),
    };
  }
}
