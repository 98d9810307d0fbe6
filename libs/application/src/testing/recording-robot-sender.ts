import { type RobotMessage } from '@rectify/domain';
import { type RobotSender, type RobotSendResult, type RobotTarget } from '../notifications/robot-sender';

/**
 * A RobotSender for unit tests: keeps every send (delivered or not) and answers `sent` unless
 * told otherwise with `answerNext`, which scripts the next results in order.
 */
export class RecordingRobotSender implements RobotSender {
  readonly sends: { target: RobotTarget; message: RobotMessage; result: RobotSendResult }[] = [];
  private readonly scripted: RobotSendResult[] = [];

  /** The next sends get these results, one each, then `sent` again. */
  answerNext(...results: RobotSendResult[]): void {
    this.scripted.push(...results);
  }

  /** Messages that were delivered (result `sent`). */
  get delivered(): { target: RobotTarget; message: RobotMessage }[] {
    return this.sends.filter((s) => s.result.outcome === 'sent');
  }

  send(target: RobotTarget, message: RobotMessage): Promise<RobotSendResult> {
    const result = this.scripted.shift() ?? { outcome: 'sent' };
    this.sends.push({ target, message, result });
    return Promise.resolve(result);
  }
}
