import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type RobotSendResult } from '@rectify/application';
import { ROBOT_PLATFORMS, type RobotMessage, type RobotPlatform } from '@rectify/domain';
import { startRobotStandIn, type RobotStandIn } from '../../../../test/support/robot-platforms';
import { HttpRobotSender } from './http-robot-sender';

const message: RobotMessage = {
  title: '整改事项提醒：东坡村党支部',
  entries: [
    {
      text: '【红灯】组织生活会制度落实不到位，已逾期 3 个工作日',
      url: 'https://rectify.example.cn/items/11111111',
    },
    { text: '【黄灯】党员发展程序不规范 [第二批]', url: 'https://rectify.example.cn/items/22222222' },
  ],
};

/** Secrets in each platform's own style. */
const SECRETS: Record<RobotPlatform, string | null> = {
  wecom: null,
  dingtalk: 'SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc',
  feishu: 'qJ8Y2mPzR5tVw7xB',
};

let standIns: RobotStandIn[] = [];
const start = async (platform: RobotPlatform, secret = SECRETS[platform]) => {
  const standIn = await startRobotStandIn(platform, secret ? { secret } : {});
  standIns.push(standIn);
  return standIn;
};
const target = (standIn: RobotStandIn, secret = standIn.secret) => ({
  platform: standIn.platform,
  webhookUrl: standIn.webhookUrl,
  secret,
});

afterEach(async () => {
  await Promise.all(standIns.map((s) => s.close()));
  standIns = [];
});

describe.each(ROBOT_PLATFORMS)('HttpRobotSender to the %s stand-in', (platform) => {
  it('delivers the message in the platform format, every entry with its link', async () => {
    const standIn = await start(platform);
    const result = await new HttpRobotSender().send(target(standIn), message);
    expect(result).toEqual({ outcome: 'sent' });
    expect(standIn.received).toHaveLength(1);
    const got = standIn.received[0];
    expect(got.title).toContain('整改事项提醒：东坡村党支部');
    expect(got.links.map((l) => l.url)).toEqual(message.entries.map((e) => e.url));
    expect(got.text).toContain('组织生活会制度落实不到位');
    expect(got.text).not.toContain('另有');
  });

  it('classifies a wrong key as permanent, with a Chinese reason carrying the platform code', async () => {
    const standIn = await start(platform);
    const wrong = {
      ...target(standIn),
      webhookUrl: standIn.webhookUrl.replace(standIn.key, `x${standIn.key.slice(1)}`),
    };
    const result = await new HttpRobotSender().send(wrong, message);
    expect(result).toMatchObject({
      outcome: 'permanent',
      code: `${platform}_invalid_${platform === 'wecom' ? 'key' : 'token'}`,
    });
    expect((result as { reason: string }).reason).toMatch(/Webhook 地址|access_token/);
    expect((result as { reason: string }).reason).toMatch(/93000|300001|19001/);
    expect(standIn.received).toHaveLength(0);
  });

  it("classifies the platform's rate-limit answer as rate_limited, then delivers when it lifts", async () => {
    const standIn = await start(platform);
    standIn.answerNext('rate_limited');
    const sender = new HttpRobotSender();
    const limited = await sender.send(target(standIn), message);
    expect(limited.outcome).toBe('rate_limited');
    expect((limited as { retryAfterMs: number }).retryAfterMs).toBeGreaterThanOrEqual(60_000);
    expect((limited as { reason: string }).reason).toMatch(/频繁.*（(errcode|code) (45009|130101|11232)/);
    expect(standIn.received).toHaveLength(0);
    expect(await sender.send(target(standIn), message)).toEqual({ outcome: 'sent' });
  });

  it('classifies a server error as temporary', async () => {
    const standIn = await start(platform);
    standIn.answerNext('server_error');
    const result = await new HttpRobotSender().send(target(standIn), message);
    expect(result.outcome).toBe('temporary');
    expect((result as { reason: string }).reason).toMatch(/HTTP 5\d\d/);
  });

  it('classifies a server that is down as temporary', async () => {
    const standIn = await start(platform);
    await standIn.close();
    const result = await new HttpRobotSender().send(target(standIn), message);
    expect(result.outcome).toBe('temporary');
    expect((result as { reason: string }).reason).toMatch(/^无法连接.*ECONNREFUSED/);
  });

  it('gives up after its timeout, and the stand-in does not count the message it answers too late', async () => {
    const standIn = await start(platform);
    const release = standIn.holdRequests();
    const sending = new HttpRobotSender({ timeoutMs: 300 }).send(target(standIn), message);
    await standIn.whenHeld();
    const result = await sending;
    expect(result.outcome).toBe('temporary');
    expect((result as { reason: string }).reason).toContain('0.3 秒内没有应答');
    await standIn.whenAbandoned();
    release();
    // A later message on the same stand-in is answered and counted, so the first one was not.
    expect(await new HttpRobotSender().send(target(standIn), message)).toEqual({ outcome: 'sent' });
    expect(standIn.received).toHaveLength(1);
  });

  it('truncates an over-long message to fit the platform limit, ending with the 另有 N 条 line', async () => {
    const standIn = await start(platform);
    const many: RobotMessage = {
      title: message.title,
      entries: Array.from({ length: 400 }, (_, i) => ({
        text: `第 ${i + 1} 项：村级组织阵地建设台账资料不完整，需补齐会议记录与照片`,
        url: `https://rectify.example.cn/items/${String(i).padStart(8, '0')}`,
      })),
    };
    expect(await new HttpRobotSender().send(target(standIn), many)).toEqual({ outcome: 'sent' });
    const got = standIn.received[0];
    const kept = got.links.length;
    expect(kept).toBeGreaterThan(5);
    expect(kept).toBeLessThan(400);
    expect(got.links.map((l) => l.url)).toEqual(many.entries.slice(0, kept).map((e) => e.url));
    expect(got.text).toContain(`另有 ${400 - kept} 条，请登录系统查看。`);
  });
});

