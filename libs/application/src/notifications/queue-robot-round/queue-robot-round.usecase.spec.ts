import {
  type ActiveRobot,
  type DueBatch,
  type ItemPlace,
  type NewNotification,
  type NotificationLedgerRepository,
  type PendingTier,
  type RobotTierBacklogRepository,
  type TierBacklogSlice,
} from '@rectify/persistence';
import { type BatchJobSpec, type NotificationQueues, type RobotRoundJobSpec } from '../notification-jobs';
import { type NotificationSettings } from '../notification-settings';
import { NotifyDeadlineTiersUseCase } from '../notify-deadline-tiers/notify-deadline-tiers.usecase';
import { QueueRobotRoundUseCase } from './queue-robot-round.usecase';

const MINUTE = 60_000;
// 23:00 in Beijing: a robot with quiet hours 22:00–07:00 waits for the morning.
const SLOT_END = new Date('2024-11-12T15:00:00Z');
const SLOT = SLOT_END.getTime() / MINUTE;
const MORNING = new Date('2024-11-12T23:00:00Z');

const place = (itemId: string, organisationId: string, parentId: string | null): ItemPlace => ({
  itemId,
  itemTitle: `问题${itemId}`,
  organisationId,
  organisationName: `支部${organisationId}`,
  parentId,
  grandparentId: null,
});
const tier = (itemId: string, kind: PendingTier['kind'], where: ItemPlace | null): PendingTier => ({
  itemId,
  kind,
  dueDate: '2024-11-12',
  place: where,
});
const robot = (id: string, organisationId: string, kinds: string[], quiet = false): ActiveRobot => ({
  id,
  organisationId,
  kinds,
  quiet: quiet ? { from: '22:00', until: '07:00' } : null,
});

/** The backlog, robots and robot rows in memory: what a round reads and writes. */
class BacklogLedger implements RobotTierBacklogRepository {
  backlog: { id: string; tiers: PendingTier[] }[] = [];
  robots: ActiveRobot[] = [];
  rows = new Map<string, NewNotification>();
  /** When false, deleting backlog rows does nothing (a fault the round must not loop on). */
  deletes = true;

  async pendingTiers(limit: number): Promise<TierBacklogSlice> {
    const rows = this.backlog.slice(0, limit);
    return { ids: rows.map((r) => r.id), tiers: rows.flatMap((r) => r.tiers) };
  }
  async dropPendingTiers(ids: string[]): Promise<void> {
    if (this.deletes) this.backlog = this.backlog.filter((r) => !ids.includes(r.id));
  }
  async hasPendingTiers(): Promise<boolean> {
    return this.backlog.length > 0;
  }
  async activeRobots(organisationIds: string[]): Promise<ActiveRobot[]> {
    return this.robots.filter((r) => organisationIds.includes(r.organisationId));
  }
  async record(rows: NewNotification[]): Promise<number> {
    const fresh = rows.filter((r) => !this.rows.has(r.dedupeKey));
    for (const r of fresh) this.rows.set(r.dedupeKey, r);
    return fresh.length;
  }
  async openRobotBatches(): Promise<DueBatch[]> {
    const by = new Map<string, Date>();
    for (const r of this.rows.values()) {
      if (r.channel !== 'robot' || r.status !== 'pending') continue;
      const at = by.get(r.robotId!);
      if (!at || r.sendAfter < at) by.set(r.robotId!, r.sendAfter);
    }
    return [...by].map(([targetId, sendAfter]) => ({ targetId, sendAfter }));
  }
}

class RecordingQueues implements NotificationQueues {
  rounds: RobotRoundJobSpec[] = [];
  batches: BatchJobSpec[] = [];
  async addEventFanOuts(): Promise<void> {}
  async addNoticeEmails(): Promise<void> {}
  async addRobotRounds(jobs: RobotRoundJobSpec[]): Promise<void> {
    this.rounds.push(...jobs);
  }
  async addRobotBatches(jobs: BatchJobSpec[]): Promise<void> {
    this.batches.push(...jobs);
  }
}

