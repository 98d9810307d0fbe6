import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  bytesOf,
  isJsonUtf8,
  jsonObject,
  markdownLinks,
  SIGNATURE_WINDOW_MS,
  type PlatformAnswer,
  type PlatformRules,
} from './platform-rules';

/**
 * Largest body accepted. DingTalk's custom-robot page names no size; this is the 15,000 bytes its
 * group-message API documents, the same figure the sender keeps to (docs/robots.md). DingTalk
 * documents no code for an over-size body, so the stand-in answers HTTP 413.
 */
const BODY_MAX_BYTES = 15_000;

const dingtalkError = (errcode: number, errmsg: string): PlatformAnswer => ({
  status: 200,
  answer: { errcode, errmsg },
});
const MORE = 'more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]';

function expectedSign(timestamp: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest();
}

/**
 * 钉钉自定义机器人 as documented: POST /robot/send?access_token=…, and with 加签 also `timestamp`
 * (ms, within an hour of now) and `sign` = urlEncode(base64(HmacSHA256(secret, timestamp+"\n"+secret)));
 * JSON body in UTF-8 with `msgtype` markdown (`title` and `text`) or text. Answers HTTP 200 with
 * `{ errcode, errmsg }`: 300001 for an unknown token, 310000 for a failed security check.
 */
export const dingtalkRules: PlatformRules = {
  platform: 'dingtalk',
  webhookPath: (token) => `/robot/send?access_token=${token}`,
  credentialOf: (url) => url.searchParams.get('access_token'),
  answers: {
    ok: { status: 200, answer: { errcode: 0, errmsg: 'ok' } },
    rate_limited: dingtalkError(130101, 'send too fast, exceed 20 times per minute'),
    invalid_key: dingtalkError(300001, 'token is not exist'),
    server_error: { status: 500, answer: { errcode: -1, errmsg: '系统繁忙' } },
  },

  verify(request, robot, now) {
    if (request.method !== 'POST' || request.url.pathname !== '/robot/send') {
      return { refuse: { status: 404, answer: { errcode: 404, errmsg: '请求的URI地址不存在' } } };
    }
    const params = request.url.searchParams;
    if (params.get('access_token') !== robot.credential)
      return { refuse: dingtalkError(300001, 'token is not exist') };
    if (robot.secret) {
      const timestamp = params.get('timestamp') ?? '';
      const sign = params.get('sign') ?? '';
      if (!/^\d{13}$/.test(timestamp) || Math.abs(now.getTime() - Number(timestamp)) > SIGNATURE_WINDOW_MS) {
        return { refuse: dingtalkError(310000, `invalid timestamp, ${MORE}`) };
      }
      const given = Buffer.from(sign, 'base64');
      const expected = expectedSign(timestamp, robot.secret);
      if (
        given.length !== expected.length ||
        !timingSafeEqual(given, expected) ||
        given.toString('base64') !== sign
      ) {
        return { refuse: dingtalkError(310000, `sign not match, ${MORE}`) };
      }
    }
    if (!isJsonUtf8(request.contentType))
      return { refuse: dingtalkError(43004, '无效的HTTP HEADER Content-Type') };
    if (bytesOf(request.body) > BODY_MAX_BYTES) {
      return {
        refuse: { status: 413, answer: { errcode: 413, errmsg: 'request body too large (stand-in)' } },
      };
    }
    const body = jsonObject(request.body);
    if (!body) return { refuse: dingtalkError(40035, '缺少参数 json') };
    if (body.msgtype === 'markdown') {
      const markdown = body.markdown as { title?: unknown; text?: unknown } | undefined;
      if (
        typeof markdown?.title !== 'string' ||
        !markdown.title ||
        typeof markdown.text !== 'string' ||
        !markdown.text
      ) {
        return { refuse: dingtalkError(40035, '缺少参数 markdown.title 或 markdown.text') };
      }
      return {
        accept: {
          platform: 'dingtalk',
          msgtype: 'markdown',
          title: markdown.title,
          text: markdown.text,
          links: markdownLinks(markdown.text),
          body,
          bytes: bytesOf(request.body),
        },
      };
    }
    if (body.msgtype === 'text') {
      const content = (body.text as { content?: unknown } | undefined)?.content;
      if (typeof content !== 'string' || !content)
        return { refuse: dingtalkError(40035, '缺少参数 text.content') };
      return {
        accept: {
          platform: 'dingtalk',
          msgtype: 'text',
          title: '',
          text: content,
          links: [],
          body,
          bytes: bytesOf(request.body),
        },
      };
    }
    return { refuse: dingtalkError(400105, '不支持的消息类型') };
  },
};
