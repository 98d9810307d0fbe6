import { type ReadScope } from '@rectify/workflow';
import {
  type CreateItemsOutcome,
  type DetailsWrite,
  type EvidenceFileLookup,
  type HistoryActor,
  type ItemStateRecord,
  type ItemWithActorRecord,
  type LockedEvidenceFile,
  type LockedItemRecord,
  type NewCreatedItems,
  type NewEvidenceFile,
  type TransitionWrite,
  type WithdrawalWrite,
} from './item-records';

/**
 * The statements of one command on one connection (named prepared statements, planned once per
 * connection). No transaction: each write is one statement guarded by the version read, so the
 * read is part of the write's decision. Ids are uuid strings (the caller checks their form).
 */
export interface ItemCommandSession {
  /**
   * The item with the acting person's role and organisation path, in one query. `actorUserId`
   * null reads no person (the system acts). Null when the item does not exist; `actor` is null
   * when no such account exists.
   */
  loadItemWithActor(itemId: string, actorUserId: string | null): Promise<ItemWithActorRecord | null>;

  /**
   * Applies a lifecycle event in ONE statement: item update (only at `readVersion`), history
   * line, outbox row, and the event's evidence or measures. False when the version had moved
   * (then nothing is written).
   */
  writeTransition(write: TransitionWrite): Promise<boolean>;

  /**
   * Sets title, detail, source and/or 责任领导 with an UPDATE_DETAILS line (payload: `changes`,
   * plus previousTitle / previousDetail when those change); the new version, or null if the
   * version moved.
   */
  updateDetails(write: DetailsWrite): Promise<number | null>;

  /**
   * Of `userIds` (uuids), the active people of the item's organisation (home organisation, or a
   * position there), as id → display name; the others are absent.
   */
  organisationPeople(itemId: string, userIds: string[]): Promise<Map<string, string>>;

  /**
   * Withdraws (撤销) or restores (恢复) the item in ONE statement: the withdrawal columns, the
   * version, a WITHDRAW / RESTORE history line (from and to its unchanged status) and an outbox
   * row. The new version, or null when the version moved or the item was already withdrawn
   * (withdrawing) or not withdrawn (restoring): then nothing is written.
   */
  writeWithdrawal(write: WithdrawalWrite): Promise<number | null>;

  /** The item's status and version now, or null when it is gone. */
  currentState(itemId: string): Promise<ItemStateRecord | null>;
}

/**
 * One transaction over an item's evidence (整改佐证), holding the item's row lock from
 * lockItem() on, so that limits, deletion and the history line see no concurrent change.
 * Throwing inside the transaction rolls everything back.
 */
export interface EvidenceTransaction {
  /** Locks the item (FOR UPDATE); null when it does not exist. */
  lockItem(itemId: string): Promise<LockedItemRecord | null>;
  /** How many files (not deleted) the item holds, and their total size in bytes. */
  liveFileUsage(itemId: string): Promise<{ files: number; bytes: number }>;
  /** Inserts the evidence row; returns its id. */
  insertFile(file: NewEvidenceFile): Promise<string>;
  /** The item's live file `evidenceId`, locked, or null (unknown, deleted, or text-only). */
  findLiveFileForUpdate(itemId: string, evidenceId: string): Promise<LockedEvidenceFile | null>;
  /** Marks the file deleted (the row stays for the record). */
  markDeleted(evidenceId: string, deletedBy: string): Promise<void>;
  /**
   * Raises the item's version by one and appends a history line (seq = the new version) for an
   * evidence change; returns the new version.
   */
  appendHistory(
    itemId: string,
    actor: HistoryActor,
    event: 'ATTACH_EVIDENCE' | 'DELETE_EVIDENCE',
    payload: Record<string, unknown>,
  ): Promise<number>;
}

/**
 * The write side of rectification items: lifecycle commands, ledger details and evidence files.
 * Database faults propagate unchanged; "not found" and conflicts are returned, never thrown.
 */
export interface ItemsRepository {
  /** Runs `work` with one pooled connection for the command's statements, then releases it. */
  session<T>(work: (session: ItemCommandSession) => Promise<T>): Promise<T>;

  /**
   * Creates items by hand in ONE transaction: the items (numbered after the organisation's
   * earlier hand-made items of that year, under the organisation's row lock so two requests do
   * not share numbers) and their CREATE history lines. No outbox row: an identified item has no
   * reminders to schedule. organisation_not_found when the organisation is gone.
   */
  createItems(input: NewCreatedItems): Promise<CreateItemsOutcome>;

  /** Runs `work` in one database transaction; commits when it resolves, rolls back when it throws. */
  evidenceTransaction<T>(work: (tx: EvidenceTransaction) => Promise<T>): Promise<T>;

  /**
   * A live evidence file of an item seen through `scope`: item_not_found when the item does not
   * exist or is out of scope, evidence_not_found for an unknown, deleted or text-only evidence
   * (or an `evidenceId` that is not a uuid). `itemId` must be a uuid.
   */
  findLiveEvidenceFile(scope: ReadScope, itemId: string, evidenceId: string): Promise<EvidenceFileLookup>;
}
