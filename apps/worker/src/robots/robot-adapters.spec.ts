import { type RobotMessage } from '@rectify/domain';
import { DINGTALK_BODY_MAX_BYTES, dingtalkRobot } from './dingtalk-robot';
import { FEISHU_BODY_MAX_BYTES, feishuRobot } from './feishu-robot';
import { utf8Bytes } from './fit-message';
import { WECOM_MARKDOWN_MAX_BYTES, wecomRobot } from './wecom-robot';

const now = new Date('2026-11-30T08:00:00Z');

describe('rendering within each platform limit', () => {
  const cases = [
    {
      adapter: wecomRobot,
      webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4',
      limited: (body: string) => (JSON.parse(body) as { markdown: { content: string } }).markdown.content,
      max: WECOM_MARKDOWN_MAX_BYTES,
    },
    {
      adapter: dingtalkRobot,
      webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789',
      limited: (body: string) => body,
      max: DINGTALK_BODY_MAX_BYTES,
    },
    {
      adapter: feishuRobot,
      webhookUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/2f1c8e0a-5b6d-4c3e',
      limited: (body: string) => body,
      max: FEISHU_BODY_MAX_BYTES,
    },
  ];

  it.each(cases)(
    '$adapter.platform never renders over its limit, however long the entries',
    ({ adapter, webhookUrl, limited, max }) => {
      const huge: RobotMessage = {
        title: '超长标题'.repeat(200),
        entries: [
          {
            text: '极长的问题描述'.repeat(2000),
            url: `https://rectify.example.cn/items/${'a'.repeat(30_000)}`,
          },
          ...Array.from({ length: 1000 }, (_, i) => ({
            text: `事项 ${i}`,
            url: `https://rectify.example.cn/items/${i}`,
          })),
        ],
      };
      const { body } = adapter.request(
        { platform: adapter.platform, webhookUrl, secret: 'SECsecret' },
        huge,
        now,
      );
      expect(utf8Bytes(limited(body))).toBeLessThanOrEqual(max);
      // The unsendable first entry is left out and counted, without hiding the ones after it.
      expect(body).not.toContain('a'.repeat(100));
      expect(body).toContain('https://rectify.example.cn/items/0');
      const omitted = Number(/另有 (\d+) 条，请登录系统查看。/.exec(body)?.[1]);
      const kept = body.match(/https:\/\/rectify\.example\.cn\/items\/\d+/g)?.length ?? 0;
      expect(kept).toBeGreaterThan(10);
      expect(kept + omitted).toBe(1001);
      // The title is clipped to 100 characters, ending with an ellipsis.
      expect(body).toMatch(/超长标…/);
    },
  );

  it.each(cases)(
    '$adapter.platform sends a short message whole, without the 另有 line',
    ({ adapter, webhookUrl }) => {
      const { body } = adapter.request(
        { platform: adapter.platform, webhookUrl, secret: null },
        { title: '提醒', entries: [{ text: '一条', url: 'https://rectify.example.cn/items/1' }] },
        now,
      );
      expect(body).toContain('https://rectify.example.cn/items/1');
      expect(body).not.toContain('另有');
    },
  );
});

describe('signatures as documented', () => {
  it('DingTalk adds timestamp (ms) and the URL-encoded sign to the webhook', () => {
    const { url } = dingtalkRobot.request(
      {
        platform: 'dingtalk',
        webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
        secret: 'this is secret',
      },
      { title: 't', entries: [] },
      new Date(1_600_000_000_000),
    );
    const params = new URL(url).searchParams;
    expect(params.get('access_token')).toBe('abc');
    expect(params.get('timestamp')).toBe('1600000000000');
    // base64(HmacSHA256("this is secret", "1600000000000\nthis is secret")), computed independently with Python's hmac.
    expect(params.get('sign')).toBe('MYEtKC4/NfMR1l4prX++ai6oOf70X1xOf6UlnyUhJH4=');
    expect(url).not.toMatch(/sign=[^&]*[+/=]/);
  });

  it('Feishu puts timestamp (seconds, a string) and sign in the body', () => {
    const { body } = feishuRobot.request(
      { platform: 'feishu', webhookUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc', secret: 'demo' },
      { title: 't', entries: [] },
      new Date(1_599_360_473_000),
    );
    const json = JSON.parse(body) as { timestamp: string; sign: string };
    expect(json.timestamp).toBe('1599360473');
    // base64(HmacSHA256(key "1599360473\ndemo", message "")), computed independently with Python's hmac.
    expect(json.sign).toBe('l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=');
  });
});

describe('classifying the platforms’ answers', () => {
  it.each([
    [wecomRobot, { errcode: 0, errmsg: 'ok' }, 'sent', undefined],
    [wecomRobot, { errcode: 45009, errmsg: 'api freq out of limit' }, 'rate_limited', undefined],
    [wecomRobot, { errcode: 93000, errmsg: 'invalid webhook url' }, 'permanent', 'wecom_invalid_key'],
    [
      wecomRobot,
      { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' },
      'permanent',
      'wecom_bad_request',
    ],
    [wecomRobot, { errcode: 123456, errmsg: 'something new' }, 'temporary', undefined],
    [
      dingtalkRobot,
      { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' },
      'rate_limited',
      undefined,
    ],
    [dingtalkRobot, { errcode: 410100, errmsg: '发送速度太快而限流' }, 'rate_limited', undefined],
    [dingtalkRobot, { errcode: 300001, errmsg: 'token is not exist' }, 'permanent', 'dingtalk_invalid_token'],
    [dingtalkRobot, { errcode: 400102, errmsg: '机器人已停用' }, 'permanent', 'dingtalk_robot_stopped'],
    [
      dingtalkRobot,
      { errcode: 310000, errmsg: 'keywords not in content' },
      'permanent',
      'dingtalk_keyword_missing',
    ],
    [
      dingtalkRobot,
      { errcode: 310000, errmsg: 'ip X.X.X.X not in whitelist' },
      'permanent',
      'dingtalk_ip_refused',
    ],
    [
      dingtalkRobot,
      {
        errcode: 310000,
        errmsg:
          'description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中',
      },
      'permanent',
      'dingtalk_sign_mismatch',
    ],
    [dingtalkRobot, { errcode: -1, errmsg: '系统繁忙' }, 'temporary', undefined],
    [feishuRobot, { code: 11232, msg: 'frequency limited' }, 'rate_limited', undefined],
    [feishuRobot, { code: 9499, msg: 'too many request' }, 'rate_limited', undefined],
    [feishuRobot, { code: 9499, msg: 'Bad Request' }, 'permanent', 'feishu_bad_request'],
    [feishuRobot, { code: 19022, msg: 'Ip Not Allowed' }, 'permanent', 'feishu_ip_refused'],
    [feishuRobot, { code: 19024, msg: 'Key Words Not Found' }, 'permanent', 'feishu_keyword_missing'],
    [feishuRobot, { StatusCode: 0, StatusMessage: 'success' }, 'sent', undefined],
    [feishuRobot, { unexpected: true }, 'temporary', undefined],
  ] as const)('%#: %j → %s', (adapter, answer, outcome, code) => {
    const result = adapter.classify(answer as Record<string, unknown>);
    expect(result.outcome).toBe(outcome);
    if (code) expect(result).toMatchObject({ code });
    if (result.outcome !== 'sent')
      expect((result as { reason: string }).reason).toMatch(/[\u4e00-\u9fa5].*（(errcode|code) /);
  });
});
