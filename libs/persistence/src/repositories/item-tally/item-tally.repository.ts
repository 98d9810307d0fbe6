/** What one compaction of the item counts did. */
export interface TallyCompaction {
  /** Delta rows folded into one row per key (0: nothing new since the last compaction). */
  folded: number;
  /** The highest row id this compaction has seen: pass it to the next one (bigint as text). */
  seenUpTo: string;
}

/**
 * 事项计数 (`item_tally`, migration 1732900000000): the items not withdrawn of each
 * organisation's subtree by status and year, as deltas the database appends on every item
 * write and ItemQueriesRepository.search sums. This port only keeps the deltas few.
 */
export interface ItemTallyRepository {
  /**
   * Folds the deltas of every key that has rows with an id above `since` (bigint as text; '0'
   * for every key) into one row a key, dropping keys that sum to 0, in one statement: a
   * concurrent count sees the deltas or their sum, never both or neither. Rows appended while
   * it runs stay for the next compaction.
   */
  compact(since: string): Promise<TallyCompaction>;
}
