import { randomUUID } from 'node:crypto';
import {
  type Database,
  PgItemsRepository,
  PgReportsRepository,
  type TransitionWrite,
} from '@rectify/persistence';
import { type Viewer } from '@rectify/workflow';
import { REPOSITORY_BACKENDS } from '../../support/scope-tree-fixture';
import { type TestRole } from '../../support/admin-fixtures';
import { positionInsertFor, testViewer } from '../../support/test-viewer';

/** 党委 → 一支部 and 二支部, a secretary in 一支部, and one item of 一支部 at version 1. */
async function seed(db: Database) {
  const tag = randomUUID().slice(0, 8);
  const q = (sql: string, params: unknown[]) => db.dataSource.query(sql, params);
  const org = async (name: string, parent: { id: string; path: string } | null) => {
    const [row] = await q(
      `INSERT INTO organisation (name, kind, parent_id, path) VALUES ($1, $2, $3, '') RETURNING id`,
      [`${name}-${tag}`, parent ? 'branch' : 'committee', parent?.id ?? null],
    );
    const path = `${parent?.path ?? '/'}${row.id}/`;
    await q(`UPDATE organisation SET path = $1 WHERE id = $2`, [path, row.id]);
    return { id: row.id as string, path };
  };
  const root = await org('党委', null);
  const one = await org('一支部', root);
  const two = await org('二支部', root);
  const [secretary] = await q(
    `INSERT INTO app_user (username, display_name, organisation_id) VALUES ($1, '书记', $2) RETURNING id`,
    [`sec-${tag}`, one.id],
  );
  await q(positionInsertFor('secretary'), [secretary.id, one.id]);
  const [report] = await q(
    `INSERT INTO report (organisation_id, year, source_file_name, source_hash, text, extraction)
     VALUES ($1, 2024, 'r.txt', $2, '', '{}') RETURNING id`,
    [one.id, tag],
  );
  const [item] = await q(
    `INSERT INTO rectification_item (report_id, organisation_id, seq, title, detail, source, status, deadline, version)
     VALUES ($1, $2, 1, '问题', '', 'self_inspection', 'identified', NULL, 1) RETURNING id`,
    [report.id, one.id],
  );
  const viewer = (role: TestRole, o: { id: string; path: string }): Viewer =>
    testViewer(secretary.id, role, o);
  return { root, one, two, secretaryId: secretary.id as string, itemId: item.id as string, viewer };
}

