import { type DataSource } from 'typeorm';

export interface ReminderSeedOptions {
  items: number;
  recipients: number;
  /** The common deadline of every item (YYYY-MM-DD). */
  deadline: string;
  /** Makes ids and names unique to this run. */
  tag: string;
}

export interface ReminderSeed {
  items: number;
  recipients: number;
  generalBranches: number;
  /** Every expected (recipient address, item id) pair of the approaching tier: the owner only. */
  expected: { email: string; itemId: string }[];
  seconds: number;
}

/**
 * Seeds a reminder load with set-based SQL, in one transaction: one committee → ⌈recipients/100⌉
 * general branches → `recipients` branches (materialised `path` '/id/id/…/' as
 * addOrganisation writes it), one secretary with an email per branch, one report per branch, and
 * `items` items with measures and the same deadline, spread in blocks over the branches (10 per
 * branch by default), each owned by its branch's secretary; then one outbox row per item, as a
 * SET_MEASURES transition writes it. Ids are md5-derived UUIDs so every statement can compute
 * them from ordinals.
 */
export async function seedReminderLoad(db: DataSource, o: ReminderSeedOptions): Promise<ReminderSeed> {
  const started = Date.now();
  if (o.items < o.recipients)
    throw new Error(`BENCH_ITEMS (${o.items}) must be ≥ BENCH_RECIPIENTS (${o.recipients})`);
  const generalBranches = Math.max(1, Math.ceil(o.recipients / 100));
  const perBranch = Math.ceil(o.items / o.recipients);
  const id = (kind: string, n: string) => `md5('${o.tag}:${kind}:' || ${n})::uuid`;
  await db.transaction(async (m) => {
    // One statement writes every item: at the year-end size (500,000) that outlasts the product's
    // statement timeout (a request's limit, not a seed's), which cancelled it.
    await m.query(`SET LOCAL statement_timeout = 0`);
    const committee = id('committee', `'1'`);
    await m.query(
      `INSERT INTO organisation (id, name, kind, parent_id, path)
       SELECT ${committee}, $1, 'committee', NULL, '/' || ${committee} || '/'`,
      [`基准镇党委-${o.tag}`],
    );
    await m.query(
      `INSERT INTO organisation (id, name, kind, parent_id, path)
       SELECT ${id('general', 'n')}, $1 || lpad(n::text, 3, '0'), 'general_branch', ${committee},
              '/' || ${committee} || '/' || ${id('general', 'n')} || '/'
         FROM generate_series(1, $2::int) AS n`,
      [`基准村党总支-${o.tag}-`, generalBranches],
    );
    // Branch b hangs under general branch ((b - 1) % G) + 1.
    await m.query(
      `INSERT INTO organisation (id, name, kind, parent_id, path)
       SELECT ${id('branch', 'b')}, $1 || lpad(b::text, 5, '0'), 'branch', ${id('general', 'g')},
              '/' || ${committee} || '/' || ${id('general', 'g')} || '/' || ${id('branch', 'b')} || '/'
         FROM generate_series(1, $2::int) AS b, LATERAL (SELECT ((b - 1) % $3::int) + 1 AS g) AS parent`,
      [`基准党支部-${o.tag}-`, o.recipients, generalBranches],
    );
    await m.query(
      `INSERT INTO app_user (id, username, display_name, organisation_id, email)
       SELECT ${id('user', 'b')}, $1 || lpad(b::text, 5, '0'), '第' || b || '党支部书记',
              ${id('branch', 'b')}, 'sec' || lpad(b::text, 5, '0') || '.' || $2 || '@bench.example'
         FROM generate_series(1, $3::int) AS b`,
      [`bench.sec.${o.tag}.`, o.tag, o.recipients],
    );
    await m.query(
      `INSERT INTO position (user_id, organisation_id, kind, works_items, supervises)
       SELECT ${id('user', 'b')}, ${id('branch', 'b')}, 'secretary', true, true
         FROM generate_series(1, $1::int) AS b`,
      [o.recipients],
    );
    await m.query(
      `INSERT INTO report (id, organisation_id, year, title, source_file_name, source_hash, text, extraction)
       SELECT ${id('report', 'b')}, ${id('branch', 'b')}, 2024, '第' || b || '党支部2024年度党建工作述职报告',
              'bench-' || b || '.txt', md5($1 || ':hash:' || b),
              '第' || b || '党支部2024年度党建工作述职报告' || chr(10) || '二、存在的问题' || chr(10) || '1. 理论学习不够深入。',
              jsonb_build_object('year', 2024, 'title', '第' || b || '党支部2024年度党建工作述职报告',
                                 'encoding', 'utf-8', 'warnings', '[]'::jsonb, 'sections', '[]'::jsonb,
                                 'problems', '[]'::jsonb, 'causes', '[]'::jsonb, 'measures', '[]'::jsonb,
                                 'lastYearRectification', '[]'::jsonb)
         FROM generate_series(1, $2::int) AS b`,
      [o.tag, o.recipients],
    );
    // Item i belongs to branch ⌈i / perBranch⌉ (capped), seq = its place in that branch's report.
    await m.query(
      `INSERT INTO rectification_item
              (id, report_id, organisation_id, year, seq, title, detail, source, status, deadline, owner_id, version)
       SELECT ${id('item', 'i')}, ${id('report', 'b')}, ${id('branch', 'b')}, 2024, i - (b - 1) * $2::int,
              '理论学习不够深入（' || i || '）', '具体表现有待改进。', 'self_inspection', 'measures_set',
              $3::date, ${id('user', 'b')}, 1
         FROM generate_series(1, $1::int) AS i,
              LATERAL (SELECT least((i - 1) / $2::int + 1, $4::int) AS b) AS owner`,
      [o.items, perBranch, o.deadline, o.recipients],
    );
    await m.query(
      `INSERT INTO outbox (item_id, reason) SELECT ${id('item', 'i')}, 'SET_MEASURES' FROM generate_series(1, $1::int) AS i ORDER BY i`,
      [o.items],
    );
  });
  await db.query('ANALYZE');
  const expected: { email: string; itemId: string }[] = await db.query(
    `SELECT u.email, i.id AS "itemId" FROM rectification_item i JOIN app_user u ON u.id = i.owner_id`,
  );
  return {
    items: o.items,
    recipients: o.recipients,
    generalBranches,
    expected,
    seconds: (Date.now() - started) / 1000,
  };
}
