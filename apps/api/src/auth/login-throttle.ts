import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ApplicationError } from '@rectify/application';
import { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** 429 for a login refused before its password was even checked; carries Retry-After. */
export class TooManyLoginAttemptsException extends HttpException {
  /** Whole seconds until a login may be tried again (the Retry-After header). */
  readonly retryAfterSeconds: number;

  constructor(msBeforeNext: number) {
    const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    const wait = seconds < 60 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`;
    super(
      {
        code: 'TOO_MANY_LOGIN_ATTEMPTS',
        message: `登录失败次数过多，已暂时禁止登录：请在${wait}后再试；如忘记密码，请联系管理员。`,
        details: { retryAfter: seconds },
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
    this.retryAfterSeconds = seconds;
  }
}

// A wrong current password when changing one's own is a guess at it like a failed login.
const isWrongPassword = (err: unknown) =>
  err instanceof ApplicationError &&
  (err.code === 'INVALID_CREDENTIALS' || err.code === 'WRONG_CURRENT_PASSWORD');

/** A user name as a counter key: case and surrounding spaces do not make a new budget. */
const usernameKey = (username: string) => username.trim().toLowerCase().slice(0, 128);

/**
 * Slows password guessing, for the API's login and the queue dashboard's HTTP Basic login alike.
 * Counts failed logins in a fixed window (LOGIN_FAILURE_WINDOW_SECONDS) per user name, from any
 * address (LOGIN_MAX_FAILURES_PER_USERNAME), and per client address, for any user name
 * (LOGIN_MAX_FAILURES_PER_ADDRESS). Over either limit every login of that name or address is
 * refused with 429 until the window ends, a right password included.
 *
 * The counters live in Redis when REDIS_URL is set, so every API process shares them
 * (rate-limiter-flexible, one Lua script per count); if Redis fails, or without REDIS_URL, they
 * fall back to this process's memory. Each attempt reserves one count on both counters before
 * the password is checked (so parallel guesses cannot slip past the limit) and gives them back
 * unless the password was wrong: successful logins never count.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('LoginThrottle');
  private readonly redis: Redis | null;
  private readonly byUsername: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    const url = config.REDIS_URL;
    this.redis = url
      ? new Redis(url, {
          // Reconnects in the background; meanwhile (rejectIfRedisNotReady) logins count in memory.
          // A paused Redis keeps its connection "ready": every command then waits this long before
          // the in-memory count takes over, and a login makes two rounds (count, give back).
          maxRetriesPerRequest: 1,
          commandTimeout: 1000,
        })
      : null;
    this.redis?.on('error', () => undefined);
    const limiter = (name: string, points: number): RateLimiterAbstract => {
      const duration = config.LOGIN_FAILURE_WINDOW_SECONDS;
      const memory = new RateLimiterMemory({ keyPrefix: name, points, duration });
      if (!this.redis) return memory;
      return new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${config.QUEUE_PREFIX}:login-failures:${name}`,
        points,
        duration,
        insuranceLimiter: memory,
        // A login never waits for Redis to come back: it counts in memory until then.
        rejectIfRedisNotReady: true,
      });
    };
    this.byUsername = limiter('username', config.LOGIN_MAX_FAILURES_PER_USERNAME);
    this.byAddress = limiter('address', config.LOGIN_MAX_FAILURES_PER_ADDRESS);
  }

  /** Waits up to 2 s for Redis at start-up, so the first logins are already counted there. */
  async onModuleInit(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 2000);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!ready)
      this.logger.warn('Redis is not reachable: failed logins are counted in this process until it is.');
  }

  /**
   * Runs `verify` (which checks a password) unless `username` or `clientAddress` has used up its
   * failures; a rejection of `verify` with INVALID_CREDENTIALS or WRONG_CURRENT_PASSWORD counts
   * as a failure, anything else (success, a disabled account, a database error) does not.
   * @returns what `verify` returns
   * @throws TooManyLoginAttemptsException (429) when either limit is reached; whatever `verify` throws
   */
  async attempt<T>(clientAddress: string, username: string, verify: () => Promise<T>): Promise<T> {
    const counters: [RateLimiterAbstract, string][] = [
      [this.byUsername, usernameKey(username)],
      [this.byAddress, clientAddress || 'unknown'],
    ];
    // Both counters at once: with Redis stalled, each waits out its command timeout in parallel.
    const outcomes = await Promise.allSettled(counters.map(([limiter, key]) => limiter.consume(key)));
    const reserved = counters.filter((_, i) => outcomes[i].status === 'fulfilled');
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (refused) {
      await this.giveBack(reserved);
      if (refused.reason instanceof RateLimiterRes)
        throw new TooManyLoginAttemptsException(refused.reason.msBeforeNext);
      throw refused.reason;
    }
    try {
      const result = await verify();
      await this.giveBack(reserved);
      return result;
    } catch (err) {
      if (!isWrongPassword(err)) await this.giveBack(reserved);
      throw err;
    }
  }

  private async giveBack(reserved: [RateLimiterAbstract, string][]): Promise<void> {
    await Promise.all(
      reserved.map(([limiter, key]) =>
        limiter.reward(key).catch((err: unknown) => {
          this.logger.warn(`could not give back a login count: ${String(err)}`);
        }),
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.redis || this.redis.status === 'end') return;
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}
