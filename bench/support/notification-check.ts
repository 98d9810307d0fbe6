import { type DataSource } from 'typeorm';
import { type ReceivedMessage } from '../../test/support/robot-platforms';
import { type BenchRobot } from './robot-seed';

/** Per channel: expected rows never written, extra rows for one expected notification, rows nobody expected. */
export interface ChannelCount {
  rows: number;
  expected: number;
  missing: number;
  duplicates: number;
  unexpected: number;
}

export interface NotificationCheck {
  /**
   * Rows by channel: in_app (站内消息: the notification rows of events and the reminder ledger's
   * rows of tiers), robot, email (none expected: event emails are off).
   */
  channels: Record<'in_app' | 'robot' | 'email', ChannelCount>;
  /** Robot rows by status (all 'sent' expected). */
  robotRowStatus: Record<string, number>;
  /** Messages the stand-ins accepted, and the batches the ledger marked sent (one per message). */
  robotMessages: number;
  robotBatchesSent: number;
  /** Robots that got at least one message, and at most how many one robot got. */
  robotsMessaged: number;
  maxMessagesPerRobot: number;
  /** Entries as the stand-ins received them, matched to robot rows by robot and item. */
  delivery: {
    /** Entries listed with their link. */
    listed: number;
    /** Entries folded into a message's 另有 N 条 line (their rows say sent). */
    summarised: number;
    /** Rows neither listed nor summarised. */
    missing: number;
    /** Entries listed twice for one robot. */
    duplicates: number;
    /** Entries listed for a robot that holds no such row. */
    unexpected: number;
    /** Messages that had a 另有 N 条 line. */
    messagesWithSummary: number;
    /** Requests the stand-ins refused (wrong key, signature, size …). */
    refused: number;
  };
  /**
   * Spacing of one robot's messages: the smallest gap between two sends by the ledger's send
   * times (the moments the rate gate let them through, the worker's clock) and by arrival at the
   * stand-in; gaps below the interval by the ledger (must be 0); and the most messages one robot
   * received in any 60 s.
   */
  spacing: {
    robotsWithSeveralMessages: number;
    minGapSeconds: number | null;
    minArrivalGapSeconds: number | null;
    gapsBelowInterval: number;
    maxRobotMessagesPerMinute: number;
  };
}

const ITEM_LINK = /\/items\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/g;
const SUMMARY = /另有 (\d+) 条/;

/**
 * Checks the benchmark's notifications against what its seed implies: every deadline tier of a
 * storm item on 站内消息 (its owner) and on its branch's robot; every submission on 站内消息 (the
 * general branch's supervisor) and on the general branch's robot; every return on 站内消息 (the
 * owner) and on the branch's robot; nothing else. Then reads the stand-ins' messages back: each
 * listed entry (an item link) must match one robot row of that robot, at most once; entries a
 * message could not carry must be counted by its 另有 N 条 line (per robot, listed + summarised =
 * rows). On one robot an item has at most one row in this load, so robot and item name the row.
 */
