import { Injectable, Logger } from '@nestjs/common';
import { WarningSummary } from '../logging/warning-summary';
import { RedisConnection } from './redis-connection';

/**
 * Every Redis client of the worker reports its errors here, so none is left without an 'error'
 * listener (ioredis then prints "[ioredis] Unhandled error event" with a stack, on every
 * reconnection attempt) and an outage reads as two lines, not thousands: one when the worker's
 * own connection loses Redis, one when it is back (with how long it was away and how many
 * errors the clients saw meanwhile). Errors outside an outage go to the warning summary, at
 * most one line per source per interval.
 */
@Injectable()
export class RedisOutageLog {
  private readonly logger = new Logger('redis');
  private downSince: number | null = null;
  private backAt = 0;
  private errorsWhileDown = 0;

  constructor(
    private readonly redis: RedisConnection,
    private readonly summary: WarningSummary,
  ) {
    redis.client.on('error', (err: Error) => this.lost(err));
    redis.client.on('ready', () => this.back());
  }

  /** An error event of one of the worker's Redis clients (`source`: which one). */
  noteError(source: string, err: Error): void {
    if (this.downSince !== null) {
      this.errorsWhileDown++;
    } else if (isConnectionError(err) && this.redis.client.status !== 'ready') {
      this.lost(err); // another client noticed first
    } else if (isConnectionError(err) && Date.now() - this.backAt < SETTLE_MS) {
      // The others reconnect on their own schedule: their last refusals are the outage's tail.
    } else {
      this.summary.note(source, 'errors', err.message);
    }
  }

  /** Whether the worker's own connection has lost Redis and not got it back yet. */
  get isDown(): boolean {
    return this.downSince !== null;
  }

  private lost(err: Error): void {
    if (this.downSince !== null) {
      this.errorsWhileDown++;
      return;
    }
    this.downSince = Date.now();
    this.errorsWhileDown = 1;
    this.logger.warn(
      `Redis unreachable (${err.message}): jobs wait and the outbox keeps its rows until it is back; further Redis errors are counted, not logged`,
    );
  }

  private back(): void {
    if (this.downSince === null) return;
    const seconds = Math.round((Date.now() - this.downSince) / 1000);
    this.logger.log(
      `Redis reachable again after ${seconds} s (${this.errorsWhileDown} Redis errors meanwhile)`,
    );
    this.downSince = null;
    this.backAt = Date.now();
    this.errorsWhileDown = 0;
  }
}

// After Redis is back, how long other clients' connection errors still count as the outage's.
const SETTLE_MS = 5_000;
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

function isConnectionError(err: Error): boolean {
  const code = (err as { code?: string }).code;
  return (
    (!!code && CONNECTION_CODES.has(code)) || /Connection is closed|Stream isn't writeable/.test(err.message)
  );
}
