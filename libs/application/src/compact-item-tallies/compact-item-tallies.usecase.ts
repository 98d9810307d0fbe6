import { type ItemTallyRepository } from '@rectify/persistence';

/**
 * Keeps the subtree counts (事项计数) the items page sums to a row a key: folds the deltas the
 * database appended since this process last did (all of them the first time), so a count stays
 * a few rows however many items changed. Run by the worker's sweep; losing a run costs only a
 * slower count, never a wrong one. Returns the number of delta rows folded.
 */
export class CompactItemTalliesUseCase {
  /** The highest delta row id already folded by this process (bigint as text). */
  private seenUpTo = '0';

  constructor(private readonly tallies: ItemTallyRepository) {}

  async execute(): Promise<number> {
    const { folded, seenUpTo } = await this.tallies.compact(this.seenUpTo);
    this.seenUpTo = seenUpTo;
    return folded;
  }
}
