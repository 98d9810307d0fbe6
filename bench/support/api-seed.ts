import { type DataSource } from 'typeorm';

export interface ApiSeedOptions {
  /** Organisations in all (省 + 市 + 县 + 镇 + 村); at least 1,000. */
  organisations: number;
  /** Items in all, spread over the villages and YEARS years. */
  items: number;
  /** bcrypt hash of the two supervisors' password. */
  passwordHash: string;
  /** Told each step as it ends, with the seconds since the start. */
  progress?: (step: string) => void;
}

/** The organisations and accounts the benchmark asks with; ids are md5-derived uuids. */
export interface ApiSeed {
  province: string;
  cities: string[];
  /** The counties of the first city. */
  counties: string[];
  /** The towns of the first county. */
  towns: string[];
  counts: { cities: number; counties: number; towns: number; villages: number; items: number };
  historyLines: number;
  /** The supervisors' user names: at the 省 root and at the first 市. */
  provinceSupervisor: string;
  citySupervisor: string;
  years: number[];
  /** Item n's id (1-based), the same uuid SQL gave it. */
  itemId(n: number): string;
  seconds: number;
}

export const CITIES = 4;
export const COUNTIES_PER_CITY = 5;
export const FIRST_YEAR = 2021;
export const YEARS = 5;

/**
 * Seeds a province with set-based SQL (INSERT … SELECT FROM generate_series; one transaction):
 * 1 省 → 4 市 → 5 县 each → towns (镇, about one per 500 organisations, at least one per 县) →
 * villages (村党支部, round-robin over the towns), materialised paths '/id/…/' as
 * addOrganisation writes them; a secretary account and position per village, two supervisors
 * (省 and first 市, password hash given). Then `items` items created by hand (上级点评, no report:
 * CREATE line) over the villages, item n in village ((n-1) mod V)+1 and year FIRST_YEAR +
 * ((n-1) div V) mod YEARS, so every village holds about one item a year and a 县's ledger of a
 * year has about organisations / 20 rows. Statuses by n mod 10: 20 % identified, 30 %
 * measures_set, 10 % pending_review, 30 % completed, 10 % long_term, each with the history lines
 * its transitions would have written (version = lines), one measure from SET_MEASURES on, one
 * evidence text from SUBMIT_COMPLETION on. No recurrence links. VACUUM ANALYZE at the end.
 * Throws when the numbers cannot make that tree.
 */