function setUp() {
  const ledger = new BacklogLedger();
  const queues = new RecordingQueues();
  // The clock is past the slot's end: a round runs a little after it.
  const settings: NotificationSettings = {
    clock: { now: () => new Date(SLOT_END.getTime() + 1_500) },
    appBaseUrl: 'https://rectify.example',
    robotIntervalMs: MINUTE,
    robotRateLimitWaitMaxMs: 600_000,
    noticeCollectMs: 60_000,
    digestTime: '17:00',
  };
  const tiers = new NotifyDeadlineTiersUseCase(
    ledger as unknown as NotificationLedgerRepository,
    ledger,
    queues,
    settings,
  );
  const round = new QueueRobotRoundUseCase(
    ledger as unknown as NotificationLedgerRepository,
    queues,
    settings,
    tiers,
  );
  return { ledger, queues, tiers, round };
}

describe('QueueRobotRoundUseCase', () => {
  it('turns the backlog into robot rows due at the slot’s end, empties it, and queues the due robots’ batches', async () => {
    const { ledger, queues, round } = setUp();
    ledger.robots = [
      robot('r-a', 'A', ['due', 'overdue']),
      robot('r-b', 'B', ['due']), // does not carry red (逾期)
      robot('r-p', 'P', ['overdue']),
      robot('r-q', 'Q', ['due'], true),
    ];
    // Nine backlog rows, more than one slice: every one is addressed.
    ledger.backlog = Array.from({ length: 9 }, (_, n) => ({
      id: String(n + 1),
      tiers: [tier(`a${n}`, 'due', place(`a${n}`, 'A', 'P'))],
    }));
    ledger.backlog[0].tiers.push(
      tier('b1', 'overdue', place('b1', 'B', 'P')), // B's robot skips red, the level above hears it
      tier('q1', 'due', place('q1', 'Q', null)), // quiet hours: in the morning
      tier('w1', 'due', null), // withdrawn since: nobody
    );

    expect(await round.execute(SLOT)).toEqual({ recorded: 11, queued: 2 });
    expect(ledger.backlog).toEqual([]);
    const rows = [...ledger.rows.values()];
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual(
      [
        ...Array.from({ length: 9 }, (_, n) => `tier.a${n}.due.2024-11-12.robot.r-a`),
        'tier.b1.overdue.2024-11-12.robot.r-p',
        'tier.q1.due.2024-11-12.robot.r-q',
      ].sort(),
    );
    expect(
      rows.filter((r) => r.robotId !== 'r-q').every((r) => r.sendAfter.getTime() === SLOT_END.getTime()),
    ).toBe(true);
    expect(ledger.rows.get('tier.q1.due.2024-11-12.robot.r-q')!.sendAfter).toEqual(MORNING);
    expect(ledger.rows.get('tier.b1.overdue.2024-11-12.robot.r-p')).toMatchObject({
      headline: '支部B「问题b1」已逾期（红灯）',
      status: 'pending',
      channel: 'robot',
    });
    // The due robots' batches, named by this slot; the quiet robot's round in the morning.
    expect(queues.batches.map((b) => b.id).sort()).toEqual([`robot.r-a.${SLOT}`, `robot.r-p.${SLOT}`]);
    expect(queues.rounds).toEqual([
      {
        id: `robotround.${MORNING.getTime() / MINUTE}`,
        data: { slot: MORNING.getTime() / MINUTE },
        runAt: MORNING,
      },
    ]);

    // Run again (a retry): nothing new is recorded.
    ledger.backlog = [{ id: '10', tiers: [tier('a0', 'due', place('a0', 'A', 'P'))] }];
    expect((await round.execute(SLOT)).recorded).toBe(0);
    expect(ledger.backlog).toEqual([]);
  });

  it('rejects rather than loop when the backlog keeps rows it was told to delete', async () => {
    const { ledger, round } = setUp();
    ledger.robots = [robot('r-a', 'A', ['due'])];
    ledger.backlog = [{ id: '7', tiers: [tier('a1', 'due', place('a1', 'A', null))] }];
    ledger.deletes = false;
    await expect(round.execute(SLOT)).rejects.toThrow('待推送亮灯 7 删除后仍在');
  });

  it('adds the round of the slot a batch recorded its tiers in', async () => {
    const { queues, tiers } = setUp();
    await tiers.queueRound(new Date(SLOT_END.getTime() - 20_000));
    expect(queues.rounds).toEqual([{ id: `robotround.${SLOT}`, data: { slot: SLOT }, runAt: SLOT_END }]);
  });
});
