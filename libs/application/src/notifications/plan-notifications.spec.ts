import { batchJob } from './notification-jobs';
import { planNotifications } from './plan-notifications';

// 2026-11-30 10:00:30 in Beijing.
const settings = {
  clock: { now: () => new Date('2026-11-30T02:00:30Z') },
  appBaseUrl: 'http://app',
  robotIntervalMs: 60_000,
  robotRateLimitWaitMaxMs: 600_000,
  noticeCollectMs: 60_000,
  digestTime: '09:00',
};

const person = (userId: string, emailMode: 'immediate' | 'digest' | 'off', hasEmail = true) => ({
  userId,
  emailMode,
  emailKinds: ['returned'],
  hasEmail,
});

describe('batchJob', () => {
  it('names the slot that ends at or after the time, so one slot shares one job', () => {
    const a = batchJob('robot', 'r1', new Date('2026-11-30T02:00:01Z'), 60_000);
    const b = batchJob('robot', 'r1', new Date('2026-11-30T02:00:59Z'), 60_000);
    expect(a).toEqual(b);
    expect(a.runAt.toISOString()).toBe('2026-11-30T02:01:00.000Z');
    expect(batchJob('robot', 'r1', new Date('2026-11-30T02:01:00Z'), 60_000).id).toBe(a.id);
    expect(batchJob('robot', 'r1', new Date('2026-11-30T02:01:01Z'), 60_000).id).not.toBe(a.id);
  });
});

describe('planNotifications', () => {
  const returned = {
    kind: 'returned' as const,
    itemId: 'i1',
    historyId: '7',
    cause: 'event.7',
    text: { headline: 'h', detail: 'd' },
    email: true,
  };

  it('writes 站内消息 for everyone and email by each person’s choice', () => {
    const plan = planNotifications(
      [
        {
          ...returned,
          people: [
            person('a', 'immediate'),
            person('b', 'digest'),
            person('c', 'off'),
            person('d', 'immediate', false),
          ],
          robots: [],
        },
      ],
      settings,
    );
    const inApp = plan.rows.filter((r) => r.channel === 'in_app');
    expect(inApp.map((r) => [r.recipientId, r.status])).toEqual([
      ['a', 'sent'],
      ['b', 'sent'],
      ['c', 'sent'],
      ['d', 'sent'],
    ]);
    const email = plan.rows.filter((r) => r.channel === 'email');
    expect(email.map((r) => r.recipientId)).toEqual(['a', 'b']);
    // The digest of 09:00 has passed: tomorrow's (01:00Z).
    expect(email[1].sendAfter.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(plan.emailJobs.map((j) => j.runAt.toISOString())).toEqual([
      '2026-11-30T02:02:00.000Z',
      '2026-12-01T01:00:00.000Z',
    ]);
    expect(new Set(plan.rows.map((r) => r.dedupeKey)).size).toBe(plan.rows.length);
  });

  it('puts a kind only on the robots that carry it, held through their quiet hours', () => {
    const plan = planNotifications(
      [
        {
          ...returned,
          people: [],
          robots: [
            { id: 'r1', organisationId: 'o', kinds: ['returned'], quiet: null },
            { id: 'r2', organisationId: 'o', kinds: ['returned'], quiet: { from: '08:00', until: '11:00' } },
            { id: 'r3', organisationId: 'o', kinds: ['submitted'], quiet: null },
          ],
        },
      ],
      settings,
    );
    expect(plan.rows.map((r) => [r.robotId, r.sendAfter.toISOString()])).toEqual([
      ['r1', '2026-11-30T02:00:30.000Z'],
      ['r2', '2026-11-30T03:00:00.000Z'],
    ]);
    expect(plan.robotJobs.map((j) => j.runAt.toISOString())).toEqual([
      '2026-11-30T02:01:00.000Z',
      '2026-11-30T03:00:00.000Z',
    ]);
  });
});
