/** A job that tells people of one history line (an event): its id is `notify.<historyId>`. */
export interface EventFanOutJobData {
  historyId: string;
}

/**
 * A job that sends one batch: a robot's message or a person's notification email. Named by its
 * target and its time slot, so everything recorded for the same slot shares one job (BullMQ keeps
 * the first of two jobs with one id) and a burst becomes one message.
 */
export interface BatchJobSpec {
  id: string;
  data: { targetId: string };
  runAt: Date;
}

// BullMQ refuses ':' in custom job ids.
export const eventFanOutJobId = (historyId: string) => `notify.${historyId}`;

/**
 * The job for what a robot (or a person's email) holds from `after` on: the slot of `slotMs`
 * that ends at or after `after`, so what is recorded within one slot goes out in one message at
 * the slot's end.
 */
export function batchJob(
  prefix: 'robot' | 'notice',
  targetId: string,
  after: Date,
  slotMs: number,
): BatchJobSpec {
  const slot = Math.ceil(after.getTime() / slotMs);
  return { id: `${prefix}.${targetId}.${slot}`, data: { targetId }, runAt: new Date(slot * slotMs) };
}

/**
 * A robots' round: one job at the end of a slot that queues the batch of every robot with rows
 * due by then (QueueRobotRoundUseCase). A tier storm adds this one job per slot, not one per
 * robot. `slot`: the slot's number (its end in ms is `slot × slotMs`).
 */
export interface RobotRoundJobSpec {
  id: string;
  data: { slot: number };
  runAt: Date;
}

/** The robots' round of the slot that ends at or after `after` (as batchJob counts slots). */
export function robotRoundAt(after: Date, slotMs: number): RobotRoundJobSpec {
  const slot = Math.ceil(after.getTime() / slotMs);
  return { id: `robotround.${slot}`, data: { slot }, runAt: new Date(slot * slotMs) };
}

/** The rounds of the slots these robot batch jobs are in, one per slot (see batchJob). */
export function robotRounds(batches: BatchJobSpec[], slotMs: number): RobotRoundJobSpec[] {
  const rounds = new Map<string, RobotRoundJobSpec>();
  for (const b of batches) {
    const round = robotRoundAt(b.runAt, slotMs);
    rounds.set(round.id, round);
  }
  return [...rounds.values()];
}

/** The notification queues as the use cases see them; the worker implements them with BullMQ. */
export interface NotificationQueues {
  addEventFanOuts(historyIds: string[]): Promise<void>;
  addRobotBatches(jobs: BatchJobSpec[]): Promise<void>;
  /** Adds robots' rounds (a no-op for a round whose id is held). */
  addRobotRounds(jobs: RobotRoundJobSpec[]): Promise<void>;
  addNoticeEmails(jobs: BatchJobSpec[]): Promise<void>;
}
