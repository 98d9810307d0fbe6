import { randomUUID } from 'node:crypto';
import { type Database, openDatabase } from '@rectify/persistence';
import { type Viewer } from '@rectify/workflow';
import { openMemoryDatabase } from './memory-database';
import { createTestDatabase } from './test-database';
import { type TestRole } from './admin-fixtures';
import { positionInsertFor, testViewer } from './test-viewer';

/**
 * The databases the reminder repositories are tested on: a fresh database on the test
 * PostgreSQL server (its outbox and ledger hold only the test's rows) and an in-memory PGlite.
 */
export const REMINDER_BACKENDS: [string, () => Promise<{ db: Database; close: () => Promise<void> }>][] = [
  [
    'PostgreSQL',
    async () => {
      const fresh = await createTestDatabase();
      const db = await openDatabase({ databaseUrl: fresh.url });
      return { db, close: async () => (await db.close(), await fresh.drop()) };
    },
  ],
  [
    'PGlite',
    async () => {
      const db = await openMemoryDatabase();
      return { db, close: () => db.close() };
    },
  ],
];

/**
 * 党委 → 党总支 → 一支部 and 二支部, with people and items for the reminder pipeline:
 * - `sec` (email) and `mute` (no email): secretaries of 一支部; `otherSec`: of 二支部;
 * - `parentSup`: supervisor of 党总支; `grandSup`: of 党委;
 * - `owned` (owner `sec`) and `unowned`: 一支部, measures set, deadline `deadline`;
 * - `longTerm`: 一支部, long-term every 30 days, approved as long-term at `approvedAt`;
 * - `identified`: 二支部, no deadline; `other`: 二支部, measures set, owner `otherSec`.
 */
export async function seedReminderWorld(db: Database, deadline = '2025-03-14') {
  const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
  const tag = randomUUID().slice(0, 8);
  const org = async (name: string, kind: string, parent: { id: string; path: string } | null) => {
    const id = randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    await q(`INSERT INTO organisation (id, name, kind, parent_id, path) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      `${name}-${tag}`,
      kind,
      parent?.id ?? null,
      path,
    ]);
    return { id, path, name: `${name}-${tag}` };
  };
  const committee = await org('党委', 'committee', null);
  const general = await org('党总支', 'general_branch', committee);
  const branch = await org('一支部', 'branch', general);
  const otherBranch = await org('二支部', 'branch', general);

  const user = async (
    name: string,
    role: TestRole,
    at: { id: string; path: string },
    email: string | null,
  ) => {
    const [row] = await q(
      `INSERT INTO app_user (username, display_name, organisation_id, email) VALUES ($1, $2, $3, $4) RETURNING id`,
      [`${name}-${tag}`, `${name}的名字`, at.id, email],
    );
    await q(positionInsertFor(role), [row.id, at.id]);
    const viewer: Viewer = testViewer(row.id, role, at);
    return viewer;
  };
  const sec = await user('sec', 'secretary', branch, `sec-${tag}@example.com`);
  const mute = await user('mute', 'secretary', branch, null);
  const otherSec = await user('otherSec', 'secretary', otherBranch, `other-${tag}@example.com`);
  const parentSup = await user('parentSup', 'supervisor', general, `parent-${tag}@example.com`);
  const grandSup = await user('grandSup', 'supervisor', committee, `grand-${tag}@example.com`);

  const report = async (at: { id: string }) =>
    (
      await q(
        `INSERT INTO report (organisation_id, year, source_file_name, source_hash, text, extraction)
         VALUES ($1, 2024, 'r.txt', $2, '', '{}') RETURNING id`,
        [at.id, randomUUID()],
      )
    )[0].id as string;
  const reports = new Map<string, string>([
    [branch.id, await report(branch)],
    [otherBranch.id, await report(otherBranch)],
  ]);
  let seq = 0;
  const item = async (
    at: { id: string },
    title: string,
    fields: { status: string; deadline?: string | null; owner?: Viewer | null; interval?: number | null },
  ) => {
    const [row] = await q(
      `INSERT INTO rectification_item
         (report_id, organisation_id, year, seq, title, detail, source, status, deadline, owner_id, review_interval_days, version)
       VALUES ($1, $2, 2024, $3, $4, '', 'self_inspection', $5, $6, $7, $8, 1) RETURNING id`,
      [
        reports.get(at.id),
        at.id,
        ++seq,
        `${title}-${tag}`,
        fields.status,
        fields.deadline ?? null,
        fields.owner?.userId ?? null,
        fields.interval ?? null,
      ],
    );
    return row.id as string;
  };
  const owned = await item(branch, '有责任人的问题', { status: 'measures_set', deadline, owner: sec });
  const unowned = await item(branch, '无责任人的问题', { status: 'measures_set', deadline });
  const longTerm = await item(branch, '长期问题', { status: 'long_term', interval: 30, owner: sec });
  const identified = await item(otherBranch, '刚导入的问题', { status: 'identified' });
  const other = await item(otherBranch, '二支部的问题', {
    status: 'measures_set',
    deadline,
    owner: otherSec,
  });
  const approvedAt = '2025-01-10T03:00:00Z';
  await q(
    `INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, at)
     VALUES ($1, 1, $2, 'supervisor', 'APPROVE_LONG_TERM', 'long_term_requested', 'long_term', '{}', $3)`,
    [longTerm, parentSup.userId, approvedAt],
  );
  return {
    tag,
    orgs: { committee, general, branch, otherBranch },
    people: { sec, mute, otherSec, parentSup, grandSup },
    items: { owned, unowned, longTerm, identified, other },
    deadline,
    approvedAt,
  };
}

export type ReminderWorld = Awaited<ReturnType<typeof seedReminderWorld>>;
