import { type RectificationStatus } from '@rectify/domain';
import { type ActorRole, type RectificationEventType, type Viewer } from '@rectify/workflow';

/**
 * A rectification item (整改事项) as a command reads it before deciding: the machine's state,
 * the optimistic-lock version, and its organisation's materialised path (for the actor's place).
 */
export interface ItemForCommand {
  id: string;
  status: RectificationStatus;
  /** YYYY-MM-DD, or null. */
  deadline: string | null;
  reviewIntervalDays: number | null;
  /** The pending extension request (jsonb), or null. */
  pendingExtension: unknown;
  version: number;
  organisationPath: string;
  /** Who created the item by hand (a user id); null for an imported item. */
  createdBy: string | null;
  /** True while the item is withdrawn (撤销): no command but restoring it may touch it. */
  withdrawn: boolean;
}

/**
 * The item and the acting person as the access rules see them (their positions), read together;
 * `actor` is null when no such account exists.
 */
export interface ItemWithActorRecord {
  item: ItemForCommand;
  actor: Viewer | null;
}

/** Who a history line names: a user id (or 'system') and the role they acted in. */
export interface HistoryActor {
  userId: string;
  role: ActorRole;
}

/**
 * Everything one lifecycle event writes, in one statement: the item's new state guarded by the
 * version read, the history line (seq = the new version), the outbox row, and what the event
 * brings (SUBMIT_COMPLETION's evidence text, SET_MEASURES' measures).
 */
export interface TransitionWrite {
  itemId: string;
  /** The version the decision was made on; the write does nothing if it moved. */
  readVersion: number;
  event: RectificationEventType;
  fromStatus: RectificationStatus;
  toStatus: RectificationStatus;
  deadline: string | null;
  reviewIntervalDays: number | null;
  pendingExtension: unknown;
  actor: HistoryActor;
  historyPayload: Record<string, unknown>;
  /** Becomes the item's owner unless it has one. */
  ownerId: string | null;
  /** SUBMIT_COMPLETION only: the evidence text and who filed it (null: the system). */
  evidence?: { text: unknown; createdBy: string | null };
  /** SET_MEASURES only: the item's measures, replacing the old ones. */
  measures?: unknown[];
}

/**
 * Withdrawing an item (撤销, `withdraw` true, with the reason) or restoring it (恢复, `withdraw`
 * false), version-guarded, with a WITHDRAW or RESTORE history line (status unchanged) and an
 * outbox row so that the worker drops or reschedules its reminders.
 */
export interface WithdrawalWrite {
  itemId: string;
  readVersion: number;
  withdraw: boolean;
  /** 撤销原因 when withdrawing; ignored when restoring. */
  reason: string | null;
  /** Who acts: a person (withdrawn_by takes their id). */
  actor: HistoryActor;
  historyPayload: Record<string, unknown>;
}

/** A change of the details (标题、问题描述、问题来源、责任领导), version-guarded, with a history line. */
export interface DetailsWrite {
  itemId: string;
  readVersion: number;
  /** null keeps the title. */
  title: string | null;
  /** null keeps the detail. */
  detail: string | null;
  /** null keeps the source. */
  source: string | null;
  /** Whether responsibleLeader is to be set (to a name or to null). */
  setResponsibleLeader: boolean;
  responsibleLeader: string | null;
  actor: HistoryActor;
  /** The changes as sent, kept on the history line. */
  changes: Record<string, unknown>;
}

/**
 * Items created by hand for one organisation (上级点评、巡视巡察反馈、群众评议、其他), all with the
 * same source, year and suggested deadline, each starting identified with a CREATE history line.
 */
export interface NewCreatedItems {
  organisationId: string;
  /** The year the items belong to (summaries, ledgers and sections count them there). */
  year: number;
  source: string;
  /** YYYY-MM-DD, or null: the suggested deadline. */
  deadline: string | null;
  /** Ids chosen by the caller, in the order given; titles and details already checked. */
  items: { id: string; title: string; detail: string }[];
  /** The status they start in (identified). */
  status: RectificationStatus;
  /** Who creates them (a user id), or null for the operator at the command line. */
  createdBy: string | null;
  /** Who the CREATE lines name. */
  actor: HistoryActor;
  /** The CREATE line's payload, the same for each item. */
  historyPayload: Record<string, unknown>;
}

/** What creating items did: their numbers (seq) in the given order, or the organisation is gone. */
/** Refused when the organisation is gone or disabled (停用, decided under its row lock). */
export type CreateItemsOutcome =
  | { kind: 'created'; seqs: number[] }
  | { kind: 'organisation_not_found' }
  | { kind: 'organisation_disabled' };

/** The current state of an item, for a conflict's message. */
export interface ItemStateRecord {
  status: RectificationStatus;
  version: number;
}

/** The item row, locked for the rest of an evidence transaction. */
export interface LockedItemRecord {
  id: string;
  status: RectificationStatus;
  /** True while the item is withdrawn (撤销): its evidence neither grows nor shrinks. */
  withdrawn: boolean;
}

/** A new evidence file (整改佐证) whose bytes are staged under `storageKey`. */
export interface NewEvidenceFile {
  itemId: string;
  text: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  storageKey: string;
  createdBy: string;
}

/** An evidence file the item still holds (not deleted). */
export interface LiveEvidenceFile {
  id: string;
  itemId: string;
  fileName: string | null;
  mimeType: string | null;
  storageKey: string;
  /** The uploader's user id; null when the system filed it. */
  createdBy: string | null;
}

/** An evidence file locked for deletion: what the decision and the history line need. */
export interface LockedEvidenceFile {
  id: string;
  fileName: string | null;
  storageKey: string;
  /** The uploader's user id; null when the system filed it. */
  createdBy: string | null;
}

/** The outcome of looking an evidence file up through a read scope. */
export type EvidenceFileLookup =
  { kind: 'item_not_found' } | { kind: 'evidence_not_found' } | { kind: 'found'; file: LiveEvidenceFile };