describe.each(REPOSITORY_BACKENDS)('items repository on %s', (_name, open) => {
  let db: Database;
  let repo: PgItemsRepository;
  beforeAll(async () => {
    db = await open();
    repo = new PgItemsRepository(db.dataSource);
  });
  afterAll(() => db.close());

  const historyOf = (itemId: string) =>
    db.dataSource.query(
      `SELECT seq, event, from_status, to_status, actor_id, payload FROM item_history WHERE item_id = $1 ORDER BY seq`,
      [itemId],
    );

  it('reads the item with the actor’s positions and their organisations’ paths, or no actor for an unknown account', async () => {
    const s = await seed(db);
    const loaded = await repo.session((session) => session.loadItemWithActor(s.itemId, s.secretaryId));
    expect(loaded).toEqual({
      item: {
        id: s.itemId,
        status: 'identified',
        deadline: null,
        reviewIntervalDays: null,
        pendingExtension: null,
        version: 1,
        organisationPath: s.one.path,
        createdBy: null,
        withdrawn: false,
      },
      actor: {
        userId: s.secretaryId,
        positions: [
          {
            organisationId: s.one.id,
            organisationPath: s.one.path,
            kind: 'secretary',
            rights: ['work_items'],
          },
        ],
      },
    });
    const system = await repo.session((session) => session.loadItemWithActor(s.itemId, null));
    expect(system?.actor).toBeNull();
    const stranger = await repo.session((session) => session.loadItemWithActor(s.itemId, randomUUID()));
    expect(stranger?.actor).toBeNull();
    expect(
      await repo.session((session) => session.loadItemWithActor(randomUUID(), s.secretaryId)),
    ).toBeNull();
  });

  it('writes a transition in one statement: item, history, outbox and measures, only at the version read', async () => {
    const s = await seed(db);
    const write: TransitionWrite = {
      itemId: s.itemId,
      readVersion: 1,
      event: 'SET_MEASURES',
      fromStatus: 'identified',
      toStatus: 'measures_set',
      deadline: '2025-06-30',
      reviewIntervalDays: null,
      pendingExtension: null,
      actor: { userId: s.secretaryId, role: 'secretary' },
      historyPayload: { measures: [] },
      ownerId: s.secretaryId,
      measures: [{ title: '建章立制', responsible: '张三', deadline: '2025-06-30' }],
    };
    expect(await repo.session((session) => session.writeTransition(write))).toBe(true);
    // The same version again: someone else already moved it on, nothing is written.
    expect(await repo.session((session) => session.writeTransition(write))).toBe(false);
    const [item] = await db.dataSource.query(
      `SELECT status, version, owner_id, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM rectification_item WHERE id = $1`,
      [s.itemId],
    );
    expect(item).toEqual({
      status: 'measures_set',
      version: 2,
      owner_id: s.secretaryId,
      deadline: '2025-06-30',
    });
    expect(await historyOf(s.itemId)).toEqual([
      expect.objectContaining({
        seq: 2,
        event: 'SET_MEASURES',
        from_status: 'identified',
        to_status: 'measures_set',
      }),
    ]);
    const measures = await db.dataSource.query(
      `SELECT seq, title, responsible FROM measure WHERE item_id = $1`,
      [s.itemId],
    );
    expect(measures).toEqual([{ seq: 1, title: '建章立制', responsible: '张三' }]);
    const outbox = await db.dataSource.query(`SELECT reason FROM outbox WHERE item_id = $1`, [s.itemId]);
    expect(outbox).toEqual([{ reason: 'SET_MEASURES' }]);
    expect(await repo.session((session) => session.currentState(s.itemId))).toEqual({
      status: 'measures_set',
      version: 2,
    });
  });

  it('updates the ledger details with a history line, version-guarded', async () => {
    const s = await seed(db);
    const write = {
      itemId: s.itemId,
      readVersion: 1,
      title: '学习不够深入（更正）',
      detail: null,
      source: 'superior_review',
      setResponsibleLeader: true,
      responsibleLeader: '李四',
      actor: { userId: s.secretaryId, role: 'secretary' as const },
      changes: { source: 'superior_review', responsibleLeader: '李四' },
    };
    expect(await repo.session((session) => session.updateDetails(write))).toBe(2);
    expect(await repo.session((session) => session.updateDetails(write))).toBeNull();
    const [item] = await db.dataSource.query(
      `SELECT title, source, responsible_leader, status FROM rectification_item WHERE id = $1`,
      [s.itemId],
    );
    expect(item).toEqual({
      title: '学习不够深入（更正）',
      source: 'superior_review',
      responsible_leader: '李四',
      status: 'identified',
    });
    expect((await historyOf(s.itemId)).map((h: { event: string }) => h.event)).toEqual(['UPDATE_DETAILS']);
  });

  it('withdraws and restores in one version-guarded statement, with a history line and an outbox row', async () => {
    const s = await seed(db);
    const write = (withdraw: boolean, readVersion: number) =>
      repo.session((session) =>
        session.writeWithdrawal({
          itemId: s.itemId,
          readVersion,
          withdraw,
          reason: withdraw ? '重复' : null,
          actor: { userId: s.secretaryId, role: 'supervisor' },
          historyPayload: withdraw ? { reason: '重复' } : {},
        }),
      );
    expect(await write(false, 1)).toBeNull(); // not withdrawn: nothing to restore
    expect(await write(true, 7)).toBeNull(); // stale version
    expect(await write(true, 1)).toBe(2);
    expect(await write(true, 2)).toBeNull(); // already withdrawn
    const columns = () =>
      db.dataSource.query(
        `SELECT status, withdrawn_at IS NOT NULL AS withdrawn, withdrawn_by, withdraw_reason FROM rectification_item WHERE id = $1`,
        [s.itemId],
      );
    expect(await columns()).toEqual([
      { status: 'identified', withdrawn: true, withdrawn_by: s.secretaryId, withdraw_reason: '重复' },
    ]);
    const loaded = await repo.session((session) => session.loadItemWithActor(s.itemId, null));
    expect(loaded?.item.withdrawn).toBe(true);
    expect(await write(false, 2)).toBe(3);
    expect(await columns()).toEqual([
      { status: 'identified', withdrawn: false, withdrawn_by: null, withdraw_reason: null },
    ]);
    expect(
      (await historyOf(s.itemId)).map((h: { event: string; payload: unknown }) => [h.event, h.payload]),
    ).toEqual([
      ['WITHDRAW', { reason: '重复' }],
      ['RESTORE', {}],
    ]);
    const outbox = await db.dataSource.query(`SELECT reason FROM outbox WHERE item_id = $1 ORDER BY id`, [
      s.itemId,
    ]);
    expect(outbox).toEqual([{ reason: 'WITHDRAW' }, { reason: 'RESTORE' }]);
  });

  it('removes an untouched import with its lines (the append-only history allows it there only), not a worked one', async () => {
    const reports = new PgReportsRepository(db.dataSource);
    const s = await seed(db);
    const [{ report_id: reportId }] = await db.dataSource.query(
      `SELECT report_id FROM rectification_item WHERE id = $1`,
      [s.itemId],
    );
    await db.dataSource.query(
      `INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload)
       VALUES ($1, 1, 'system', 'system', 'IMPORT', NULL, 'identified', '{}')`,
      [s.itemId],
    );
    await db.dataSource.query(`INSERT INTO outbox (item_id, reason) VALUES ($1, 'IMPORT')`, [s.itemId]);
    const input = { reportId, scope: 'operator' as const, mayRemove: () => true };
    expect(await reports.removeImport({ ...input, mayRemove: () => false })).toEqual({ kind: 'forbidden' });
    expect(await reports.removeImport({ ...input, scope: s.viewer('secretary', s.two) })).toEqual({
      kind: 'not_found',
    });
    expect(await reports.removeImport(input)).toEqual({ kind: 'removed', items: 1 });
    for (const table of ['rectification_item', 'report']) {
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = $1`, [
        table === 'report' ? reportId : s.itemId,
      ]);
      expect(n).toBe(0);
    }
    // Outside a removal the history stays append-only.
    const worked = await seed(db);
    const [{ report_id: workedReport }] = await db.dataSource.query(
      `SELECT report_id FROM rectification_item WHERE id = $1`,
      [worked.itemId],
    );
    await db.dataSource.query(
      `INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload)
       VALUES ($1, 2, 'system', 'system', 'ADD_PROGRESS_NOTE', 'identified', 'identified', '{}')`,
      [worked.itemId],
    );
    expect(await reports.removeImport({ ...input, reportId: workedReport })).toEqual({
      kind: 'in_use',
      items: 1,
      worked: 1,
    });
    await expect(
      db.dataSource.query(`DELETE FROM item_history WHERE item_id = $1`, [worked.itemId]),
    ).rejects.toThrow(/append-only/);
  });

  it('files and withdraws evidence in a transaction, and rolls back what a failing step wrote', async () => {
    const s = await seed(db);
    const file = {
      itemId: s.itemId,
      text: '会议记录',
      fileName: 'a.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 100,
      storageKey: randomUUID(),
      createdBy: s.secretaryId,
    };
    const actor = { userId: s.secretaryId, role: 'secretary' as const };
    const evidenceId = await repo.evidenceTransaction(async (tx) => {
      expect(await tx.lockItem(s.itemId)).toEqual({ id: s.itemId, status: 'identified', withdrawn: false });
      const id = await tx.insertFile(file);
      expect(await tx.appendHistory(s.itemId, actor, 'ATTACH_EVIDENCE', { evidenceId: id })).toBe(2);
      return id;
    });
    await expect(
      repo.evidenceTransaction(async (tx) => {
        await tx.insertFile({ ...file, storageKey: randomUUID() });
        throw new Error('the file could not be committed');
      }),
    ).rejects.toThrow('could not be committed');
    await repo.evidenceTransaction(async (tx) => {
      expect(await tx.liveFileUsage(s.itemId)).toEqual({ files: 1, bytes: 100 });
      expect(await tx.findLiveFileForUpdate(s.itemId, evidenceId)).toEqual({
        id: evidenceId,
        fileName: 'a.pdf',
        storageKey: file.storageKey,
        createdBy: s.secretaryId,
      });
      await tx.markDeleted(evidenceId, s.secretaryId);
      expect(await tx.liveFileUsage(s.itemId)).toEqual({ files: 0, bytes: 0 });
      expect(await tx.findLiveFileForUpdate(s.itemId, evidenceId)).toBeNull();
      expect(await tx.lockItem(randomUUID())).toBeNull();
    });
  });

  it('finds a live evidence file only through a scope that sees its item', async () => {
    const s = await seed(db);
    const storageKey = randomUUID();
    const [row] = await db.dataSource.query(
      `INSERT INTO evidence (item_id, text, file_name, mime_type, size_bytes, storage_key, created_by)
       VALUES ($1, '记录', 'a.pdf', 'application/pdf', 4, $2, $3) RETURNING id`,
      [s.itemId, storageKey, s.secretaryId],
    );
    const found = await repo.findLiveEvidenceFile(s.viewer('secretary', s.one), s.itemId, row.id);
    expect(found).toEqual({
      kind: 'found',
      file: {
        id: row.id,
        itemId: s.itemId,
        fileName: 'a.pdf',
        mimeType: 'application/pdf',
        storageKey,
        createdBy: s.secretaryId,
      },
    });
    expect(await repo.findLiveEvidenceFile(s.viewer('supervisor', s.root), s.itemId, row.id)).toMatchObject({
      kind: 'found',
    });
    expect(await repo.findLiveEvidenceFile('operator', s.itemId, row.id)).toMatchObject({ kind: 'found' });
    expect(await repo.findLiveEvidenceFile(s.viewer('secretary', s.two), s.itemId, row.id)).toEqual({
      kind: 'item_not_found',
    });
    expect(await repo.findLiveEvidenceFile(s.viewer('supervisor', s.two), s.itemId, row.id)).toEqual({
      kind: 'item_not_found',
    });
    expect(await repo.findLiveEvidenceFile('operator', s.itemId, randomUUID())).toEqual({
      kind: 'evidence_not_found',
    });
    expect(await repo.findLiveEvidenceFile('operator', s.itemId, 'not-a-uuid')).toEqual({
      kind: 'evidence_not_found',
    });
    await db.dataSource.query(`UPDATE evidence SET deleted_at = now() WHERE id = $1`, [row.id]);
    expect(await repo.findLiveEvidenceFile('operator', s.itemId, row.id)).toEqual({
      kind: 'evidence_not_found',
    });
  });
});