describe('signatures', () => {
  it.each(['dingtalk', 'feishu'] as const)(
    'a %s robot whose signing secret does not match refuses the message, classified permanent',
    async (platform) => {
      const standIn = await start(platform);
      const result = await new HttpRobotSender().send(target(standIn, 'SECwrongwrongwrong'), message);
      expect(result).toMatchObject({ outcome: 'permanent', code: `${platform}_sign_mismatch` });
      expect((result as { reason: string }).reason).toMatch(
        platform === 'dingtalk'
          ? /^钉钉机器人签名校验失败：请核对加签密钥.*errcode 310000：sign not match/
          : /^飞书机器人签名校验失败.*code 19021/,
      );
      expect(standIn.refused).toHaveLength(1);
      expect(standIn.received).toHaveLength(0);
    },
  );

  it.each(['dingtalk', 'feishu'] as const)(
    'a %s robot with signing on refuses an unsigned message',
    async (platform) => {
      const standIn = await start(platform);
      const result = await new HttpRobotSender().send(target(standIn, null), message);
      expect(result.outcome).toBe('permanent');
      expect(standIn.received).toHaveLength(0);
    },
  );

  it.each(['dingtalk', 'feishu'] as const)(
    'a %s signature made two hours ago is refused',
    async (platform) => {
      const standIn = await start(platform);
      const twoHoursAgo = () => new Date(Date.now() - 2 * 60 * 60 * 1000);
      const result = await new HttpRobotSender({ now: twoHoursAgo }).send(target(standIn), message);
      expect(result).toMatchObject({
        outcome: 'permanent',
        code: platform === 'dingtalk' ? 'dingtalk_clock_skew' : 'feishu_sign_mismatch',
      });
      expect((result as { reason: string }).reason).toMatch(/时间/);
    },
  );

  it.each(['dingtalk', 'feishu'] as const)(
    'a %s robot without signing takes an unsigned message',
    async (platform) => {
      const standIn = await start(platform, null);
      expect(await new HttpRobotSender().send(target(standIn), message)).toEqual({ outcome: 'sent' });
    },
  );
});

describe('HTTP answers outside the platforms’ JSON', () => {
  let server: Server;
  let answer: (res: import('node:http').ServerResponse) => void;
  let url = '';

  beforeEach(async () => {
    server = createServer((req, res) => req.resume().on('end', () => answer(res)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=abcdefgh-1234`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (): Promise<RobotSendResult> =>
    new HttpRobotSender().send({ platform: 'wecom', webhookUrl: url, secret: null }, message);

  it('treats HTTP 429 as rate_limited, honouring Retry-After', async () => {
    answer = (res) => res.writeHead(429, { 'retry-after': '30' }).end('too many');
    expect(await send()).toMatchObject({ outcome: 'rate_limited', retryAfterMs: 30_000 });
  });

  it('treats an answer that is not JSON as temporary', async () => {
    answer = (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>gateway</html>');
    expect(await send()).toMatchObject({ outcome: 'temporary' });
  });

  it('treats a redirect as temporary and does not follow it', async () => {
    answer = (res) => res.writeHead(302, { location: 'https://elsewhere.example/' }).end();
    expect(await send()).toMatchObject({ outcome: 'temporary' });
  });

  it('reports a stored address that does not parse as permanent', async () => {
    const result = await new HttpRobotSender().send(
      { platform: 'feishu', webhookUrl: 'not a url', secret: null },
      message,
    );
    expect(result).toMatchObject({ outcome: 'permanent', code: 'robot_webhook_invalid' });
  });
});
