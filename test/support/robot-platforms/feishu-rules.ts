import { createHmac } from 'node:crypto';
import {
  bytesOf,
  isJsonUtf8,
  jsonObject,
  SIGNATURE_WINDOW_MS,
  type PlatformAnswer,
  type PlatformRules,
  type AcceptedMessage,
} from './platform-rules';

/** Feishu refuses request bodies over 20 KB (自定义机器人使用指南). */
const BODY_MAX_BYTES = 20 * 1024;
const HOOK_PREFIX = '/open-apis/bot/v2/hook/';

const feishuError = (code: number, msg: string, status = 200): PlatformAnswer => ({
  status,
  answer: { code, msg, data: {} },
});
const badRequest = (detail: string) => feishuError(9499, `Bad Request: ${detail}`, 400);

type Post = { title?: unknown; content?: unknown };

/** Reads a `post` rich text: one array of elements per line; tags text, a (with a valid href), at, img. */
function readPost(post: Post): Omit<AcceptedMessage, 'platform' | 'msgtype' | 'body' | 'bytes'> | string {
  if (!Array.isArray(post.content)) return 'post content must be an array of lines';
  const links: { text: string; url: string }[] = [];
  const lines: string[] = [];
  for (const line of post.content as unknown[]) {
    if (!Array.isArray(line)) return 'each post line must be an array';
    let text = '';
    for (const element of line as Record<string, unknown>[]) {
      if (element?.tag === 'text' && typeof element.text === 'string') text += element.text;
      else if (element?.tag === 'a' && typeof element.text === 'string' && typeof element.href === 'string') {
        try {
          new URL(element.href);
        } catch {
          return `invalid href: ${element.href}`;
        }
        links.push({ text: element.text, url: element.href });
        text += `[${element.text}](${element.href})`;
      } else if (element?.tag !== 'at' && element?.tag !== 'img')
        return `unsupported post element: ${JSON.stringify(element)}`;
    }
    lines.push(text);
  }
  return { title: typeof post.title === 'string' ? post.title : '', text: lines.join('\n'), links };
}

/**
 * 飞书自定义机器人 as documented: POST /open-apis/bot/v2/hook/<token>, JSON body in UTF-8 of at
 * most 20 KB; with 签名校验 the body carries `timestamp` (seconds, within an hour of now) and `sign`
 * = base64(HmacSHA256(key = timestamp+"\n"+secret, message = "")). `msg_type` post (rich text),
 * interactive (card) or text. Answers `{ code, msg, data }`: 19001 unknown token, 19021 signature,
 * 9499 Bad Request, 11232 frequency limited.
 */
export const feishuRules: PlatformRules = {
  platform: 'feishu',
  webhookPath: (token) => `${HOOK_PREFIX}${token}`,
  credentialOf: (url) =>
    url.pathname.startsWith(HOOK_PREFIX) ? url.pathname.slice(HOOK_PREFIX.length) : null,
  answers: {
    ok: {
      status: 200,
      answer: { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' },
    },
    rate_limited: feishuError(11232, 'frequency limited'),
    invalid_key: feishuError(19001, 'param invalid: incoming webhook access token invalid'),
    server_error: { status: 503, answer: { code: 2200, msg: 'internal error', data: {} } },
  },

  verify(request, robot, now) {
    if (request.method !== 'POST' || !request.url.pathname.startsWith(HOOK_PREFIX)) {
      return { refuse: { status: 404, answer: { code: 404, msg: 'page not found', data: {} } } };
    }
    if (request.url.pathname.slice(HOOK_PREFIX.length) !== robot.credential) {
      return { refuse: feishuError(19001, 'param invalid: incoming webhook access token invalid') };
    }
    if (!isJsonUtf8(request.contentType))
      return { refuse: badRequest('content-type must be application/json') };
    if (bytesOf(request.body) > BODY_MAX_BYTES) return { refuse: badRequest('request body exceeds 20 KB') };
    const body = jsonObject(request.body);
    if (!body) return { refuse: badRequest('fail to parse body') };
    if (robot.secret) {
      const timestamp = typeof body.timestamp === 'string' ? body.timestamp : '';
      const expected = createHmac('sha256', `${timestamp}\n${robot.secret}`).update('').digest('base64');
      const fresh =
        /^\d{10}$/.test(timestamp) &&
        Math.abs(now.getTime() - Number(timestamp) * 1000) <= SIGNATURE_WINDOW_MS;
      if (!fresh || body.sign !== expected) {
        return {
          refuse: feishuError(19021, 'sign match fail or timestamp is not within one hour from current time'),
        };
      }
    }
    const msgtype = body.msg_type;
    const content = body.content as Record<string, unknown> | undefined;
    const kept = (read: Omit<AcceptedMessage, 'platform' | 'msgtype' | 'body' | 'bytes'>) => ({
      accept: {
        platform: 'feishu' as const,
        msgtype: String(msgtype),
        ...read,
        body,
        bytes: bytesOf(request.body),
      },
    });
    if (msgtype === 'post') {
      const languages = (content?.post ?? null) as Record<string, Post> | null;
      const post = languages && (languages.zh_cn ?? Object.values(languages)[0]);
      if (!post) return { refuse: badRequest('content.post missing') };
      const read = readPost(post);
      return typeof read === 'string' ? { refuse: badRequest(read) } : kept(read);
    }
    if (msgtype === 'interactive') {
      const card = body.card as Record<string, unknown> | undefined;
      if (!card || typeof card !== 'object') return { refuse: badRequest('card missing') };
      return kept({ title: '', text: JSON.stringify(card), links: [] });
    }
    if (msgtype === 'text') {
      const text = content?.text;
      if (typeof text !== 'string' || !text) return { refuse: badRequest('content.text missing') };
      return kept({ title: '', text, links: [] });
    }
    return { refuse: feishuError(19002, 'params error, msg_type need') };
  },
};
