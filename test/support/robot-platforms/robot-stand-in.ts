import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type RobotPlatform } from '@rectify/domain';
import { dingtalkRules } from './dingtalk-rules';
import { feishuRules } from './feishu-rules';
import {
  type ForcedAnswer,
  type PlatformAnswer,
  type PlatformRules,
  type ReceivedMessage,
  type StandInRobot,
} from './platform-rules';
import { wecomRules } from './wecom-rules';

const RULES: Record<RobotPlatform, PlatformRules> = {
  wecom: wecomRules,
  dingtalk: dingtalkRules,
  feishu: feishuRules,
};

export interface RobotStandInOptions {
  /** Turns on signing (DingTalk 加签, Feishu 签名校验) with this secret. */
  secret?: string;
  /** The robot's credential (WeCom key, DingTalk access_token, Feishu hook token); random by default. */
  key?: string;
  /** The stand-in's clock for checking signature timestamps; the system clock by default. */
  now?: () => Date;
}

/** A further robot the same stand-in plays (see RobotStandIn.addRobot). */
export interface StandInRobotAddress {
  webhookUrl: string;
  key: string;
  secret: string | null;
}

/** A refused request: what came in and what the stand-in answered. */
export interface RefusedRequest {
  path: string;
  answer: PlatformAnswer;
}

/** A running stand-in for one platform's robot (see startRobotStandIn). */
export interface RobotStandIn {
  readonly platform: RobotPlatform;
  /** The webhook address of the robot, as the platform would hand it out (http on 127.0.0.1). */
  readonly webhookUrl: string;
  /** `host:port`, for the allowed-hosts configuration. */
  readonly host: string;
  readonly key: string;
  readonly secret: string | null;
  /** Messages accepted and answered while their client still waited, each with its robot's `key`. */
  readonly received: ReceivedMessage[];
  /** Requests refused by a documented rule (wrong key, signature, body …), with the answer given. */
  readonly refused: RefusedRequest[];
  /** The next `times` valid messages get this answer instead of success (and are not received). */
  answerNext(kind: ForcedAnswer, times?: number): void;
  /**
   * Holds every valid message from now on before answering; returns `release`, which answers
   * them. A message whose client went away while held is not received.
   */
  holdRequests(): () => void;
  /**
   * Plays one more robot of the same platform on this server, with its own credential (random
   * unless given) and secret (none unless given); its messages land in `received` under its key.
   * A request naming no robot the stand-in plays is checked against the first, so refused.
   */
  addRobot(options?: { key?: string; secret?: string }): StandInRobotAddress;
  /** Resolves once `count` messages are being held. */
  whenHeld(count?: number): Promise<void>;
  /** Resolves once the clients of `count` held messages have gone away (those will not be received). */
  whenAbandoned(count?: number): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function write(res: ServerResponse, answer: PlatformAnswer): void {
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(answer.answer));
}

/**
 * Starts a real HTTP server on 127.0.0.1 that plays one platform's group robot and checks each
 * request exactly as that platform documents it (method, path, credential, signature and its
 * timestamp window, content type, body shape and size), answering with the platform's own JSON
 * and codes. See wecom-rules.ts, dingtalk-rules.ts, feishu-rules.ts and docs/robots.md.
 */
export async function startRobotStandIn(
  platform: RobotPlatform,
  options: RobotStandInOptions = {},
): Promise<RobotStandIn> {
  const rules = RULES[platform];
  const newCredential = () => (platform === 'dingtalk' ? randomBytes(32).toString('hex') : randomUUID());
  const robot: StandInRobot = {
    credential: options.key ?? newCredential(),
    secret: options.secret ?? null,
  };
  const robots = new Map<string, StandInRobot>([[robot.credential, robot]]);
  const now = options.now ?? (() => new Date());
  const received: ReceivedMessage[] = [];
  const refused: RefusedRequest[] = [];
  let forced: { kind: ForcedAnswer; remaining: number } | null = null;
  let gate: Promise<void> | null = null;
  let openGate = () => {};
  const counts = { held: 0, abandoned: 0 };
  let waiters: { counter: keyof typeof counts; count: number; resolve: () => void }[] = [];
  const note = (counter: keyof typeof counts, delta: number) => {
    counts[counter] += delta;
    waiters = waiters.filter((w) => (counts[w.counter] >= w.count ? (w.resolve(), false) : true));
  };
  const when = (counter: keyof typeof counts, count: number) =>
    counts[counter] >= count
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ counter, count, resolve }));

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // A client that leaves before its answer is written did not get its message delivered.
    let clientGone = false;
    let holding = false;
    res.on('close', () => {
      if (res.writableFinished) return;
      clientGone = true;
      if (holding) note('abandoned', 1);
    });
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const addressed = robots.get(rules.credentialOf(url) ?? '') ?? robot;
    const verdict = rules.verify(
      { method: req.method ?? '', url, contentType: req.headers['content-type'] ?? '', body },
      addressed,
      now(),
    );
    if ('refuse' in verdict) {
      refused.push({ path: url.pathname, answer: verdict.refuse });
      return write(res, verdict.refuse);
    }
    if (gate) {
      const waitFor = gate;
      holding = true;
      note('held', 1);
      await waitFor;
      holding = false;
      note('held', -1);
    }
    if (clientGone || res.destroyed) return;
    if (forced && forced.remaining > 0) {
      forced.remaining--;
      return write(res, rules.answers[forced.kind]);
    }
    received.push({ ...verdict.accept, key: addressed.credential, receivedAt: new Date() });
    write(res, rules.answers.ok);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    platform,
    webhookUrl: `http://${host}${rules.webhookPath(robot.credential)}`,
    host,
    key: robot.credential,
    secret: robot.secret,
    received,
    refused,
    answerNext(kind, times = 1) {
      forced = { kind, remaining: times };
    },
    holdRequests() {
      gate = new Promise<void>((resolve) => (openGate = resolve));
      return () => {
        gate = null;
        openGate();
      };
    },
    addRobot(added = {}) {
      const another: StandInRobot = {
        credential: added.key ?? newCredential(),
        secret: added.secret ?? null,
      };
      robots.set(another.credential, another);
      return {
        webhookUrl: `http://${host}${rules.webhookPath(another.credential)}`,
        key: another.credential,
        secret: another.secret,
      };
    },
    whenHeld: (count = 1) => when('held', count),
    whenAbandoned: (count = 1) => when('abandoned', count),
    async close() {
      gate = null;
      openGate();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
