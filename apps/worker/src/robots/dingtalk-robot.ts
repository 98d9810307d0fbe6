import { createHmac } from 'node:crypto';
import { type RobotSendResult } from '@rectify/application';
import {
  fitMessage,
  markdownLinkText,
  markdownLinkUrl,
  omittedLine,
  type FittedMessage,
} from './fit-message';
import { permanent, temporary, rateLimited, withPlatformCode, type RobotAdapter } from './robot-adapter';

/**
 * Largest request body sent to DingTalk, in UTF-8 bytes. The custom-robot page names no size; the
 * group-message API of the same platform allows 15,000 bytes, so we keep to that (docs/robots.md).
 */
export const DINGTALK_BODY_MAX_BYTES = 15_000;
/** DingTalk allows 20 messages a minute per robot and then blocks the robot for 10 minutes. */
const DINGTALK_RATE_LIMIT_WAIT_MS = 10 * 60_000;

/** 加签: base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret)); URL-encoding is left to URLSearchParams. */
export function dingtalkSign(timestampMs: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

function markdownText(fitted: FittedMessage): string {
  // DingTalk's markdown needs a blank line to break lines.
  const blocks = [`#### ${fitted.title}`];
  fitted.entries.forEach((entry, i) =>
    blocks.push(`${i + 1}. [${markdownLinkText(entry.text)}](${markdownLinkUrl(entry.url)})`),
  );
  if (fitted.omitted > 0) blocks.push(omittedLine(fitted.omitted));
  return blocks.join('\n\n');
}

/** Sorts a 310000 (a security setting refused the message) by what its errmsg names. */
function securityRefusal(fullErrmsg: string): { code: string; reason: string } {
  // Newer answers read "description:…;solution:…;link:…": only the description names the cause.
  const errmsg = /description:([^;]*)/.exec(fullErrmsg)?.[1] ?? fullErrmsg;
  if (/keyword|关键词/i.test(errmsg)) {
    return {
      code: 'dingtalk_keyword_missing',
      reason:
        '钉钉机器人的自定义关键词未出现在消息中：请在机器人安全设置中改用加签，或把关键词设为消息标题中的词。',
    };
  }
  if (/timestamp|时间戳/i.test(errmsg)) {
    return {
      code: 'dingtalk_clock_skew',
      reason: '钉钉认为发送时间与其服务器相差超过 1 小时：请校准本系统服务器的时间。',
    };
  }
  if (/\bip\b|白名单/i.test(errmsg)) {
    return {
      code: 'dingtalk_ip_refused',
      reason:
        '钉钉机器人的 IP 地址（段）设置不包含本系统服务器的出口 IP：请在机器人安全设置中添加，或改用加签。',
    };
  }
  if (/sign|签名/i.test(errmsg)) {
    return { code: 'dingtalk_sign_mismatch', reason: '钉钉机器人签名校验失败：请核对加签密钥（SEC 开头）。' };
  }
  return {
    code: 'dingtalk_security_refused',
    reason: '钉钉机器人的安全设置拒绝了消息：请核对加签密钥、关键词或 IP 设置。',
  };
}

/**
 * 钉钉自定义机器人: POST the webhook with, when a secret is set, `timestamp` (ms) and `sign` as URL
 * parameters; body `{ msgtype: 'markdown', markdown: { title, text } }`. Answers `{ errcode, errmsg }`.
 */
export const dingtalkRobot: RobotAdapter = {
  platform: 'dingtalk',

  request(target, message, now) {
    const url = new URL(target.webhookUrl);
    if (target.secret) {
      const timestamp = String(now.getTime());
      url.searchParams.set('timestamp', timestamp);
      url.searchParams.set('sign', dingtalkSign(timestamp, target.secret));
    }
    const body = fitMessage(message, DINGTALK_BODY_MAX_BYTES, (fitted) => {
      const json = JSON.stringify({
        msgtype: 'markdown',
        markdown: { title: fitted.title, text: markdownText(fitted) },
      });
      return { body: json, measured: json };
    });
    return { url: url.toString(), body };
  },

  classify(answer): RobotSendResult {
    const code = answer.errcode;
    const errmsg = typeof answer.errmsg === 'string' ? answer.errmsg : '';
    const said = (reason: string) => withPlatformCode(reason, 'errcode', code, errmsg);
    switch (code) {
      case 0:
        return { outcome: 'sent' };
      case 130101:
      case 410100:
        return rateLimited(
          DINGTALK_RATE_LIMIT_WAIT_MS,
          said('钉钉机器人发送过于频繁（每分钟最多 20 条，超过后限流 10 分钟），系统稍后重试。'),
        );
      case 300001:
      case 400101:
        return permanent(
          'dingtalk_invalid_token',
          said('钉钉机器人的 access_token 无效：机器人可能已被删除，请重新复制 Webhook 地址。'),
        );
      case 400102:
        return permanent('dingtalk_robot_stopped', said('钉钉机器人已停用：请在群设置中启用机器人。'));
      case 400106:
        return permanent(
          'dingtalk_robot_removed',
          said('钉钉机器人不存在：请确认机器人仍在群中，并重新复制 Webhook 地址。'),
        );
      case 400013:
        return permanent('dingtalk_group_dissolved', said('钉钉群已被解散：请改配其他群的机器人。'));
      case 310000: {
        const refusal = securityRefusal(errmsg);
        return permanent(refusal.code, said(refusal.reason));
      }
      case 430101:
      case 430102:
      case 430103:
      case 430104:
        return permanent(
          'dingtalk_content_refused',
          said('钉钉认为消息内容不合适而拒收：请联系系统维护人员。'),
        );
      case 400105:
      case 40035:
      case 43004:
        return permanent('dingtalk_bad_request', said('钉钉拒绝了消息格式：请联系系统维护人员。'));
      case -1:
        return temporary(said('钉钉系统繁忙，系统稍后重试。'));
      default:
        // Older robots answer "token is not exist" under other codes too.
        if (/token is not exist/i.test(errmsg)) {
          return permanent(
            'dingtalk_invalid_token',
            said('钉钉机器人的 access_token 无效：请重新复制 Webhook 地址。'),
          );
        }
        return temporary(said('钉钉返回了无法识别的应答，系统稍后重试。'));
    }
  },
};
