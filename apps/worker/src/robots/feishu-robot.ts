import { createHmac } from 'node:crypto';
import { type RobotSendResult } from '@rectify/application';
import { fitMessage, omittedLine, type FittedMessage } from './fit-message';
import { permanent, temporary, rateLimited, withPlatformCode, type RobotAdapter } from './robot-adapter';

/** Feishu refuses request bodies over 20 KB (自定义机器人使用指南); we stay a little under. */
export const FEISHU_BODY_MAX_BYTES = 20_000;
/** Feishu allows 100 messages a minute and 5 a second per robot; after 11232 we wait a minute. */
const FEISHU_RATE_LIMIT_WAIT_MS = 60_000;

/** 签名校验: base64(HmacSHA256(key = timestamp + "\n" + secret, message = "")), timestamp in seconds. */
export function feishuSign(timestampSeconds: string, secret: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

type PostElement = { tag: 'text'; text: string } | { tag: 'a'; text: string; href: string };

function postContent(fitted: FittedMessage): PostElement[][] {
  const lines: PostElement[][] = fitted.entries.map((entry, i) => [
    { tag: 'text', text: `${i + 1}. ` },
    { tag: 'a', text: entry.text, href: entry.url },
  ]);
  if (fitted.omitted > 0) lines.push([{ tag: 'text', text: omittedLine(fitted.omitted) }]);
  return lines;
}

/** Reads `code` (current) or `StatusCode` (older answers) and the message beside it. */
function answerCode(answer: Record<string, unknown>): { code: unknown; msg: unknown } {
  return 'code' in answer
    ? { code: answer.code, msg: answer.msg }
    : { code: answer.StatusCode, msg: answer.StatusMessage };
}

/**
 * 飞书自定义机器人: POST the webhook with body `{ timestamp, sign, msg_type: 'post', content: { post:
 * { zh_cn: { title, content } } } }` (rich text: one line per entry with an `a` link); `timestamp`
 * (seconds, a string) and `sign` only when a secret is set. Answers `{ code, msg, data }`.
 */
export const feishuRobot: RobotAdapter = {
  platform: 'feishu',

  request(target, message, now) {
    const url = new URL(target.webhookUrl).toString();
    const signature: Record<string, string> = {};
    if (target.secret) {
      const timestamp = String(Math.floor(now.getTime() / 1000));
      signature.timestamp = timestamp;
      signature.sign = feishuSign(timestamp, target.secret);
    }
    const body = fitMessage(message, FEISHU_BODY_MAX_BYTES, (fitted) => {
      const json = JSON.stringify({
        ...signature,
        msg_type: 'post',
        content: { post: { zh_cn: { title: fitted.title, content: postContent(fitted) } } },
      });
      return { body: json, measured: json };
    });
    return { url, body };
  },

  classify(answer): RobotSendResult {
    const { code, msg } = answerCode(answer);
    const text = typeof msg === 'string' ? msg : '';
    const said = (reason: string) => withPlatformCode(reason, 'code', code, text);
    const throttled = (): RobotSendResult =>
      rateLimited(
        FEISHU_RATE_LIMIT_WAIT_MS,
        said('飞书机器人发送过于频繁（每分钟最多 100 条、每秒最多 5 条），系统稍后重试。'),
      );
    switch (code) {
      case 0:
        return { outcome: 'sent' };
      case 11232:
        return throttled();
      case 19001:
        return permanent(
          'feishu_invalid_token',
          said('飞书机器人的 Webhook 地址无效：机器人可能已被移除，请重新复制 Webhook 地址。'),
        );
      case 19021:
        return permanent(
          'feishu_sign_mismatch',
          said(
            '飞书机器人签名校验失败：请核对签名校验密钥，并确认本系统服务器时间准确（误差须在 1 小时内）。',
          ),
        );
      case 19022:
        return permanent(
          'feishu_ip_refused',
          said(
            '飞书机器人的 IP 白名单不包含本系统服务器的出口 IP：请在机器人安全设置中添加，或改用签名校验。',
          ),
        );
      case 19024:
        return permanent(
          'feishu_keyword_missing',
          said(
            '飞书机器人的自定义关键词未出现在消息中：请在机器人安全设置中改用签名校验，或把关键词设为消息标题中的词。',
          ),
        );
      case 9499:
        // 9499 is Feishu's "Bad Request"; some throttled answers reuse it with "too many request".
        if (/too many/i.test(text)) return throttled();
        return permanent('feishu_bad_request', said('飞书拒绝了消息格式：请联系系统维护人员。'));
      case 19002:
        return permanent('feishu_bad_request', said('飞书拒绝了消息格式：请联系系统维护人员。'));
      default:
        return temporary(said('飞书返回了无法识别的应答，系统稍后重试。'));
    }
  },
};
