import { type EvidenceStore } from '../evidence/evidence-store';

/**
 * Evidence files in memory, for unit tests: staged files become readable once committed;
 * `failRemove` makes remove() fail, as a disk error would.
 */
export class InMemoryEvidenceStore implements EvidenceStore {
  readonly committed = new Map<string, Buffer>();
  readonly discarded: string[] = [];
  failRemove = false;
  private next = 1;

  async stage(bytes: Uint8Array) {
    const key = `file-${this.next++}`;
    return {
      key,
      commit: async () => {
        this.committed.set(key, Buffer.from(bytes));
      },
      discard: async () => {
        this.committed.delete(key);
        this.discarded.push(key);
      },
    };
  }

  async read(key: string): Promise<Buffer | null> {
    return this.committed.get(key) ?? null;
  }

  async remove(key: string): Promise<void> {
    if (this.failRemove) throw new Error('EIO');
    this.committed.delete(key);
  }
}
