import { type ItemQueriesRepository, type ViewersRepository } from '@rectify/persistence';
import { actorFor, allowedEvents, type RectificationEventType } from '@rectify/workflow';
import { isUuid } from '../common/is-uuid';
import { itemAccessState, itemNotFound } from '../item-queries/item-access-state';
import { requireViewer } from '../item-queries/require-viewer';

export interface ListItemEventsCommand {
  userId: string;
  itemId: string;
}

/**
 * The lifecycle events the user may send to the item now, as the machine decides (the older
 * form of the detail's allowedActions, kept for clients that still ask for it).
 * Errors: ITEM_NOT_FOUND (absent, malformed id or out of scope), USER_NOT_FOUND.
 */
export class ListItemEventsUseCase {
  constructor(
    private readonly viewers: ViewersRepository,
    private readonly items: ItemQueriesRepository,
  ) {}

  async execute(command: ListItemEventsCommand): Promise<RectificationEventType[]> {
    if (!isUuid(command.itemId)) throw itemNotFound(command.itemId);
    const viewer = await requireViewer(this.viewers, command.userId);
    const item = await this.items.findAccessState(viewer, command.itemId);
    if (!item) throw itemNotFound(command.itemId);
    // A withdrawn item (撤销) takes no event until it is restored.
    if (item.withdrawn) return [];
    return allowedEvents(itemAccessState(item), actorFor(viewer, item.organisationPath));
  }
}
