import {
  type DevMailboxRepository,
  type IncomingMail,
  type StoredMail,
  type StoredMailEntry,
} from '@rectify/persistence';

/** DevMailboxRepository in memory, for unit tests: messages in arrival order, ids 1, 2, … */
export class InMemoryDevMailboxRepository implements DevMailboxRepository {
  readonly messages: StoredMail[] = [];

  async store(mail: IncomingMail): Promise<void> {
    this.messages.push({
      ...mail,
      id: String(this.messages.length + 1),
      receivedAt: new Date().toISOString(),
    });
  }

  async list(limit: number): Promise<StoredMailEntry[]> {
    return [...this.messages]
      .reverse()
      .slice(0, limit)
      .map(({ raw: _raw, ...entry }) => entry);
  }

  async find(id: string): Promise<StoredMail | null> {
    return this.messages.find((m) => m.id === id) ?? null;
  }
}
