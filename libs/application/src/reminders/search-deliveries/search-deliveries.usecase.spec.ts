import { viewerHolding } from '../../testing/viewer-holding';
import { type Viewer } from '@rectify/workflow';
import { InMemoryOutboxRepository } from '../../testing/in-memory-outbox.repository';
import { InMemoryReminderLedgerRepository } from '../../testing/in-memory-reminder-ledger.repository';
import { InMemoryViewersRepository } from '../../testing/in-memory-viewers.repository';
import { DEADLINE, TODAY, uuid } from '../../testing/reminder-fixtures';
import { SearchOutboxFailuresUseCase } from '../search-outbox-failures/search-outbox-failures.usecase';
import { SearchDeliveriesUseCase } from './search-deliveries.usecase';

const BRANCH = { id: uuid(1, 'b'), path: `/${uuid(9, 'b')}/${uuid(1, 'b')}/` };
const OTHER = { id: uuid(2, 'b'), path: `/${uuid(9, 'b')}/${uuid(2, 'b')}/` };
const viewer = (n: number, org: { id: string; path: string }): Viewer =>
  viewerHolding(uuid(n, 'a'), 'secretary', org);
const SEC = viewer(1, BRANCH);
const OTHER_SEC = viewer(2, OTHER);
const [MINE, THEIRS] = [uuid(1), uuid(2)];

describe('searching the reminder ledger and the outbox failures', () => {
  const items = new Map([
    [
      MINE,
      {
        title: '本支部问题',
        organisationName: '一支部',
        organisationPath: BRANCH.path,
        status: 'measures_set',
      },
    ],
    [
      THEIRS,
      {
        title: '他支部问题',
        organisationName: '二支部',
        organisationPath: OTHER.path,
        status: 'measures_set',
      },
    ],
  ]);
  const viewers = new InMemoryViewersRepository([SEC, OTHER_SEC]);

  it('shows the asker the rows of their scope only, and refuses an account that no longer exists', async () => {
    const ledger = new InMemoryReminderLedgerRepository(
      new Map(
        [SEC, OTHER_SEC].map((v) => [
          v.userId,
          { username: v.userId, displayName: '书记', email: 'x@example.com' },
        ]),
      ),
      items,
    );
    await ledger.recordDue(
      [[SEC, MINE] as const, [OTHER_SEC, THEIRS] as const].map(([v, itemId]) => ({
        recipientId: v.userId,
        itemId,
        kind: 'approaching' as const,
        dueDate: DEADLINE,
        sendOn: TODAY,
      })),
    );
    const search = new SearchDeliveriesUseCase(ledger, viewers);
    expect((await search.execute({ userId: SEC.userId, limit: 10 })).map((r) => r.itemId)).toEqual([MINE]);
    await expect(search.execute({ userId: uuid(404, 'a'), limit: 10 })).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    });
  });

  it("lists the asker's failed outbox rows only, and refuses an account that no longer exists", async () => {
    const outbox = new InMemoryOutboxRepository(items);
    outbox.add(MINE);
    outbox.add(THEIRS);
    const policy = { batchSize: 10, leaseMs: 1000, maxAttempts: 5, retryBaseMs: 1000, retryMaxMs: 1000 };
    const { token, rows } = await outbox.claim(policy);
    await outbox.recordFailures(
      policy,
      token,
      rows.map((r) => ({ id: r.id, error: '出错' })),
    );
    const search = new SearchOutboxFailuresUseCase(outbox, viewers);
    expect((await search.execute({ userId: OTHER_SEC.userId, limit: 10 })).map((r) => r.itemId)).toEqual([
      THEIRS,
    ]);
    await expect(search.execute({ userId: uuid(404, 'a'), limit: 10 })).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    });
  });
});
