import { maskRobotWebhook, robotWebhookProblem } from './robot-platform';

const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
const DINGTALK =
  'https://oapi.dingtalk.com/robot/send?access_token=566cc69da782ec0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const FEISHU = 'https://open.feishu.cn/open-apis/bot/v2/hook/2f1c8e0a-5b6d-4c3e-9f70-1a2b3c4d5e6f';

describe('robotWebhookProblem', () => {
  it("accepts each platform's official webhook address", () => {
    expect(robotWebhookProblem('wecom', WECOM, [])).toBeNull();
    expect(robotWebhookProblem('dingtalk', DINGTALK, [])).toBeNull();
    expect(robotWebhookProblem('feishu', FEISHU, [])).toBeNull();
    expect(
      robotWebhookProblem('feishu', FEISHU.replace('open.feishu.cn', 'open.larksuite.com'), []),
    ).toBeNull();
  });

  it('accepts an address pasted with spaces around it', () => {
    expect(robotWebhookProblem('wecom', `  ${WECOM}\n`, [])).toBeNull();
  });

  it('refuses http on an official host', () => {
    expect(robotWebhookProblem('wecom', WECOM.replace('https:', 'http:'), [])).toBe(
      '企业微信机器人的 Webhook 地址必须以 https:// 开头。',
    );
  });

  it("refuses another platform's address or another host, naming the expected host", () => {
    expect(robotWebhookProblem('dingtalk', WECOM, [])).toMatch(
      /^这不是钉钉机器人的地址（主机应为 oapi\.dingtalk\.com）/,
    );
    expect(
      robotWebhookProblem('feishu', 'https://example.com/open-apis/bot/v2/hook/abcdefgh12345678', []),
    ).toMatch(/^这不是飞书机器人的地址/);
  });

  it('refuses an address without its key, token or hook token', () => {
    expect(robotWebhookProblem('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send', [])).toMatch(
      /^地址缺少 key 参数：请从企业微信群机器人设置中完整复制 Webhook 地址/,
    );
    expect(robotWebhookProblem('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=', [])).toMatch(
      /^地址缺少 access_token 参数/,
    );
    expect(robotWebhookProblem('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/', [])).toMatch(
      /^地址缺少机器人令牌/,
    );
  });

  it('refuses a truncated credential, a wrong path, a port and nothing at all', () => {
    expect(
      robotWebhookProblem('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a', []),
    ).toMatch(/key 参数不完整/);
    expect(
      robotWebhookProblem(
        'dingtalk',
        'https://oapi.dingtalk.com/robot/sendx?access_token=abcdefgh12345678',
        [],
      ),
    ).toMatch(/路径应为 \/robot\/send/);
    expect(robotWebhookProblem('wecom', WECOM.replace('qq.com', 'qq.com:8443'), [])).toMatch(/不应指定端口/);
    expect(robotWebhookProblem('feishu', ' ', [])).toBe('请填写飞书机器人的 Webhook 地址。');
    expect(robotWebhookProblem('feishu', 'open.feishu.cn/open-apis/bot/v2/hook/x', [])).toMatch(
      /^Webhook 地址格式不正确/,
    );
  });

  it('refuses DingTalk signing parameters pasted into the address', () => {
    expect(robotWebhookProblem('dingtalk', `${DINGTALK}&timestamp=1700000000000&sign=abc`, [])).toMatch(
      /^地址中不应包含 timestamp 或 sign 参数/,
    );
  });

  it('accepts an allowed stand-in host over http, by host or host:port, with the same path rules', () => {
    const standIn = 'http://127.0.0.1:4010/cgi-bin/webhook/send?key=693a91f6-7aoc-4bc4';
    expect(robotWebhookProblem('wecom', standIn, ['127.0.0.1:4010'])).toBeNull();
    expect(robotWebhookProblem('wecom', standIn, ['127.0.0.1'])).toBeNull();
    expect(robotWebhookProblem('wecom', standIn, [])).toMatch(/^这不是企业微信机器人的地址/);
    expect(
      robotWebhookProblem('wecom', 'http://127.0.0.1:4010/other?key=693a91f6-7aoc-4bc4', ['127.0.0.1']),
    ).toMatch(/路径应为 \/cgi-bin\/webhook\/send/);
  });
});

describe('maskRobotWebhook', () => {
  it('keeps only the ends of each credential', () => {
    expect(maskRobotWebhook(WECOM)).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a****5aaa');
    expect(maskRobotWebhook(DINGTALK)).toBe('https://oapi.dingtalk.com/robot/send?access_token=566c****e8f9');
    expect(maskRobotWebhook(FEISHU)).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/2f1c****5e6f');
  });

  it('masks short credentials and unreadable addresses whole', () => {
    expect(maskRobotWebhook('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=short')).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****',
    );
    expect(maskRobotWebhook('not a url with secret-token')).toBe('****');
  });

  it('never shows the credential it was given', () => {
    for (const url of [WECOM, DINGTALK, FEISHU]) {
      const secret = url.split(/key=|access_token=|\/hook\//)[1];
      expect(maskRobotWebhook(url)).not.toContain(secret);
    }
  });
});
