import { type ReadScope } from '@rectify/workflow';

/**
 * How the relay treats outbox rows: how many it claims at once, how long a claim holds, and how
 * often a failing row is tried (with exponential backoff) before it is parked.
 */
export interface OutboxPolicy {
  /** Rows claimed per round. */
  batchSize: number;
  /** How long a claim holds (ms); a relay that dies lets it run out and another takes the rows. */
  leaseMs: number;
  /** Attempts before a failing row is parked (`failed_at` set) and tried no more. */
  maxAttempts: number;
  /** Wait before the second attempt (ms); doubled for each further one … */
  retryBaseMs: number;
  /** … up to this (ms). */
  retryMaxMs: number;
}

/** Outbox rows held by one claim: `token` names the claim in every later statement. */
export interface OutboxClaim {
  token: string;
  /**
   * Row ids (bigint as text) and their items, by id ascending; `historyId`: the history line
   * that caused the row (an event, which may notify people), null for rows of the sweeper or an import.
   */
  rows: { id: string; itemId: string; historyId: string | null }[];
}

/** `retrying`: failed, waiting for its next attempt; `parked`: set aside after its last one. */
export type OutboxFailureState = 'retrying' | 'parked';

export const OUTBOX_FAILURE_STATES: readonly OutboxFailureState[] = ['retrying', 'parked'];

/** An outbox row the relay could not turn into reminders, as operators see it. */
export interface OutboxFailureView {
  id: string;
  itemId: string;
  itemTitle: string;
  organisationName: string;
  /** What caused the row (the event, or SWEEP_UNSCHEDULABLE when the sweeper found the item). */
  reason: string;
  state: OutboxFailureState;
  attempts: number;
  /** Chinese, with the technical cause. */
  lastError: string;
  lastAttemptAt: string | null;
  /** When a retrying row is tried next (ISO instant); null once parked. */
  nextAttemptAt: string | null;
  failedAt: string | null;
  createdAt: string;
}

export interface OutboxFailureSearch {
  /** Both states when absent. */
  state?: OutboxFailureState;
  /** At most this many rows. */
  limit: number;
}

/** Outbox rows by state, for the health endpoints. */
export interface OutboxFigures {
  /** Rows still to relay (including those waiting for a retry). */
  waiting: number;
  /** Of those, rows that failed at least once and wait for their next attempt. */
  retrying: number;
  /** Rows parked after their last attempt. */
  failed: number;
}

/**
 * The outbox: rows a transition (or the sweeper) writes so that an item's reminder jobs are
 * (re)scheduled after commit. The relay claims rows with a lease, enqueues their jobs, then
 * deletes them; a row that fails alone is retried with backoff and at last parked. Every
 * statement is short: no transaction stays open while the caller talks to Redis.
 */
export interface OutboxRepository {
  /**
   * Claims up to `batchSize` due rows (not parked, not held by a live claim, past their backoff),
   * by id, under a new token; each claim counts as an attempt. Rows whose lease ran out after
   * their last allowed attempt (the relay died on them each time) are parked first, with a
   * Chinese error. Several relays claim side by side without sharing a row (SKIP LOCKED).
   */
  claim(policy: OutboxPolicy): Promise<OutboxClaim>;

  /** Relayed: these rows of the claim leave the outbox. Rows of another claim are untouched. */
  deleteRelayed(token: string, ids: string[]): Promise<void>;

  /**
   * Gives rows of the claim back without counting the attempt (the failure was not theirs: Redis
   * or the database was away), so the next round claims them again.
   */
  release(token: string, ids: string[]): Promise<void>;

  /**
   * Records why rows of the claim failed: each waits `retryBaseMs · 2^(attempts-1)` (at most
   * `retryMaxMs`) before its next attempt, or is parked once it has had `maxAttempts`. Returns
   * how many were parked.
   */
  recordFailures(
    policy: OutboxPolicy,
    token: string,
    failures: { id: string; error: string }[],
  ): Promise<number>;

  /** Items with a row not parked (the relay's to schedule). */
  unrelayedItemIds(): Promise<string[]>;

  /**
   * One row (reason SWEEP_UNSCHEDULABLE) per item that has no row at all, waiting or parked, so
   * the relay records the item's error and retries and parks it: never a pile.
   */
  addUnschedulable(itemIds: string[]): Promise<void>;

  /**
   * Rows that failed at least once, in `scope` (their item's organisation), newest first:
   * retrying and parked ones, or those of `search.state`.
   */
  searchFailures(scope: ReadScope, search: OutboxFailureSearch): Promise<OutboxFailureView[]>;

  /** Rows waiting, retrying and parked. */
  figures(): Promise<OutboxFigures>;
}
