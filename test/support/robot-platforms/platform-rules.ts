import { type RobotPlatform } from '@rectify/domain';

/** A request as the stand-in read it off the wire. */
export interface PlatformRequest {
  method: string;
  /** Path and query as sent, resolved against the stand-in's origin. */
  url: URL;
  contentType: string;
  body: string;
}

/** What the stand-in kept of an accepted message: enough for a test to read it back. */
export interface ReceivedMessage {
  platform: RobotPlatform;
  /** `markdown` (WeCom, DingTalk) or `post` / `interactive` / `text` (Feishu). */
  msgtype: string;
  title: string;
  /** All the message's visible text, links included as `[text](url)` where the format has them. */
  text: string;
  links: { text: string; url: string }[];
  /** The parsed JSON body. */
  body: Record<string, unknown>;
  /** Size of the request body in UTF-8 bytes. */
  bytes: number;
  /** The credential of the robot it went to (a stand-in may play several robots). */
  key: string;
  /** When the stand-in accepted it (system clock). */
  receivedAt: Date;
}

/** A message as a platform's rules read it, before the stand-in notes its robot and time. */
export type AcceptedMessage = Omit<ReceivedMessage, 'key' | 'receivedAt'>;

/** The platform's answer: HTTP status and JSON body, in the platform's own shape and codes. */
export interface PlatformAnswer {
  status: number;
  answer: Record<string, unknown>;
}

export type Verdict = { accept: AcceptedMessage } | { refuse: PlatformAnswer };

/** Forced answers a test can ask for (see RobotStandIn.answerNext). */
export type ForcedAnswer = 'rate_limited' | 'invalid_key' | 'server_error';

/** The robot's configuration on the stand-in: its credential and, when signing is on, its secret. */
export interface StandInRobot {
  /** WeCom `key`, DingTalk `access_token` or Feishu hook token. */
  credential: string;
  secret: string | null;
}

/** One platform's documented request rules and answers. */
export interface PlatformRules {
  platform: RobotPlatform;
  /** Path (and query) of the robot's webhook, as the platform hands it out. */
  webhookPath(credential: string): string;
  /** The credential a request names (its key, access_token or hook token), or null. */
  credentialOf(url: URL): string | null;
  verify(request: PlatformRequest, robot: StandInRobot, now: Date): Verdict;
  /** The answer to an accepted message, and the answers tests can force. */
  answers: Record<'ok' | ForcedAnswer, PlatformAnswer>;
}

/** DingTalk and Feishu refuse a signature whose timestamp is more than an hour off. */
export const SIGNATURE_WINDOW_MS = 60 * 60 * 1000;

/** `application/json`, with or without `charset=utf-8` (any other charset is refused). */
export function isJsonUtf8(contentType: string): boolean {
  const [type, ...params] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => !param.startsWith('charset=') || param === 'charset=utf-8');
}

/** Parses a JSON object body, or null. */
export function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Links written `[text](url)` in markdown. */
export function markdownLinks(markdown: string): { text: string; url: string }[] {
  return [...markdown.matchAll(/\[([^\]]*)\]\(([^)\s]*)\)/g)].map((m) => ({ text: m[1], url: m[2] }));
}

export const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');
