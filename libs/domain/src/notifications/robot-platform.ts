/**
 * 群机器人平台: the group robots an organisation's notifications can be posted to. Pure: the
 * platforms, their labels, the platform-neutral message, and checking/masking a webhook address
 * as an administrator pastes it. Sending lives in the worker (apps/worker/src/robots).
 */
export type RobotPlatform = 'wecom' | 'dingtalk' | 'feishu';

export const ROBOT_PLATFORMS: readonly RobotPlatform[] = ['wecom', 'dingtalk', 'feishu'];

export const ROBOT_PLATFORM_LABELS: Record<RobotPlatform, string> = {
  wecom: '企业微信',
  dingtalk: '钉钉',
  feishu: '飞书',
};

/** A platform-neutral message: one per organisation per minute, many entries folded in. */
export interface RobotMessage {
  title: string;
  /** Each entry is one line of text with the item's link (an absolute http(s) address). */
  entries: { text: string; url: string }[];
}

/** How each platform's official webhook address looks (see docs/robots.md for the sources). */
interface WebhookForm {
  hosts: readonly string[];
  /** The credential's place: a query parameter, or the path segment after `pathPrefix`. */
  credential: { param: string } | { pathPrefix: string };
  /** The exact path when the credential is a query parameter. */
  path?: string;
  example: string;
}

const FORMS: Record<RobotPlatform, WebhookForm> = {
  wecom: {
    hosts: ['qyapi.weixin.qq.com'],
    path: '/cgi-bin/webhook/send',
    credential: { param: 'key' },
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
  },
  dingtalk: {
    hosts: ['oapi.dingtalk.com'],
    path: '/robot/send',
    credential: { param: 'access_token' },
    example: 'https://oapi.dingtalk.com/robot/send?access_token=…',
  },
  feishu: {
    // Lark, Feishu's international edition, serves the same custom-bot webhook.
    hosts: ['open.feishu.cn', 'open.larksuite.com'],
    credential: { pathPrefix: '/open-apis/bot/v2/hook/' },
    example: 'https://open.feishu.cn/open-apis/bot/v2/hook/…',
  },
};

/** Credentials are letters, digits and a few separators on every platform; anything else is a paste error. */
const CREDENTIAL = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Checks a webhook address as an administrator pastes it. Returns a Chinese problem that says
 * what to do, or null when the address has the platform's official form: https, the official host
 * and path, and the credential (WeCom `key`, DingTalk `access_token`, Feishu the token in the
 * path). `allowedHosts` (from config, for test and development stand-ins) are accepted besides
 * the official hosts, as `host` or `host:port`, and only for those is http allowed; the path and
 * credential rules still apply. Signing parameters (DingTalk `timestamp`/`sign`) are refused: the
 * sender adds them at each send from the secret.
 */
export function robotWebhookProblem(
  platform: RobotPlatform,
  webhookUrl: string,
  allowedHosts: readonly string[],
): string | null {
  const label = ROBOT_PLATFORM_LABELS[platform];
  const form = FORMS[platform];
  const copyHint = `请从${label}群机器人设置中完整复制 Webhook 地址，形如 ${form.example}`;
  const text = webhookUrl.trim();
  if (!text) return `请填写${label}机器人的 Webhook 地址。`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `Webhook 地址格式不正确：${copyHint}。`;
  }
  const standIn = allowedHosts.includes(url.host) || allowedHosts.includes(url.hostname);
  if (!form.hosts.includes(url.hostname) && !standIn) {
    return `这不是${label}机器人的地址（主机应为 ${form.hosts[0]}）：${copyHint}。`;
  }
  if (url.protocol !== 'https:' && !(standIn && url.protocol === 'http:')) {
    return `${label}机器人的 Webhook 地址必须以 https:// 开头。`;
  }
  if (url.username || url.password) return `Webhook 地址中不应包含用户名或密码：${copyHint}。`;
  if (!standIn && url.port) return `Webhook 地址中不应指定端口：${copyHint}。`;
  if ('param' in form.credential) {
    if (url.pathname !== form.path) {
      return `${label}机器人地址的路径应为 ${form.path}：${copyHint}。`;
    }
    const value = url.searchParams.get(form.credential.param);
    if (!value) return `地址缺少 ${form.credential.param} 参数：${copyHint}。`;
    if (!CREDENTIAL.test(value)) {
      return `地址中的 ${form.credential.param} 参数不完整或含有多余字符：${copyHint}。`;
    }
    if (url.searchParams.has('timestamp') || url.searchParams.has('sign')) {
      return `地址中不应包含 timestamp 或 sign 参数：加签由系统在每次发送时用密钥生成，请只粘贴机器人设置中的 Webhook 地址。`;
    }
    return null;
  }
  const prefix = form.credential.pathPrefix;
  if (!url.pathname.startsWith(prefix)) {
    return `${label}机器人地址的路径应以 ${prefix} 开头：${copyHint}。`;
  }
  const token = url.pathname.slice(prefix.length);
  if (!token) return `地址缺少机器人令牌：${copyHint}。`;
  if (!CREDENTIAL.test(token)) return `地址中的机器人令牌不完整或含有多余字符：${copyHint}。`;
  if (url.search) return `${label}机器人地址不应带有 ? 之后的参数：${copyHint}。`;
  return null;
}

/** Query parameters and path segments that carry a robot's credential on some platform. */
const SECRET_PARAMS = ['key', 'access_token', 'sign'];
const SECRET_PATH = /^(.*\/hook\/)([^/]+)(\/?)$/;

function maskValue(value: string): string {
  // Long credentials keep their ends so an administrator can tell two robots apart.
  return value.length >= 16 ? `${value.slice(0, 4)}****${value.slice(-4)}` : '****';
}

/**
 * The webhook shown again to an administrator with its credential masked: the values of `key`,
 * `access_token` and `sign`, and the token after `/hook/`, keep at most their first and last four
 * characters (`693a****5aaa`). An address that does not parse is masked whole (`****`).
 */
export function maskRobotWebhook(webhookUrl: string): string {
  let url: URL;
  try {
    url = new URL(webhookUrl.trim());
  } catch {
    return '****';
  }
  const path = url.pathname.replace(
    SECRET_PATH,
    (_all, head: string, token: string, tail: string) => `${head}${maskValue(token)}${tail}`,
  );
  const query = [...url.searchParams]
    .map(([name, value]) => `${name}=${SECRET_PARAMS.includes(name) ? maskValue(value) : value}`)
    .join('&');
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
}
