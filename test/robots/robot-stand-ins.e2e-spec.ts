import { createHmac } from 'node:crypto';
import { startRobotStandIn, type RobotStandIn } from '../support/robot-platforms';

/**
 * The stand-ins are only worth their name if they refuse what the platforms refuse. These send
 * hand-made requests, each breaking one documented rule, and expect the platform's own answer.
 */
let standIn: RobotStandIn;
afterEach(() => standIn.close());

const post = async (url: string, body: string, contentType = 'application/json; charset=utf-8') => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, answer: (await response.json()) as Record<string, unknown> };
};

const markdown = (content: string) => JSON.stringify({ msgtype: 'markdown', markdown: { content } });

describe('WeCom stand-in', () => {
  beforeEach(async () => (standIn = await startRobotStandIn('wecom')));

  it('takes a markdown message of exactly 4096 bytes and refuses one byte more with 40058', async () => {
    expect((await post(standIn.webhookUrl, markdown('a'.repeat(4096)))).answer).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    const over = await post(standIn.webhookUrl, markdown('a'.repeat(4097)));
    expect(over.answer.errcode).toBe(40058);
    expect(standIn.received).toHaveLength(1);
  });

  it('refuses a wrong key with 93000 and a body that is not JSON', async () => {
    expect((await post(standIn.webhookUrl.replace(/key=.*/, 'key=nope'), markdown('x'))).answer.errcode).toBe(
      93000,
    );
    expect((await post(standIn.webhookUrl, markdown('x'), 'text/plain')).answer.errcode).toBe(40058);
    expect(
      (await post(standIn.webhookUrl, markdown('x'), 'application/json; charset=gbk')).answer.errcode,
    ).toBe(40058);
    expect(standIn.received).toHaveLength(0);
  });

  it('answers a GET or another path with 404', async () => {
    expect((await fetch(standIn.webhookUrl)).status).toBe(404);
    expect((await post(standIn.webhookUrl.replace('/send', '/sendx'), markdown('x'))).status).toBe(404);
  });
});

describe('DingTalk stand-in with 加签', () => {
  const secret = 'SECtest0123456789abcdef';
  beforeEach(async () => (standIn = await startRobotStandIn('dingtalk', { secret })));

  const body = JSON.stringify({ msgtype: 'markdown', markdown: { title: '标题', text: '#### 标题' } });
  const signFor = (timestamp: string) =>
    createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');

  it('takes a correctly signed message', async () => {
    const timestamp = String(Date.now());
    const url = `${standIn.webhookUrl}&timestamp=${timestamp}&sign=${encodeURIComponent(signFor(timestamp))}`;
    expect((await post(url, body)).answer).toEqual({ errcode: 0, errmsg: 'ok' });
  });

  it('refuses a signature that was not URL-encoded, as DingTalk does', async () => {
    // Find a timestamp whose signature has a '+', which an unencoded URL turns into a space.
    let timestamp = Date.now();
    while (!signFor(String(timestamp)).includes('+')) timestamp++;
    const url = `${standIn.webhookUrl}&timestamp=${timestamp}&sign=${signFor(String(timestamp))}`;
    expect((await post(url, body)).answer).toMatchObject({
      errcode: 310000,
      errmsg: expect.stringMatching(/^sign not match/),
    });
  });

  it('plays further robots on the same server, each with its own token and secret', async () => {
    const other = standIn.addRobot({ secret: 'SECother0123456789' });
    const signedUrl = (webhookUrl: string, key: string) => {
      const timestamp = String(Date.now());
      const sign = createHmac('sha256', key).update(`${timestamp}\n${key}`).digest('base64');
      return `${webhookUrl}&timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
    };
    expect((await post(signedUrl(other.webhookUrl, 'SECother0123456789'), body)).answer.errcode).toBe(0);
    expect((await post(signedUrl(standIn.webhookUrl, secret), body)).answer.errcode).toBe(0);
    // Each robot checks its own secret.
    expect((await post(signedUrl(other.webhookUrl, secret), body)).answer.errcode).toBe(310000);
    expect(
      (await post(signedUrl(other.webhookUrl.replace(other.key, 'unknown'), 'SECother0123456789'), body))
        .answer.errcode,
    ).toBe(300001);
    expect(standIn.received.map((m) => m.key)).toEqual([other.key, standIn.key]);
    expect(Number.isFinite(standIn.received[0].receivedAt.getTime())).toBe(true);
  });

  it('refuses a timestamp more than an hour off', async () => {
    const timestamp = String(Date.now() - 61 * 60 * 1000);
    const url = `${standIn.webhookUrl}&timestamp=${timestamp}&sign=${encodeURIComponent(signFor(timestamp))}`;
    expect((await post(url, body)).answer).toMatchObject({
      errcode: 310000,
      errmsg: expect.stringMatching(/^invalid timestamp/),
    });
  });

  it('refuses a markdown message without a title', async () => {
    const timestamp = String(Date.now());
    const url = `${standIn.webhookUrl}&timestamp=${timestamp}&sign=${encodeURIComponent(signFor(timestamp))}`;
    const untitled = JSON.stringify({ msgtype: 'markdown', markdown: { text: 'x' } });
    expect((await post(url, untitled)).answer.errcode).toBe(40035);
    expect(standIn.received).toHaveLength(0);
  });
});

describe('Feishu stand-in with 签名校验', () => {
  const secret = 'feishuSecret0123';
  beforeEach(async () => (standIn = await startRobotStandIn('feishu', { secret })));

  const signed = (extra: Record<string, unknown>, timestamp = String(Math.floor(Date.now() / 1000))) =>
    JSON.stringify({
      timestamp,
      sign: createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64'),
      ...extra,
    });
  const text = (t: string) => ({ msg_type: 'text', content: { text: t } });

  it('takes a signed text message and refuses a body over 20 KB with 9499', async () => {
    expect((await post(standIn.webhookUrl, signed(text('你好')))).answer.code).toBe(0);
    const over = await post(standIn.webhookUrl, signed(text('x'.repeat(20 * 1024))));
    expect(over).toMatchObject({ status: 400, answer: { code: 9499 } });
  });

  it('refuses a signature made with the timestamp in milliseconds', async () => {
    const answer = (await post(standIn.webhookUrl, signed(text('x'), String(Date.now())))).answer;
    expect(answer).toMatchObject({ code: 19021 });
  });

  it('refuses a rich-text link without a valid href', async () => {
    const post_ = { zh_cn: { title: 't', content: [[{ tag: 'a', text: '链接', href: 'not a url' }]] } };
    const answer = (await post(standIn.webhookUrl, signed({ msg_type: 'post', content: { post: post_ } })))
      .answer;
    expect(answer.code).toBe(9499);
    expect(standIn.received).toHaveLength(0);
  });
});
