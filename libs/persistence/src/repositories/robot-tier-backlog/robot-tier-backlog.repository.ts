import { type ReminderKind } from '@rectify/domain';
import { type ItemPlace } from '../notification-ledger/notification-ledger.repository';

/**
 * A deadline tier (亮灯) recorded for its people and waiting in the robots' backlog (待推送亮灯),
 * with where its item sits; `place` is null when the item was withdrawn or removed since.
 */
export interface PendingTier {
  itemId: string;
  kind: ReminderKind;
  /** YYYY-MM-DD. */
  dueDate: string;
  place: ItemPlace | null;
}

/** The oldest rows of the robots' backlog: their ids (bigint as text) and their tiers. */
export interface TierBacklogSlice {
  ids: string[];
  tiers: PendingTier[];
}

/**
 * The robots' backlog (待推送亮灯, `robot_tier_backlog`): the deadline tiers recorded for their
 * people whose group robots have not been told yet, one row per reminder batch, written by
 * ReminderLedgerRepository.recordDue in the statement that records the batch's rows, and turned
 * into robot rows by the slot's robots' round (NotifyDeadlineTiersUseCase.addressBacklog). Every
 * method is one statement.
 */
export interface RobotTierBacklogRepository {
  /**
   * The oldest `limit` rows, with their tiers and the items' places. Reading does not take them:
   * two rounds reading the same rows address the same tiers, which is a no-op.
   */
  pendingTiers(limit: number): Promise<TierBacklogSlice>;
  /** Deletes these rows, once their tiers' robot rows are recorded. */
  dropPendingTiers(ids: string[]): Promise<void>;
  /** Whether any row waits (the sweeper). */
  hasPendingTiers(): Promise<boolean>;
}
