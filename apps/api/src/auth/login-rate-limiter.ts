import { HttpException, HttpStatus, Injectable } from '@nestjs/common';

/**
 * Slows password guessing: at most MAX_ATTEMPTS logins per client address and user name in a
 * sliding window. In memory, so per API process; enough for one server.
 */
const WINDOW_MS = 60_000;
const MAX_ATTEMPTS = 10;

@Injectable()
export class LoginRateLimiter {
  private readonly attempts = new Map<string, number[]>();

  check(clientAddress: string, username: string, now = Date.now()): void {
    const key = `${clientAddress}|${username}`;
    const recent = (this.attempts.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (recent.length >= MAX_ATTEMPTS) {
      const retryAfter = Math.ceil((WINDOW_MS - (now - recent[0])) / 1000);
      throw new HttpException(
        {
          code: 'TOO_MANY_LOGIN_ATTEMPTS',
          message: `登录尝试过于频繁：请在${retryAfter}秒后再试。`,
          details: { retryAfter },
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    recent.push(now);
    this.attempts.set(key, recent);
    if (this.attempts.size > 10_000) this.forgetOld(now);
  }

  private forgetOld(now: number): void {
    for (const [key, times] of this.attempts) {
      if (times.every((t) => now - t >= WINDOW_MS)) this.attempts.delete(key);
    }
  }
}
