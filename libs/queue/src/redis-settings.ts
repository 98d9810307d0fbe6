import { type Redis } from 'ioredis';

/**
 * The Redis settings the reminder queues depend on, as Redis reports them, with what is wrong
 * about them in Chinese for an operator (`warnings`, empty when all is well).
 * - `maxmemoryPolicy`: must be `noeviction`; any other policy lets Redis drop BullMQ's keys
 *   when memory runs out, and jobs vanish without a trace.
 * - `aof`: whether the append-only file is on; without it a Redis restart loses the jobs
 *   written since the last snapshot.
 * Either is null when this Redis does not report it (a managed service may hide INFO fields).
 */
export interface RedisSettings {
  maxmemoryPolicy: string | null;
  aof: boolean | null;
  warnings: string[];
}

/**
 * Reads the settings with `INFO memory` and `INFO persistence`, which managed services (where
 * CONFIG GET is often refused) answer too. Rejects when Redis does not answer within
 * `timeoutMs` or refuses INFO itself.
 */
export async function readRedisSettings(client: Redis, timeoutMs: number): Promise<RedisSettings> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const [memory, persistence] = await Promise.race([
    Promise.all([client.info('memory'), client.info('persistence')]),
    timeout,
  ]).finally(() => clearTimeout(timer));
  const policy = infoField(memory, 'maxmemory_policy');
  const aofEnabled = infoField(persistence, 'aof_enabled');
  return judgeRedisSettings({
    maxmemoryPolicy: policy,
    aof: aofEnabled === null ? null : aofEnabled === '1',
  });
}

/** The warnings for settings read some other way (see RedisSettings for what each means). */
export function judgeRedisSettings(read: Omit<RedisSettings, 'warnings'>): RedisSettings {
  const warnings: string[] = [];
  if (read.maxmemoryPolicy === null) {
    warnings.push(
      '无法读取 Redis 的 maxmemory-policy：请确认其为 noeviction，否则内存不足时提醒任务会被丢弃。',
    );
  } else if (read.maxmemoryPolicy !== 'noeviction') {
    warnings.push(
      `Redis 的 maxmemory-policy 为 ${read.maxmemoryPolicy}，内存不足时会丢弃提醒任务：请改为 noeviction。`,
    );
  }
  if (read.aof === null) {
    warnings.push('无法读取 Redis 是否开启 AOF：请确认 appendonly yes，否则 Redis 重启会丢失提醒任务。');
  } else if (!read.aof) {
    warnings.push(
      'Redis 未开启 AOF（appendonly no），重启会丢失最近的提醒任务：请设置 appendonly yes、appendfsync everysec。',
    );
  }
  return { ...read, warnings };
}

/** One `name:value` line of an INFO section, or null when absent. */
function infoField(info: string, name: string): string | null {
  const line = info.split(/\r?\n/).find((l) => l.startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}
