import { type Clock } from '@rectify/domain';

/** How notifications are timed and linked; validated by the worker's configuration. */
export interface NotificationSettings {
  clock: Clock;
  /** Where a person opens an item: `${appBaseUrl}/items/${id}`. */
  appBaseUrl: string;
  /** At most one message per robot in this interval (ms); also the slot robot messages collect in. */
  robotIntervalMs: number;
  /**
   * Longest wait after a platform's rate-limit answer (ms): its Retry-After, or the default the
   * sender gives, is honoured up to this (DingTalk throttles a robot for 10 minutes).
   */
  robotRateLimitWaitMaxMs: number;
  /** How long an immediate notification email collects what else happens (ms). */
  noticeCollectMs: number;
  /** When the day's digest goes out (HH:MM, Beijing time): digest-mode emails go then. */
  digestTime: string;
}

/** Most rows one robot message or one notification email carries; the rest wait for the next. */
export const BATCH_ROW_LIMIT = 500;
