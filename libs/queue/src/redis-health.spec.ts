import { type Redis } from 'ioredis';
import { assertRedisReachable, isRedisReachable, pingRedis } from './redis-health';

const silent = { ping: () => new Promise<string>(() => undefined) } as unknown as Redis;
const answering = { ping: async () => 'PONG' } as unknown as Redis;

describe('Redis health check', () => {
  it('passes on the answer to PING', async () => {
    await expect(pingRedis(answering, 100)).resolves.toBe('PONG');
    await expect(isRedisReachable(answering, 100)).resolves.toBe(true);
  });

  it('gives up on a Redis that does not answer, saying how long it waited', async () => {
    await expect(pingRedis(silent, 20)).rejects.toThrow('no answer within 20 ms');
    await expect(isRedisReachable(silent, 20)).resolves.toBe(false);
  });

  it('stops start-up with a message naming REDIS_URL when nothing listens there', async () => {
    await expect(assertRedisReachable('redis://127.0.0.1:1', 'worker')).rejects.toThrow(
      /^worker: cannot reach Redis at REDIS_URL=redis:\/\/127\.0\.0\.1:1 \(.+\): start Redis or fix REDIS_URL\.$/,
    );
  });
});
