import { type RobotSender, type RobotSendResult, type RobotTarget } from '@rectify/application';
import { ROBOT_PLATFORM_LABELS, type RobotMessage, type RobotPlatform } from '@rectify/domain';
import { dingtalkRobot } from './dingtalk-robot';
import { feishuRobot } from './feishu-robot';
import { permanent, temporary, rateLimited, type RobotAdapter } from './robot-adapter';
import { wecomRobot } from './wecom-robot';

/**
 * How long one send may take, connection to last byte of the answer. The platforms answer in well
 * under a second; ten seconds rides out a slow network without holding a worker for long, and a
 * send that times out is retried (temporary).
 */
export const ROBOT_SEND_TIMEOUT_MS = 10_000;
/** Wait after an HTTP 429 that gives no usable Retry-After. */
const DEFAULT_RETRY_AFTER_MS = 60_000;

const ADAPTERS: Record<RobotPlatform, RobotAdapter> = {
  wecom: wecomRobot,
  dingtalk: dingtalkRobot,
  feishu: feishuRobot,
};

export interface HttpRobotSenderOptions {
  /** Defaults to ROBOT_SEND_TIMEOUT_MS; tests shorten it. */
  timeoutMs?: number;
  /** The clock signatures are made with; defaults to the system clock. */
  now?: () => Date;
}

/** Milliseconds from a Retry-After header (seconds or an HTTP date), or the default. */
function retryAfterMs(header: string | null, now: Date): number {
  if (!header) return DEFAULT_RETRY_AFTER_MS;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, date - now.getTime());
}

/** The Chinese reason for a send that got no answer. */
function networkReason(label: string, err: unknown, timeoutMs: number): string {
  const error = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError' || error.name === 'AbortError') {
    return `${label}服务器在 ${timeoutMs / 1000} 秒内没有应答，系统稍后重试。`;
  }
  const detail = error.cause?.code ?? error.cause?.message ?? error.message ?? String(err);
  return `无法连接${label}服务器（${detail}）：请检查本系统服务器的网络或代理设置，系统稍后重试。`;
}

/**
 * Posts group-robot messages over HTTP with Node's fetch: picks the platform's adapter (render,
 * sign, classify), sends with a timeout, and turns every outcome into a RobotSendResult. Never
 * throws. HTTP 429 is rate_limited (Retry-After honoured); 5xx, network errors, timeouts, redirects
 * and answers that are not JSON are temporary; the platform's JSON codes are sorted by the adapter.
 */
export class HttpRobotSender implements RobotSender {
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  constructor(options: HttpRobotSenderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? ROBOT_SEND_TIMEOUT_MS;
    this.now = options.now ?? (() => new Date());
  }

  async send(target: RobotTarget, message: RobotMessage): Promise<RobotSendResult> {
    const adapter = ADAPTERS[target.platform];
    const label = ROBOT_PLATFORM_LABELS[target.platform];
    if (!adapter) {
      return permanent('robot_platform_unknown', `不支持的机器人平台：${String(target.platform)}。`);
    }
    let request;
    try {
      request = adapter.request(target, message, this.now());
    } catch {
      return permanent(
        'robot_webhook_invalid',
        `${label}机器人的 Webhook 地址无法解析：请重新复制并保存 Webhook 地址。`,
      );
    }
    let status: number;
    let retryAfter: string | null;
    let text: string;
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: request.body,
        // A webhook never redirects; following one could post the message somewhere else.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      text = await response.text();
    } catch (err) {
      return temporary(networkReason(label, err, this.timeoutMs));
    }
    if (status === 429) {
      return rateLimited(
        retryAfterMs(retryAfter, this.now()),
        `${label}服务器要求降低发送频率（HTTP 429），系统稍后重试。`,
      );
    }
    if (status >= 500) return temporary(`${label}服务器暂时出错（HTTP ${status}），系统稍后重试。`);
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      answer = null;
    }
    if (!answer || typeof answer !== 'object' || Array.isArray(answer)) {
      return temporary(`${label}服务器返回了无法识别的应答（HTTP ${status}），系统稍后重试。`);
    }
    return adapter.classify(answer as Record<string, unknown>);
  }
}
