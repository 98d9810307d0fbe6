import { type RobotSendResult, type RobotTarget } from '@rectify/application';
import { type RobotMessage, type RobotPlatform } from '@rectify/domain';

/** One request to a platform's webhook: always POST with `application/json; charset=utf-8`. */
export interface RobotRequest {
  url: string;
  body: string;
}

/**
 * One platform: renders a message in the platform's own format (fitted to its size limit),
 * signs it as the platform documents, and reads the platform's JSON answer. Pure: `now` is given,
 * no I/O. HTTP-level answers (429, 5xx, network errors, timeouts) are classified by the sender.
 */
export interface RobotAdapter {
  readonly platform: RobotPlatform;
  /** Throws a TypeError when the stored webhook does not parse (the sender reports it as permanent). */
  request(target: RobotTarget, message: RobotMessage, now: Date): RobotRequest;
  /** Classifies the parsed JSON answer of a response that was neither 429 nor 5xx. */
  classify(answer: Record<string, unknown>): RobotSendResult;
}

/** A Chinese reason with the platform's own code and message appended, e.g. `…（errcode 93000：invalid webhook url）`. */
export function withPlatformCode(reason: string, codeName: string, code: unknown, message: unknown): string {
  const text = typeof message === 'string' ? message.replace(/\s+/g, ' ').trim().slice(0, 200) : '';
  return `${reason}（${codeName} ${String(code)}${text ? `：${text}` : ''}）`;
}

/** Retrying will not help until an administrator acts; `code` is stable for programs. */
export const permanent = (code: string, reason: string): RobotSendResult => ({
  outcome: 'permanent',
  code,
  reason,
});

/** Worth retrying with backoff. */
export const temporary = (reason: string): RobotSendResult => ({ outcome: 'temporary', reason });

/** The platform said too fast: try again after `retryAfterMs`. */
export const rateLimited = (retryAfterMs: number, reason: string): RobotSendResult => ({
  outcome: 'rate_limited',
  retryAfterMs,
  reason,
});
