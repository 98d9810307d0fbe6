import { TransitionItemUseCase } from '../../libs/application/src';
import { PgItemsRepository } from '../../libs/persistence/src';
import { type DataSource } from 'typeorm';

export interface EventSeedOptions {
  /** Items submitted for sign-off (提交销号), one history line each. */
  events: number;
  /** Every this-many-th submitted item is then returned (退回整改) by its supervisor; 0: none. */
  returnEvery: number;
  /** Branches of the reminder seed (seedReminderLoad): event items go round-robin over them. */
  recipients: number;
  generalBranches: number;
  /** The event items' deadline (YYYY-MM-DD): far enough that no deadline tier is due in the run. */
  deadline: string;
  /** The reminder seed's tag (ids and names). */
  tag: string;
  /** Transitions run at once (each its own connection). */
  lanes?: number;
}

export interface EventSeed {
  submitted: number;
  returned: number;
  /** Items that end measures_set again (returned): the relay schedules their reminders. */
  returnedItems: number;
  seconds: number;
}

/**
 * Lifecycle events for the reminder benchmark, written as people would write them: one supervisor
 * (secretary, no email address) per general branch; `events` more items over the branches, with
 * `deadline`, status measures_set; each submitted for sign-off by its owner and every
 * `returnEvery`-th returned by its general branch's supervisor, through the real
 * TransitionItemUseCase (version-guarded update, history line, outbox row with the line's id), so
 * the worker's relay and fan-out jobs carry them. Event emails are turned off for every bench
 * person (notification preference 'off'): events reach them on 站内消息 and the group robots, and
 * the SMTP sink still counts the deadline digests alone. Run after seedReminderLoad, before the
 * workers start.
 */
export async function seedEventLoad(db: DataSource, o: EventSeedOptions): Promise<EventSeed> {
  const started = Date.now();
  const id = (kind: string, n: string) => `md5('${o.tag}:${kind}:' || ${n})::uuid`;
  await db.transaction(async (m) => {
    await m.query(
      `INSERT INTO app_user (id, username, display_name, organisation_id, email)
       SELECT ${id('supervisor', 'g')}, $1 || lpad(g::text, 3, '0'), '第' || g || '党总支书记', ${id('general', 'g')}, NULL
         FROM generate_series(1, $2::int) AS g`,
      [`bench.sup.${o.tag}.`, o.generalBranches],
    );
    await m.query(
      `INSERT INTO position (user_id, organisation_id, kind, works_items, supervises)
       SELECT ${id('supervisor', 'g')}, ${id('general', 'g')}, 'secretary', true, true
         FROM generate_series(1, $1::int) AS g`,
      [o.generalBranches],
    );
    await m.query(
      `INSERT INTO notification_preference (user_id, email_mode, email_kinds)
       SELECT id, 'off', '{}' FROM app_user WHERE username LIKE $1 OR username LIKE $2`,
      [`bench.sec.${o.tag}.%`, `bench.sup.${o.tag}.%`],
    );
    // Event item e belongs to branch ((e - 1) % recipients) + 1, after that branch's storm items.
    await m.query(
      `INSERT INTO rectification_item
              (id, report_id, organisation_id, year, seq, title, detail, source, status, deadline, owner_id, version)
       SELECT ${id('event-item', 'e')}, ${id('report', 'b')}, ${id('branch', 'b')}, 2024, 100000 + e,
              '制度执行不到位（' || e || '）', '具体表现有待改进。', 'self_inspection', 'measures_set',
              $2::date, ${id('user', 'b')}, 1
         FROM generate_series(1, $1::int) AS e, LATERAL (SELECT ((e - 1) % $3::int) + 1 AS b) AS branch`,
      [o.events, o.deadline, o.recipients],
    );
  });
  const items: { item: string; owner: string; supervisor: string }[] = await db.query(
    `SELECT i.id AS item, i.owner_id AS owner, s.user_id AS supervisor
       FROM rectification_item i
       JOIN organisation o ON o.id = i.organisation_id
       JOIN position s ON s.organisation_id = o.parent_id AND s.supervises
      WHERE i.seq > 100000 AND i.deadline = $1
      ORDER BY i.seq`,
    [o.deadline],
  );
  if (items.length !== o.events) throw new Error(`event seed: ${items.length} of ${o.events} items found`);

  const transition = new TransitionItemUseCase(new PgItemsRepository(db));
  let submitted = 0;
  let returned = 0;
  let next = 0;
  const lane = async () => {
    for (let k = next++; k < items.length; k = next++) {
      const { item, owner, supervisor } = items[k];
      await transition.execute({
        itemId: item,
        event: 'SUBMIT_COMPLETION',
        payload: { evidence: '已召开专题会议并建立制度' },
        actorUserId: owner,
      });
      submitted++;
      if (o.returnEvery > 0 && (k + 1) % o.returnEvery === 0) {
        await transition.execute({
          itemId: item,
          event: 'RETURN_FOR_REWORK',
          payload: { reason: '佐证材料不全，请补充会议记录' },
          actorUserId: supervisor,
        });
        returned++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.lanes ?? 8 }, lane));
  await db.query('ANALYZE');
  return { submitted, returned, returnedItems: returned, seconds: (Date.now() - started) / 1000 };
}