export async function checkNotifications(
  db: DataSource,
  o: {
    stormDeadline: string;
    robots: Map<string, BenchRobot>;
    received: ReceivedMessage[];
    refused: number;
    intervalMs: number;
  },
): Promise<NotificationCheck> {
  const robotOf = new Map([...o.robots.values()].map((r) => [r.organisationId, r.id]));
  const expected = new Map<string, string>();
  const expect = (
    channel: string,
    kind: string,
    itemId: string,
    historyId: string | null,
    target?: string,
  ) => {
    if (!target) throw new Error(`no target for ${channel} ${kind} of item ${itemId}`);
    expected.set(`${channel}|${kind}|${itemId}|${historyId ?? ''}|${target}`, channel);
  };
  const storm: { id: string; owner_id: string; organisation_id: string }[] = await db.query(
    `SELECT id, owner_id, organisation_id FROM rectification_item WHERE deadline = $1`,
    [o.stormDeadline],
  );
  for (const item of storm) {
    expect('in_app', 'approaching', item.id, null, item.owner_id);
    expect('robot', 'approaching', item.id, null, robotOf.get(item.organisation_id));
  }
  const lines: {
    history_id: string;
    event: string;
    item_id: string;
    owner_id: string;
    organisation_id: string;
    parent_id: string;
    supervisor_id: string;
  }[] = await db.query(
    `SELECT h.id::text AS history_id, h.event, h.item_id, i.owner_id, i.organisation_id, o.parent_id,
            s.user_id AS supervisor_id
       FROM item_history h
       JOIN rectification_item i ON i.id = h.item_id
       JOIN organisation o ON o.id = i.organisation_id
       JOIN position s ON s.organisation_id = o.parent_id AND s.supervises
      WHERE h.event IN ('SUBMIT_COMPLETION', 'RETURN_FOR_REWORK')`,
  );
  for (const l of lines) {
    if (l.event === 'SUBMIT_COMPLETION') {
      expect('in_app', 'submitted', l.item_id, l.history_id, l.supervisor_id);
      expect('robot', 'submitted', l.item_id, l.history_id, robotOf.get(l.parent_id));
    } else {
      expect('in_app', 'returned', l.item_id, l.history_id, l.owner_id);
      expect('robot', 'returned', l.item_id, l.history_id, robotOf.get(l.organisation_id));
    }
  }

  const rows: {
    channel: 'in_app' | 'robot' | 'email';
    kind: string;
    item_id: string;
    history_id: string | null;
    target: string;
    status: string;
    batch_key: string | null;
    sent_at: Date | null;
  }[] = await db.query(
    `SELECT channel, kind, item_id, history_id::text AS history_id, COALESCE(recipient_id, robot_id) AS target,
            status, batch_key, sent_at
       FROM notification
     -- A tier's 站内消息 is its reminder ledger row (what the message centre lists).
     UNION ALL
     SELECT 'in_app', kind, item_id, NULL, recipient_id, 'sent', NULL, NULL
       FROM reminder_delivery WHERE in_app`,
  );
  const channels = Object.fromEntries(
    (['in_app', 'robot', 'email'] as const).map((c) => [
      c,
      { rows: 0, expected: 0, missing: 0, duplicates: 0, unexpected: 0 },
    ]),
  ) as NotificationCheck['channels'];
  for (const channel of expected.values()) channels[channel as 'in_app' | 'robot'].expected++;
  const seen = new Map<string, number>();
  const robotRowStatus: Record<string, number> = {};
  const itemsByRobot = new Map<string, Set<string>>();
  const sendsByRobot = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const key = `${r.channel}|${r.kind}|${r.item_id}|${r.history_id ?? ''}|${r.target}`;
    const c = channels[r.channel];
    c.rows++;
    const times = (seen.get(key) ?? 0) + 1;
    seen.set(key, times);
    if (!expected.has(key)) c.unexpected++;
    else if (times > 1) c.duplicates++;
    if (r.channel !== 'robot') continue;
    robotRowStatus[r.status] = (robotRowStatus[r.status] ?? 0) + 1;
    const items = itemsByRobot.get(r.target) ?? new Set<string>();
    if (items.has(r.item_id)) throw new Error(`robot ${r.target} holds two rows of item ${r.item_id}`);
    items.add(r.item_id);
    itemsByRobot.set(r.target, items);
    if (r.status === 'sent' && r.batch_key && r.sent_at) {
      const sends = sendsByRobot.get(r.target) ?? new Map<string, number>();
      sends.set(r.batch_key, new Date(r.sent_at).getTime());
      sendsByRobot.set(r.target, sends);
    }
  }
  for (const [key, channel] of expected) {
    if (!seen.has(key)) channels[channel as 'in_app' | 'robot'].missing++;
  }

  // The stand-ins' side: entries matched to rows by robot and item.
  const delivery = {
    listed: 0,
    summarised: 0,
    missing: 0,
    duplicates: 0,
    unexpected: 0,
    messagesWithSummary: 0,
    refused: o.refused,
  };
  const byRobot = new Map<string, ReceivedMessage[]>();
  for (const m of o.received) {
    const robot = o.robots.get(m.key);
    if (!robot) throw new Error(`a message for an unknown robot key ${m.key}`);
    byRobot.set(robot.id, [...(byRobot.get(robot.id) ?? []), m]);
  }
  for (const [robotId, items] of itemsByRobot) {
    const listed = new Set<string>();
    let summarised = 0;
    for (const m of byRobot.get(robotId) ?? []) {
      for (const [, itemId] of m.text.matchAll(ITEM_LINK)) {
        if (!items.has(itemId)) delivery.unexpected++;
        else if (listed.has(itemId)) delivery.duplicates++;
        else listed.add(itemId);
      }
      const more = SUMMARY.exec(m.text);
      if (more) {
        summarised += Number(more[1]);
        delivery.messagesWithSummary++;
      }
    }
    delivery.listed += listed.size;
    delivery.summarised += summarised;
    const gap = items.size - listed.size - summarised;
    if (gap > 0) delivery.missing += gap;
    if (gap < 0) delivery.duplicates += -gap;
  }
  for (const robotId of byRobot.keys()) {
    if (!itemsByRobot.has(robotId)) delivery.unexpected += byRobot.get(robotId)!.length;
  }

  // Spacing: by the ledger's send times (the gate's clock) and by arrival.
  let minGap: number | null = null;
  let minArrivalGap: number | null = null;
  let gapsBelowInterval = 0;
  let several = 0;
  let maxPerMinute = 0;
  for (const sends of sendsByRobot.values()) {
    const times = [...sends.values()].sort((a, b) => a - b);
    for (let k = 1; k < times.length; k++) {
      const gap = times[k] - times[k - 1];
      minGap = minGap === null ? gap : Math.min(minGap, gap);
      if (gap < o.intervalMs) gapsBelowInterval++;
    }
  }
  for (const messages of byRobot.values()) {
    const times = messages.map((m) => m.receivedAt.getTime()).sort((a, b) => a - b);
    if (times.length > 1) several++;
    let first = 0;
    for (let k = 0; k < times.length; k++) {
      if (k > 0) minArrivalGap = Math.min(minArrivalGap ?? Infinity, times[k] - times[k - 1]);
      while (times[k] - times[first] >= 60_000) first++;
      maxPerMinute = Math.max(maxPerMinute, k - first + 1);
    }
  }
  const batches = [...sendsByRobot.values()].reduce((n, s) => n + s.size, 0);
  return {
    channels,
    robotRowStatus,
    robotMessages: o.received.length,
    robotBatchesSent: batches,
    robotsMessaged: byRobot.size,
    maxMessagesPerRobot: Math.max(0, ...[...byRobot.values()].map((m) => m.length)),
    delivery,
    spacing: {
      robotsWithSeveralMessages: several,
      minGapSeconds: minGap === null ? null : minGap / 1000,
      minArrivalGapSeconds: minArrivalGap === null ? null : minArrivalGap / 1000,
      gapsBelowInterval,
      maxRobotMessagesPerMinute: maxPerMinute,
    },
  };
}
