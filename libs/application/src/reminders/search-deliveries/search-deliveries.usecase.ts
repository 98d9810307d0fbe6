import {
  type DeliverySearch,
  type DeliveryView,
  type ReminderLedgerRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { requireViewer } from '../../item-queries/require-viewer';

export interface SearchDeliveriesQuery extends DeliverySearch {
  /** Who asks: they see the rows of items in their organisation scope only. */
  userId: string;
}

/**
 * The reminder ledger as people see it, newest first: failed deliveries stay visible here,
 * never retried forever. Throws ApplicationError USER_NOT_FOUND when the account no longer exists.
 */
export class SearchDeliveriesUseCase {
  constructor(
    private readonly ledger: ReminderLedgerRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute({ userId, ...search }: SearchDeliveriesQuery): Promise<DeliveryView[]> {
    return this.ledger.search(await requireViewer(this.viewers, userId), search);
  }
}
