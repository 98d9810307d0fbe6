import {
  bytesOf,
  isJsonUtf8,
  jsonObject,
  markdownLinks,
  type PlatformAnswer,
  type PlatformRules,
} from './platform-rules';

/** markdown.content and text.content limits, in UTF-8 bytes (群机器人配置说明). */
const MARKDOWN_MAX_BYTES = 4096;
const TEXT_MAX_BYTES = 2048;

const wecomError = (errcode: number, errmsg: string): PlatformAnswer => ({
  status: 200,
  answer: {
    errcode,
    errmsg: `${errmsg}, hint: [stand-in], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`,
  },
});

/**
 * 企业微信群机器人 as documented: POST /cgi-bin/webhook/send?key=…, JSON body in UTF-8,
 * `msgtype` text or markdown with `content` within its byte limit. Every answer is HTTP 200 with
 * `{ errcode, errmsg }`: 93000 for a wrong or missing key, 40058 for a body it cannot take.
 */
export const wecomRules: PlatformRules = {
  platform: 'wecom',
  webhookPath: (key) => `/cgi-bin/webhook/send?key=${key}`,
  credentialOf: (url) => url.searchParams.get('key'),
  answers: {
    ok: { status: 200, answer: { errcode: 0, errmsg: 'ok' } },
    rate_limited: wecomError(45009, 'api freq out of limit'),
    invalid_key: wecomError(93000, 'invalid webhook url'),
    server_error: { status: 502, answer: { errcode: -1, errmsg: 'system busy' } },
  },

  verify(request, robot) {
    if (request.method !== 'POST' || request.url.pathname !== '/cgi-bin/webhook/send') {
      return { refuse: { status: 404, answer: { errcode: 404, errmsg: 'not found' } } };
    }
    if (request.url.searchParams.get('key') !== robot.credential) {
      return { refuse: wecomError(93000, 'invalid webhook url') };
    }
    if (!isJsonUtf8(request.contentType)) {
      return {
        refuse: wecomError(40058, 'invalid Request Parameter: content-type must be application/json'),
      };
    }
    const body = jsonObject(request.body);
    if (!body) return { refuse: wecomError(40058, 'invalid Request Parameter: body is not json') };
    const msgtype = body.msgtype;
    if (msgtype !== 'markdown' && msgtype !== 'text')
      return { refuse: wecomError(40008, 'invalid message type') };
    const part = body[msgtype] as { content?: unknown } | undefined;
    const content = part?.content;
    if (typeof content !== 'string' || content.length === 0) {
      return { refuse: wecomError(40058, `invalid Request Parameter: ${msgtype}.content missing`) };
    }
    const max = msgtype === 'markdown' ? MARKDOWN_MAX_BYTES : TEXT_MAX_BYTES;
    if (bytesOf(content) > max) {
      return {
        refuse: wecomError(40058, `${msgtype}.content exceed max length ${max}. invalid Request Parameter`),
      };
    }
    const firstLine = content.split('\n')[0] ?? '';
    return {
      accept: {
        platform: 'wecom',
        msgtype,
        title: firstLine.replace(/^\*\*(.*)\*\*$/, '$1'),
        text: content,
        links: markdownLinks(content),
        body,
        bytes: bytesOf(request.body),
      },
    };
  },
};
