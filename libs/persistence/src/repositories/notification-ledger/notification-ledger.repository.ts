import {
  type EmailMode,
  type NotificationChannel,
  type NotificationKind,
  type QuietHours,
  type RobotPlatform,
} from '@rectify/domain';

/** A history line that may notify, with what the fan-out needs to address and word it. */
export interface NotifiableEvent {
  /** item_history.id (bigint as text). */
  historyId: string;
  itemId: string;
  event: string;
  actorRole: string;
  actorId: string;
  /** The actor's display name; null for the system or an account that is gone. */
  actorName: string | null;
  payload: Record<string, unknown>;
  itemTitle: string;
  organisationId: string;
  organisationName: string;
  parentId: string | null;
  grandparentId: string | null;
  /** A withdrawn (撤销) item notifies nobody. */
  withdrawn: boolean;
}

/** Where an item sits, for wording and addressing the deadline tiers' notifications. */
export interface ItemPlace {
  itemId: string;
  itemTitle: string;
  organisationId: string;
  organisationName: string;
  parentId: string | null;
  grandparentId: string | null;
}

/** A person as the fan-out sees them: their preferences (defaults when never set). */
export interface NotifiedPerson {
  userId: string;
  emailMode: EmailMode;
  emailKinds: string[];
  hasEmail: boolean;
}

/** An organisation's group robot that may take new notifications (enabled, not failed). */
export interface ActiveRobot {
  id: string;
  organisationId: string;
  kinds: string[];
  quiet: QuietHours | null;
}

/** One notification to record; `dedupeKey` makes recording it twice a no-op. */
export interface NewNotification {
  dedupeKey: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  itemId: string;
  historyId: string | null;
  recipientId: string | null;
  robotId: string | null;
  headline: string;
  detail: string;
  /** In-app rows are delivered by being written ('sent'); the others wait ('pending'). */
  status: 'pending' | 'sent';
  sendAfter: Date;
}

/** A row claimed by a batch (an email or a robot message), oldest first. */
export interface ClaimedNotification {
  id: string;
  kind: NotificationKind;
  itemId: string;
  headline: string;
  detail: string;
}

/** A robot as its sender needs it. */
export interface RobotForSending {
  id: string;
  platform: RobotPlatform;
  webhookUrl: string;
  secret: string | null;
  quiet: QuietHours | null;
  enabled: boolean;
  /** Set after a permanent failure until an administrator saves the robot again. */
  failedAt: Date | null;
  lastError: string | null;
}

/** A batch whose rows wait and which a job should send: the robot or recipient, and from when. */
export interface DueBatch {
  targetId: string;
  sendAfter: Date;
}

/**
 * The notification ledger (通知记录): one row per notification, channel and target. Recording is
 * idempotent by `dedupe_key`; email and robot rows are claimed under a batch key (the job's id),
 * so a retried job sends exactly the rows it claimed and two jobs never share a row; a robot's
 * `next_send_at` lets at most one message through per interval, whichever process sends it.
 * Every method is one statement.
 */
export interface NotificationLedgerRepository {
  /** The history lines of these ids (bigint as text) with their item and actor; missing ids are left out. */
  events(historyIds: string[]): Promise<NotifiableEvent[]>;
  /** Active people among these ids, with their preferences. */
  people(userIds: string[]): Promise<Map<string, NotifiedPerson>>;
  /** The robots of these organisations that take new notifications. */
  activeRobots(organisationIds: string[]): Promise<ActiveRobot[]>;
  /** Inserts the rows whose dedupe key is new; returns how many were new. */
  record(rows: NewNotification[]): Promise<number>;

  /**
   * Claims up to `limit` of a robot's rows under `batchKey` (which rows: as claimEmailRows) and
   * reads the robot with them, in one statement. `robot` is null when it is gone, and when
   * nothing was claimed (there is then nothing to send).
   */
  claimRobotBatch(
    robotId: string,
    batchKey: string,
    now: Date,
    limit: number,
  ): Promise<{ robot: RobotForSending | null; rows: ClaimedNotification[] }>;
  /**
   * Claims up to `limit` of a person's email rows under `batchKey`: those pending and due at
   * `now`, those this batch claimed before (a retry), and those another batch claimed more than
   * 15 minutes ago (its job is gone: Redis lost it). Oldest first.
   */
  claimEmailRows(
    recipientId: string,
    batchKey: string,
    now: Date,
    limit: number,
  ): Promise<ClaimedNotification[]>;
  markSent(ids: string[], now: Date): Promise<void>;
  /** Final: the rows will not be sent; `error` is Chinese. */
  markNotSent(ids: string[], status: 'failed' | 'skipped', error: string): Promise<void>;
  /** Keeps the rows claimed with the reason of a failed attempt (they are retried). */
  noteAttempt(ids: string[], error: string): Promise<void>;

  /**
   * The rate gate: when the robot's `next_send_at` has passed at `now`, moves it to
   * `now + intervalMs` and returns null (send now); otherwise returns when it opens.
   */
  passGate(robotId: string, now: Date, intervalMs: number): Promise<Date | null>;
  /** The platform asked to wait: nothing goes through before `until`. */
  holdRobot(robotId: string, until: Date): Promise<void>;
  /**
   * The platform accepted a message carrying rows `ids`, sent at `sentAt`: marks them sent, lets
   * nothing more through before `nextSendAt` (the interval counted from the answer, so two
   * messages also arrive an interval apart however long a send took), and answers when the
   * robot's next waiting rows may go (null when none wait), in one statement.
   */
  robotMessageSent(robotId: string, ids: string[], sentAt: Date, nextSendAt: Date): Promise<Date | null>;
  /** A permanent failure: the robot takes nothing new until an administrator saves it again. */
  robotFailed(robotId: string, error: string, now: Date): Promise<void>;

  /**
   * Robots (or email recipients) with rows waiting (pending, or claimed long ago), with the
   * earliest time one may go; all of them (the sweeper) or only `targetId`'s.
   */
  openRobotBatches(targetId?: string): Promise<DueBatch[]>;
  openEmailBatches(targetId?: string): Promise<DueBatch[]>;

  /** A recipient's address and name, or null when they have no active account. */
  contact(userId: string): Promise<{ email: string | null; displayName: string } | null>;
}
