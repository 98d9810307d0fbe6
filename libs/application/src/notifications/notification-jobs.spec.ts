import { batchJob, robotRoundAt, robotRounds } from './notification-jobs';

const MINUTE = 60_000;

describe('robotRounds', () => {
  it('gives one round per slot of the robot batches, at the slot’s end, named by the slot', () => {
    const at = (iso: string) => new Date(iso);
    const batches = [
      batchJob('robot', 'r1', at('2024-10-08T00:00:05Z'), MINUTE),
      batchJob('robot', 'r2', at('2024-10-08T00:00:59Z'), MINUTE),
      // Held by quiet hours: its own slot.
      batchJob('robot', 'r3', at('2024-10-08T07:00:00Z'), MINUTE),
    ];
    const slot = (iso: string) => Date.parse(iso) / MINUTE;
    expect(robotRounds(batches, MINUTE)).toEqual([
      {
        id: `robotround.${slot('2024-10-08T00:01:00Z')}`,
        data: { slot: slot('2024-10-08T00:01:00Z') },
        runAt: at('2024-10-08T00:01:00Z'),
      },
      {
        id: `robotround.${slot('2024-10-08T07:00:00Z')}`,
        data: { slot: slot('2024-10-08T07:00:00Z') },
        runAt: at('2024-10-08T07:00:00Z'),
      },
    ]);
    expect(robotRounds([], MINUTE)).toEqual([]);
  });
});

describe('robotRoundAt', () => {
  it('is the round of the slot that ends at or after the instant, as a batch of that instant would be in', () => {
    const slot = (iso: string) => Date.parse(iso) / MINUTE;
    const round = (iso: string) => robotRoundAt(new Date(iso), MINUTE);
    expect(round('2024-10-08T00:00:00.001Z')).toEqual({
      id: `robotround.${slot('2024-10-08T00:01:00Z')}`,
      data: { slot: slot('2024-10-08T00:01:00Z') },
      runAt: new Date('2024-10-08T00:01:00Z'),
    });
    // A slot's end is in that slot, not the next.
    expect(round('2024-10-08T00:01:00Z').id).toBe(`robotround.${slot('2024-10-08T00:01:00Z')}`);
    const batch = batchJob('robot', 'r1', new Date('2024-10-08T00:00:30Z'), MINUTE);
    expect(robotRounds([batch], MINUTE)).toEqual([round('2024-10-08T00:00:30Z')]);
  });
});
