import { Logger } from '@nestjs/common';
import { type WorkerConfig } from '../config/worker-config';
import { WarningSummary } from './warning-summary';

describe('WarningSummary', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  const summary = () => new WarningSummary({ LOG_SUMMARY_SECONDS: 10 } as WorkerConfig);

  it('prints one line per source for a thousand failures, counting each reason', () => {
    const s = summary();
    for (let i = 0; i < 990; i++) s.note('reminders', 'job attempts failed', 'connect ECONNREFUSED');
    for (let i = 0; i < 10; i++) s.note('reminders', 'job attempts failed', 'deadline refused');
    s.note('digests', 'digests failed', '550 mailbox unavailable');
    s.onApplicationShutdown();
    expect(warn.mock.calls.map(([line]) => line)).toEqual([
      'reminders: 1000 job attempts failed in the last 10 s: connect ECONNREFUSED ×990; deadline refused ×10',
      'digests: 1 digests failed in the last 10 s: 550 mailbox unavailable ×1',
    ]);
  });

  it('names the three commonest reasons and counts the others, and prints nothing for a quiet interval', () => {
    const s = summary();
    ['a', 'a', 'a', 'b', 'b', 'c', 'd', 'e'].forEach((r) => s.note('outbox', 'relay pauses', r));
    s.flush();
    s.flush();
    s.onApplicationShutdown();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toBe(
      'outbox: 8 relay pauses in the last 10 s: a ×3; b ×2; c ×1; and 2 other reasons',
    );
  });
});
