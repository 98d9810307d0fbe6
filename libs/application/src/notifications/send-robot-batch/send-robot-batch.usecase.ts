import { quietHoursEnd, ROBOT_PLATFORM_LABELS } from '@rectify/domain';
import { type NotificationLedgerRepository } from '@rectify/persistence';
import { batchJob, type NotificationQueues } from '../notification-jobs';
import { BATCH_ROW_LIMIT, type NotificationSettings } from '../notification-settings';
import { type RobotSender } from '../robot-sender';

export interface SendRobotBatchCommand {
  robotId: string;
  /** The job's id: the rows it claims carry it, so a retry sends exactly those (and any new ones due). */
  batchKey: string;
  /** False on the job's last attempt: a temporary failure is then final. */
  mayRetry: boolean;
}

/**
 * What became of one robot batch. `wait`: nothing was sent yet (the rate gate, the platform's
 * rate limit or quiet hours); the job should run again at `until` (the settings' clock) without
 * spending an attempt, that is `waitMs` from now: a queue that times jobs by the system clock
 * should delay by `waitMs`, since the settings' clock may be started elsewhere (tests, benchmark).
 * `retry`: a temporary failure; the job should be retried with backoff (attempt spent).
 */
export type RobotBatchOutcome =
  | { status: 'sent'; rows: number }
  | { status: 'nothing_to_send' }
  | { status: 'skipped'; rows: number; reason: string }
  | { status: 'wait'; until: Date; waitMs: number; reason: string }
  | { status: 'retry'; reason: string }
  | { status: 'failed'; rows: number; reason: string };

/**
 * Sends one message to an organisation's group robot with everything it holds that is due: claims
 * the rows (under the job's id), waits out quiet hours and the rate gate (one message per
 * `robotIntervalMs` per robot, across every worker), posts one message in the platform's format
 * through the RobotSender, and records the outcome on every row. A rate-limit answer holds the
 * robot and waits; a temporary failure is retried with backoff and after the last attempt
 * recorded as failed; a permanent one (bad key, robot removed, signature) fails the rows with the
 * Chinese reason and stops the robot until its administrator saves it again. A disabled or
 * stopped robot's rows are skipped with the reason. Rows left over (more than one message
 * carries) get the next slot's job.
 *
 * The one window left is a crash after the platform accepted the message and before the rows are
 * marked sent: the retry posts it again (webhooks take no idempotency key).
 */
export class SendRobotBatchUseCase {
  constructor(
    private readonly ledger: NotificationLedgerRepository,
    private readonly sender: RobotSender,
    private readonly queues: NotificationQueues,
    private readonly settings: NotificationSettings,
  ) {}

  async execute(command: SendRobotBatchCommand): Promise<RobotBatchOutcome> {
    const { ledger, settings } = this;
    const now = settings.clock.now();
    const { robot, rows } = await ledger.claimRobotBatch(
      command.robotId,
      command.batchKey,
      now,
      BATCH_ROW_LIMIT,
    );
    if (rows.length === 0) {
      // A row recorded while this job was running found its id taken: it gets a job of its own.
      await this.queueLeftovers(command.robotId, now);
      return { status: 'nothing_to_send' };
    }
    const ids = rows.map((r) => r.id);

    if (!robot || !robot.enabled || robot.failedAt) {
      const reason =
        !robot || !robot.enabled
          ? '群机器人已停用或已删除，消息未发送。'
          : `群机器人推送已暂停：${robot.lastError ?? '配置有误'}`;
      await ledger.markNotSent(ids, 'skipped', reason);
      await this.queueLeftovers(command.robotId, now);
      return { status: 'skipped', rows: ids.length, reason };
    }
    const quietEnd = quietHoursEnd(now, robot.quiet);
    const wait = (until: Date, reason: string): RobotBatchOutcome => ({
      status: 'wait',
      until,
      waitMs: Math.max(0, until.getTime() - now.getTime()),
      reason,
    });
    if (quietEnd) return wait(quietEnd, '免打扰时段');
    const gate = await ledger.passGate(robot.id, now, settings.robotIntervalMs);
    if (gate) return wait(gate, '每分钟至多一条');

    const label = ROBOT_PLATFORM_LABELS[robot.platform];
    const result = await this.sender.send(
      { platform: robot.platform, webhookUrl: robot.webhookUrl, secret: robot.secret },
      {
        title: `整改督办消息（${rows.length}条）`,
        entries: rows.map((r) => ({
          text: `${r.headline}：${r.detail}`,
          url: `${settings.appBaseUrl}/items/${r.itemId}`,
        })),
      },
    );
    switch (result.outcome) {
      case 'sent': {
        // The gate opened at `now`; counting the interval again from the answer keeps two
        // messages an interval apart on arrival too, however long this send took.
        const answeredAt = settings.clock.now().getTime();
        const nextDue = await ledger.robotMessageSent(
          robot.id,
          ids,
          now,
          new Date(answeredAt + settings.robotIntervalMs),
        );
        if (nextDue) await this.queueNextSlot(robot.id, now, nextDue);
        return { status: 'sent', rows: ids.length };
      }
      case 'rate_limited': {
        const waitMs = Math.min(result.retryAfterMs, settings.robotRateLimitWaitMaxMs);
        const until = new Date(now.getTime() + Math.max(waitMs, settings.robotIntervalMs));
        await ledger.holdRobot(robot.id, until);
        const at = until.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
        await ledger.noteAttempt(ids, `${result.reason}（将于北京时间 ${at} 后重试）`);
        return wait(until, result.reason);
      }
      case 'temporary':
        if (command.mayRetry) {
          await ledger.noteAttempt(ids, `暂时无法发送，将自动重试：${result.reason}`);
          return { status: 'retry', reason: result.reason };
        }
        await ledger.markNotSent(ids, 'failed', `多次重试后仍未送达${label}群：${result.reason}`);
        return { status: 'failed', rows: ids.length, reason: result.reason };
      case 'permanent':
        await ledger.markNotSent(ids, 'failed', result.reason);
        await ledger.robotFailed(robot.id, result.reason, now);
        return { status: 'failed', rows: ids.length, reason: result.reason };
    }
  }

  /** More rows than one message carries, or rows recorded while this one was sent: the next slot's job. */
  private async queueLeftovers(robotId: string, now: Date): Promise<void> {
    const open = await this.ledger.openRobotBatches(robotId);
    if (open.length > 0) await this.queueNextSlot(robotId, now, open[0].sendAfter);
  }

  /** The job of the robot's next slot, for rows that may go from `sendAfter`. */
  private async queueNextSlot(robotId: string, now: Date, sendAfter: Date): Promise<void> {
    const after = new Date(Math.max(now.getTime() + this.settings.robotIntervalMs, sendAfter.getTime()));
    await this.queues.addRobotBatches([batchJob('robot', robotId, after, this.settings.robotIntervalMs)]);
  }
}
