import { randomUUID } from 'node:crypto';
import { OPEN_STATUSES } from '@rectify/domain';
import { type Database, PgTodoQueriesRepository } from '@rectify/persistence';
import { actorFor, mayReadItem, type Viewer } from '@rectify/workflow';
import {
  REPOSITORY_BACKENDS,
  type ScopeTreeOrganisation,
  scopesOver,
  seedScopeTree,
} from '../../support/scope-tree-fixture';

const QUERY = { reviewStatuses: ['pending_review'] as const, openStatuses: OPEN_STATUSES };

describe.each(REPOSITORY_BACKENDS)('to-do candidates on %s', (_name, open) => {
  const tag = randomUUID().slice(0, 8);
  let db: Database;
  let repo: PgTodoQueriesRepository;
  let orgs: ScopeTreeOrganisation[];
  let viewers: [string, Viewer][];
  const viewer = (who: string) => viewers.find(([name]) => name === who)![1];
  // Other tests' items share the server's database; a root administrator's scope reaches them.
  const ids = async (v: Viewer) =>
    (await repo.findCandidates(v, QUERY))
      .map((r) => r.id)
      .filter((id) => orgs.some((o) => o.itemId === id))
      .sort();
  const history = (
    itemId: string,
    seq: number,
    event: string,
    from: string,
    to: string,
    payload: object,
    at: string,
  ) =>
    db.dataSource.query(
      `INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, at)
       VALUES ($1, $2, 'system', 'system', $3, $4, $5, $6, $7)`,
      [itemId, seq, event, from, to, JSON.stringify(payload), at],
    );

  beforeAll(async () => {
    db = await open();
    repo = new PgTodoQueriesRepository(db.dataSource);
    orgs = await seedScopeTree(db, tag);
    viewers = scopesOver(orgs).filter((s): s is [string, Viewer] => s[1] !== 'operator');
  });
  afterAll(() => db?.close());

  it('offers each person the open items of their own organisations, never one outside their scope', async () => {
    for (const [who, v] of viewers) {
      const expected = orgs
        .filter((o) => mayReadItem(actorFor(v, o.path)) && v.positions.some((p) => p.organisationId === o.id))
        .map((o) => o.itemId)
        .sort();
      expect({ who, found: await ids(v) }).toEqual({ who, found: expected });
    }
  });

  it('adds what awaits review in the scope, with the last status change and when an extension was asked', async () => {
    const [, general, one, two] = orgs;
    await db.dataSource.query(`UPDATE rectification_item SET status = 'pending_review' WHERE id = $1`, [
      two.itemId,
    ]);
    await history(
      two.itemId,
      1,
      'SUBMIT_COMPLETION',
      'measures_set',
      'pending_review',
      { evidence: '已整改' },
      '2025-02-01T02:00:00Z',
    );
    await history(
      one.itemId,
      1,
      'RETURN_FOR_REWORK',
      'pending_review',
      'measures_set',
      { reason: '佐证不全' },
      '2025-02-02T02:00:00Z',
    );
    await history(
      one.itemId,
      2,
      'REQUEST_EXTENSION',
      'measures_set',
      'measures_set',
      {},
      '2025-02-03T02:00:00Z',
    );
    await db.dataSource.query(`UPDATE rectification_item SET pending_extension = $2 WHERE id = $1`, [
      one.itemId,
      JSON.stringify({ newDeadline: '2025-03-31', reason: '资金未到位', requestedBy: randomUUID() }),
    ]);

    // The 党总支's supervisor has no position in the branches, yet is offered both to decide.
    const supervisor = (await repo.findCandidates(viewer(`supervisor of ${general.name}`), QUERY)).filter(
      (r) => orgs.some((o) => o.itemId === r.id),
    );
    const byId = new Map(supervisor.map((r) => [r.id, r]));
    expect([...byId.keys()].sort()).toEqual([general.itemId, one.itemId, two.itemId].sort());
    expect(byId.get(two.itemId)).toMatchObject({
      status: 'pending_review',
      lastStatusChange: { event: 'SUBMIT_COMPLETION', at: '2025-02-01T02:00:00.000Z', by: null },
      extensionRequestedAt: null,
    });
    // A request for more time is no status change: the return stays the last one.
    expect(byId.get(one.itemId)).toMatchObject({
      organisationPath: one.path,
      lastStatusChange: { event: 'RETURN_FOR_REWORK', payload: { reason: '佐证不全' } },
      extensionRequestedAt: '2025-02-03T02:00:00.000Z',
      owned: false,
      measureResponsible: false,
    });
    // Out of 一支部's scope, 二支部's submission is never offered to its secretary.
    expect(await ids(viewer(`secretary of ${one.name}`))).toEqual([one.itemId]);
  });

  it('never offers a withdrawn item', async () => {
    const general = orgs[1];
    await db.dataSource.query(
      `UPDATE rectification_item SET withdrawn_at = now(), withdraw_reason = '重复录入' WHERE id = $1`,
      [general.itemId],
    );
    expect(await ids(viewer(`secretary of ${general.name}`))).toEqual([]);
  });
});
