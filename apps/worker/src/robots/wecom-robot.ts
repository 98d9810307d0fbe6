import { type RobotSendResult } from '@rectify/application';
import {
  fitMessage,
  markdownLinkText,
  markdownLinkUrl,
  omittedLine,
  type FittedMessage,
} from './fit-message';
import { permanent, temporary, rateLimited, withPlatformCode, type RobotAdapter } from './robot-adapter';

/** WeCom markdown `content`: at most 4096 bytes of UTF-8 (群机器人配置说明, docs/robots.md). */
export const WECOM_MARKDOWN_MAX_BYTES = 4096;
/** WeCom allows 20 messages a minute per robot; after 45009 we wait out that minute. */
const WECOM_RATE_LIMIT_WAIT_MS = 60_000;

function markdown(fitted: FittedMessage): string {
  const lines = [`**${fitted.title}**`];
  fitted.entries.forEach((entry, i) =>
    lines.push(`${i + 1}. [${markdownLinkText(entry.text)}](${markdownLinkUrl(entry.url)})`),
  );
  if (fitted.omitted > 0) lines.push(`<font color="comment">${omittedLine(fitted.omitted)}</font>`);
  return lines.join('\n');
}

/**
 * 企业微信群机器人: POST the webhook as pasted (the `key` in it is the credential; no signature),
 * body `{ msgtype: 'markdown', markdown: { content } }`. Answers `{ errcode, errmsg }`.
 */
export const wecomRobot: RobotAdapter = {
  platform: 'wecom',

  request(target, message) {
    const url = new URL(target.webhookUrl).toString();
    const body = fitMessage(message, WECOM_MARKDOWN_MAX_BYTES, (fitted) => {
      const content = markdown(fitted);
      return { body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }), measured: content };
    });
    return { url, body };
  },

  classify(answer): RobotSendResult {
    const code = answer.errcode;
    const said = (reason: string) => withPlatformCode(reason, 'errcode', code, answer.errmsg);
    switch (code) {
      case 0:
        return { outcome: 'sent' };
      case 45009:
        return rateLimited(
          WECOM_RATE_LIMIT_WAIT_MS,
          said('企业微信机器人发送过于频繁（每个机器人每分钟最多 20 条），系统稍后重试。'),
        );
      case 93000:
        return permanent(
          'wecom_invalid_key',
          said(
            '企业微信机器人的 Webhook 地址无效：机器人可能已被移出群聊或 key 有误，请重新复制 Webhook 地址。',
          ),
        );
      case 40008:
      case 40058:
        return permanent('wecom_bad_request', said('企业微信拒绝了消息格式：请联系系统维护人员。'));
      case -1:
        return temporary(said('企业微信系统繁忙，系统稍后重试。'));
      default:
        return temporary(said('企业微信返回了无法识别的应答，系统稍后重试。'));
    }
  },
};