export async function seedProvince(db: DataSource, o: ApiSeedOptions): Promise<ApiSeed> {
  const started = Date.now();
  const counties = CITIES * COUNTIES_PER_CITY;
  const towns = Math.max(counties, Math.round(o.organisations / 500 / counties) * counties);
  const villages = o.organisations - 1 - CITIES - counties - towns;
  if (villages < towns) throw new Error(`BENCH_ORGS=${o.organisations} is too small (at least 1,000)`);
  const townsPerCounty = towns / counties;
  // md5 of a kind and an ordinal, as a version-4 uuid (the API validates ids as RFC uuids):
  // every statement computes the ids it needs.
  const id = (kind: string, n: string) =>
    `overlay(overlay(md5('${kind}:' || (${n})) placing '4' from 13) placing '8' from 17)::uuid::text`;
  const seg = (kind: string, n: string) => `${id(kind, n)} || '/'`;
  const city = (k: string) => `((${k} - 1) / ${COUNTIES_PER_CITY} + 1)`;
  const county = (t: string) => `((${t} - 1) / ${townsPerCounty} + 1)`;
  const town = (v: string) => `((${v} - 1) % ${towns} + 1)`;
  const provincePath = `'/' || ${seg('p', '1')}`;
  const cityPath = (c: string) => `${provincePath} || ${seg('c', c)}`;
  const countyPath = (k: string) => `${cityPath(city(k))} || ${seg('k', k)}`;
  const townPath = (t: string) => `${countyPath(county(t))} || ${seg('t', t)}`;
  const villagePath = (v: string) => `${townPath(town(v))} || ${seg('v', v)}`;
  const insertOrgs = (kind: string, count: number, name: string, parent: string, path: string) =>
    `INSERT INTO organisation (id, name, kind, parent_id, path)
     SELECT ${id(kind, 'n')}::uuid, ${name}, '${kind === 'v' ? 'branch' : 'committee'}', ${parent}, ${path}
       FROM generate_series(1, ${count}) AS n`;
  let historyLines = 0;
  const done = (step: string) => o.progress?.(`${step}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await db.transaction(async (m) => {
    await m.query(insertOrgs('p', 1, `'基准省委'`, 'NULL', provincePath));
    await m.query(insertOrgs('c', CITIES, `'基准第' || n || '市委'`, `${id('p', '1')}::uuid`, cityPath('n')));
    await m.query(
      insertOrgs('k', counties, `'基准第' || n || '县委'`, `${id('c', city('n'))}::uuid`, countyPath('n')),
    );
    await m.query(
      insertOrgs('t', towns, `'基准第' || n || '镇党委'`, `${id('k', county('n'))}::uuid`, townPath('n')),
    );
    await m.query(
      insertOrgs(
        'v',
        villages,
        `'基准第' || n || '村党支部'`,
        `${id('t', town('n'))}::uuid`,
        villagePath('n'),
      ),
    );
    // A secretary per village (owner of its items), and the two supervisors who log in.
    await m.query(
      `INSERT INTO app_user (id, username, display_name, organisation_id)
       SELECT ${id('u', 'n')}::uuid, 'bench.v' || n, '第' || n || '村书记', ${id('v', 'n')}::uuid
         FROM generate_series(1, ${villages}) AS n`,
    );
    await m.query(
      `INSERT INTO position (user_id, organisation_id, kind, works_items, supervises)
       SELECT ${id('u', 'n')}::uuid, ${id('v', 'n')}::uuid, 'secretary', true, false
         FROM generate_series(1, ${villages}) AS n`,
    );
    for (const [username, name, org] of [
      ['bench.province', '省委督查员', id('p', '1')],
      ['bench.city', '市委督查员', id('c', '1')],
    ]) {
      await m.query(
        `INSERT INTO app_user (id, username, display_name, organisation_id, password_hash)
         VALUES (${id('s', `'${username}'`)}::uuid, $1, $2, ${org}::uuid, $3)`,
        [username, name, o.passwordHash],
      );
      await m.query(
        `INSERT INTO position (user_id, organisation_id, kind, works_items, supervises)
         VALUES (${id('s', `'${username}'`)}::uuid, ${org}::uuid, 'secretary', false, true)`,
      );
    }
    done('organisations and accounts');
    const creator = `${id('s', `'bench.province'`)}::uuid`;
    // Per item n, computed once: its id, village, owner, year, status, lines (= version).
    await m.query(
      `CREATE TEMP TABLE seed_item ON COMMIT DROP AS
       SELECT n, ${id('i', 'n')}::uuid AS id, ${id('v', 'f.v')}::uuid AS org, ${id('u', 'f.v')}::uuid AS owner,
              f.v, f.year, f.seq, s.status, d.lines, d.created, d.deadline
         FROM generate_series(1, ${o.items}) AS n,
         LATERAL (SELECT (n - 1) % ${villages} + 1 AS v, ${FIRST_YEAR} + ((n - 1) / ${villages}) % ${YEARS} AS year,
                         (n - 1) / ${villages} + 1 AS seq) AS f,
         LATERAL (SELECT CASE n % 10 WHEN 0 THEN 'identified' WHEN 1 THEN 'identified'
                           WHEN 2 THEN 'measures_set' WHEN 3 THEN 'measures_set' WHEN 4 THEN 'measures_set'
                           WHEN 5 THEN 'pending_review' WHEN 9 THEN 'long_term' ELSE 'completed' END AS status) AS s,
         LATERAL (SELECT CASE s.status WHEN 'identified' THEN 1 WHEN 'measures_set' THEN 2
                           WHEN 'completed' THEN 4 ELSE 3 END AS lines,
                         make_timestamptz(f.year, 3, 1, 8, 0, 0, 'Asia/Shanghai') + (n % 250000) * interval '1 minute' AS created,
                         make_date(f.year + 1, 1 + n % 12, 1 + n % 28) AS deadline) AS d`,
    );
    await m.query(
      `INSERT INTO rectification_item
              (id, report_id, organisation_id, year, seq, title, detail, source, status, deadline, owner_id,
               review_interval_days, measure_count, version, created_at, updated_at, created_by)
       SELECT f.id, NULL, f.org, f.year, f.seq, '理论学习不够深入，学用结合不紧（' || f.n || '）',
              '个别党员参加集中学习不够经常，学习笔记内容简单，联系实际不够。', 'superior_review', f.status,
              CASE WHEN f.status = 'identified' THEN NULL ELSE f.deadline END, f.owner,
              CASE WHEN f.status = 'long_term' THEN 90 END, CASE WHEN f.status = 'identified' THEN 0 ELSE 1 END,
              f.lines, f.created,
              f.created + (f.lines - 1) * interval '7 days', ${creator}
         FROM seed_item f ORDER BY f.n`,
    );
    done('items');
    // The lines the transitions wrote: CREATE, SET_MEASURES, then SUBMIT_COMPLETION
    // (+ APPROVE_COMPLETION) or APPROVE_LONG_TERM.
    await m.query(
      `INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, deadline, at)
       SELECT f.id, l.seq,
              CASE WHEN l.seq = 1 OR line.event LIKE 'APPROVE%' THEN ${creator}::text ELSE f.owner::text END,
              CASE WHEN l.seq = 1 OR line.event LIKE 'APPROVE%' THEN 'supervisor' ELSE 'secretary' END,
              line.event, line.from_status, line.to_status, line.payload,
              CASE WHEN l.seq = 1 THEN NULL ELSE f.deadline END, f.created + (l.seq - 1) * interval '7 days'
         FROM seed_item f,
         LATERAL generate_series(1, f.lines) AS l(seq),
         LATERAL (SELECT * FROM (VALUES
             (1, 'CREATE', NULL, 'identified', '{}'::jsonb),
             (2, 'SET_MEASURES', 'identified', 'measures_set',
              jsonb_build_object('measures', jsonb_build_array(jsonb_build_object(
                'title', '建立学习台账，每月集中学习一次', 'responsible', '第' || f.v || '村书记',
                'deadline', to_char(f.deadline, 'YYYY-MM-DD'))))),
             (3, CASE WHEN f.status = 'long_term' THEN 'APPROVE_LONG_TERM' ELSE 'SUBMIT_COMPLETION' END,
              'measures_set', CASE WHEN f.status = 'long_term' THEN 'long_term' ELSE 'pending_review' END,
              CASE WHEN f.status = 'long_term' THEN '{"reviewIntervalDays": 90, "reason": "需长期坚持"}'::jsonb
                   ELSE '{"evidence": "已建立学习台账并按月开展集中学习"}'::jsonb END),
             (4, 'APPROVE_COMPLETION', 'pending_review', 'completed', '{}'::jsonb)
           ) AS v(seq, event, from_status, to_status, payload) WHERE v.seq = l.seq) AS line
        ORDER BY f.n, l.seq`,
    );
    const [{ count }] = await m.query(`SELECT sum(lines)::int AS count FROM seed_item`);
    historyLines = count;
    done('history');
    await m.query(
      `INSERT INTO measure (item_id, seq, title, detail, responsible, deadline)
       SELECT f.id, 1, '建立学习台账，每月集中学习一次', '', '第' || f.v || '村书记', f.deadline
         FROM seed_item f WHERE f.status <> 'identified'`,
    );
    await m.query(
      `INSERT INTO evidence (item_id, text, created_by, created_at)
       SELECT f.id, '已建立学习台账并按月开展集中学习', f.owner, f.created + interval '14 days'
         FROM seed_item f WHERE f.status IN ('pending_review', 'completed')`,
    );
  });
  done('measures and evidence');
  await db.query('VACUUM ANALYZE');
  done('VACUUM ANALYZE');
  const ids = (kind: string, from: number, to: number) =>
    db
      .query(`SELECT ${id(kind, 'n')} AS id FROM generate_series($1::int, $2::int) AS n ORDER BY n`, [
        from,
        to,
      ])
      .then((rows: { id: string }[]) => rows.map((r) => r.id));
  const { createHash } = await import('node:crypto');
  const md5uuid = (text: string) => {
    const h = createHash('md5').update(text).digest('hex');
    const v4 = `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17)}`;
    return `${v4.slice(0, 8)}-${v4.slice(8, 12)}-${v4.slice(12, 16)}-${v4.slice(16, 20)}-${v4.slice(20)}`;
  };
  return {
    province: md5uuid('p:1'),
    cities: await ids('c', 1, CITIES),
    counties: await ids('k', 1, COUNTIES_PER_CITY),
    towns: await ids('t', 1, townsPerCounty),
    counts: { cities: CITIES, counties, towns, villages, items: o.items },
    historyLines,
    provinceSupervisor: 'bench.province',
    citySupervisor: 'bench.city',
    years: Array.from({ length: YEARS }, (_, k) => FIRST_YEAR + k),
    itemId: (n: number) => md5uuid(`i:${n}`),
    seconds: (Date.now() - started) / 1000,
  };
}
