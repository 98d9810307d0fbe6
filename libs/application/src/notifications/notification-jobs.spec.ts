import { batchJob, robotRounds } from './notification-jobs';

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
