import { bullConnection, bullProducerConnection, REDIS_LIMITS } from './redis-options';

describe('Redis connection options', () => {
  it('bound every command of a producer connection and fail at once while Redis is away', () => {
    expect(bullProducerConnection('redis://127.0.0.1:6379')).toEqual(
      expect.objectContaining({
        commandTimeout: REDIS_LIMITS.commandTimeoutMs,
        connectTimeout: REDIS_LIMITS.connectTimeoutMs,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
      }),
    );
  });

  it('leave blocking worker connections without a command timeout and with maxRetriesPerRequest null, as BullMQ requires', () => {
    const options = bullConnection('redis://127.0.0.1:6379') as Record<string, unknown>;
    expect(options.commandTimeout).toBeUndefined();
    expect(options.maxRetriesPerRequest).toBeNull();
    expect(options.connectTimeout).toBe(REDIS_LIMITS.connectTimeoutMs);
  });
});
