import { type ViewersRepository } from '@rectify/persistence';
import { type Viewer } from '@rectify/workflow';

/** ViewersRepository in memory, for unit tests: the viewers given, by user id. */
export class InMemoryViewersRepository implements ViewersRepository {
  private readonly byId = new Map<string, Viewer>();

  constructor(viewers: Viewer[] = []) {
    for (const v of viewers) this.byId.set(v.userId, v);
  }

  async findViewer(userId: string): Promise<Viewer | null> {
    return this.byId.get(userId) ?? null;
  }
}
