import { randomUUID } from 'node:crypto';
import { type Database, openDatabase } from '@rectify/persistence';
import { type ReadScope } from '@rectify/workflow';
import { openMemoryDatabase } from './memory-database';
import { testViewer } from './test-viewer';

/** Every repository test runs on the real PostgreSQL server and on embedded PGlite. */
export const REPOSITORY_BACKENDS: [string, () => Promise<Database>][] = [
  [
    'PostgreSQL',
    () => {
      if (!process.env.DATABASE_URL)
        throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
      return openDatabase({ databaseUrl: process.env.DATABASE_URL });
    },
  ],
  ['PGlite', openMemoryDatabase],
];

/** One organisation of the scope tree, with its one 2024 report and that report's one item. */
export interface ScopeTreeOrganisation {
  name: string;
  id: string;
  path: string;
  reportId: string;
  itemId: string;
}

/**
 * A small tree for scope tests, written straight to the tables: 党委 → 党总支 → 一支部 and 二支部,
 * names suffixed with `tag`. Each organisation has a 2024 report (text "<name>的报告", no 上年度
 *整改情况) with one item "<name>的问题 <tag>": measures set, deadline 2025-01-31, created
 * 2024-12-01, no history.
 */
export async function seedScopeTree(db: Database, tag: string): Promise<ScopeTreeOrganisation[]> {
  const orgs: ScopeTreeOrganisation[] = [];
  let parent = null as { id: string; path: string } | null;
  for (const [name, kind] of [
    ['党委', 'committee'],
    ['党总支', 'general_branch'],
    ['一支部', 'branch'],
    ['二支部', 'branch'],
  ]) {
    const [org]: { id: string }[] = await db.dataSource.query(
      `INSERT INTO organisation (name, kind, parent_id, path) VALUES ($1, $2, $3, '') RETURNING id`,
      [`${name}-${tag}`, kind, parent?.id ?? null],
    );
    const path: string = `${parent?.path ?? '/'}${org.id}/`;
    await db.dataSource.query(`UPDATE organisation SET path = $1 WHERE id = $2`, [path, org.id]);
    const [report] = await db.dataSource.query(
      `INSERT INTO report (organisation_id, year, source_file_name, source_hash, text, extraction)
       VALUES ($1, 2024, 'r.txt', $2, $3, '{"lastYearRectification": []}') RETURNING id`,
      [org.id, `${tag}-${name}`, `${name}的报告`],
    );
    const [item] = await db.dataSource.query(
      `INSERT INTO rectification_item
              (report_id, organisation_id, year, seq, title, detail, source, status, deadline, version, created_at)
       VALUES ($1, $2, 2024, 1, $3, '', 'self_inspection', 'measures_set', '2025-01-31', 1, '2024-12-01') RETURNING id`,
      [report.id, org.id, `${name}的问题 ${tag}`],
    );
    orgs.push({ name, id: org.id, path, reportId: report.id, itemId: item.id });
    // Both branches sit below the general branch.
    if (kind !== 'branch') parent = { id: org.id, path };
  }
  return orgs;
}

/**
 * The operator; a secretary, a supervisor and an administrator in each organisation; and people
 * of several positions (a 纪检委员 of one branch who supervises from the 党总支 too; a 党务工作者
 * of both branches), and one of none: named.
 */
export function scopesOver(orgs: ScopeTreeOrganisation[]): [string, ReadScope][] {
  const scopes: [string, ReadScope][] = [['operator', 'operator']];
  for (const org of orgs) {
    for (const role of ['secretary', 'supervisor', 'admin'] as const)
      scopes.push([`${role} of ${org.name}`, testViewer(randomUUID(), role, org)]);
  }
  const at = (org: ScopeTreeOrganisation) => ({ organisationId: org.id, organisationPath: org.path });
  const [, general, one, two] = orgs;
  scopes.push([
    '纪检委员 of 一支部 and 组织委员 of 党总支',
    {
      userId: randomUUID(),
      positions: [
        { ...at(one), kind: 'discipline_member', rights: [] },
        { ...at(general), kind: 'organising_member', rights: ['supervise'] },
      ],
    },
  ]);
  scopes.push([
    '党务工作者 of both branches',
    {
      userId: randomUUID(),
      positions: [
        { ...at(one), kind: 'party_worker', rights: [] },
        { ...at(two), kind: 'party_worker', rights: [] },
      ],
    },
  ]);
  scopes.push(['nobody', { userId: randomUUID(), positions: [] }]);
  return scopes;
}
