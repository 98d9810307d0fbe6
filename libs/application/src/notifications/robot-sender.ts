import { type RobotMessage, type RobotPlatform } from '@rectify/domain';

/** Where one organisation's robot posts: the pasted webhook and, when 加签/签名校验 is on, its secret. */
export interface RobotTarget {
  platform: RobotPlatform;
  webhookUrl: string;
  /** DingTalk 加签 secret (`SEC…`) or Feishu 签名校验 secret; null when the robot does not sign. */
  secret: string | null;
}

/**
 * What became of one send. `reason` is Chinese, says what the administrator should do, and
 * carries the platform's own errcode/errmsg (e.g. `钉钉机器人签名校验失败：请核对加签密钥。（errcode 310000：sign not match）`).
 * - `rate_limited`: the platform said too fast; try again after `retryAfterMs`.
 * - `temporary`: network error, timeout, HTTP 5xx or an answer that cannot be read; retry with backoff.
 * - `permanent`: invalid key or token, robot removed or stopped, signature mismatch, keyword or IP
 *   rule, a body the platform refuses; retrying will not help until an administrator acts.
 *   `code` is stable for programs (`wecom_invalid_key`, `dingtalk_sign_mismatch`, …).
 */
export type RobotSendResult =
  | { outcome: 'sent' }
  | { outcome: 'rate_limited'; retryAfterMs: number; reason: string }
  | { outcome: 'temporary'; reason: string }
  | { outcome: 'permanent'; reason: string; code: string };

/** Posts one message to a group robot; never throws: every failure is a result. */
export interface RobotSender {
  send(target: RobotTarget, message: RobotMessage): Promise<RobotSendResult>;
}
