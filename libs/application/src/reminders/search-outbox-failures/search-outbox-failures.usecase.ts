import {
  type OutboxFailureSearch,
  type OutboxFailureView,
  type OutboxRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { requireViewer } from '../../item-queries/require-viewer';

export interface SearchOutboxFailuresQuery extends OutboxFailureSearch {
  /** Who asks: they see the rows of items in their organisation scope only. */
  userId: string;
}

/**
 * Outbox rows that failed, in the asker's scope, newest first: those waiting for a retry and
 * those parked after their last attempt; rows that never failed are not listed. Throws
 * ApplicationError USER_NOT_FOUND when the account no longer exists.
 */
export class SearchOutboxFailuresUseCase {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute({ userId, ...search }: SearchOutboxFailuresQuery): Promise<OutboxFailureView[]> {
    return this.outbox.searchFailures(await requireViewer(this.viewers, userId), search);
  }
}
