import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EvidenceFileStore, openDatabase, type Database } from '@rectify/persistence';
import JSZip from 'jszip';
import { addOrganisation, addUser } from '../support/admin-fixtures';
import { attachEvidence, importReport, transitionItem } from '../support/item-commands';

// `rectify backup` / `rectify restore` of the embedded default (issue 19, part 2): a backup taken
// while the database's owner process runs restores into a fresh directory with the same items,
// history and evidence.
jest.setTimeout(300_000);
const ROOT = resolve(__dirname, '../..');
const REPORT = join(ROOT, 'test/fixtures/closing-loop/qingshan-2023.txt');

/** Runs the CLI in a child process, so that this process can keep serving the database it owns. */
function rectify(env: Record<string, string>, ...args: string[]) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [join(ROOT, 'bin/rectify.js'), ...args], { env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (status) => done({ status, stdout, stderr })),
  );
}

/** What a restore must bring back, read the same way from both databases. */
async function contents(db: Database) {
  const q = (sql: string) => db.dataSource.query(sql);
  return {
    organisations: await q('SELECT id, name, parent_id FROM organisation ORDER BY id'),
    users: await q('SELECT id, username, password_hash FROM app_user ORDER BY id'),
    items: await q(
      'SELECT id, title, status, version, deadline, created_at, updated_at FROM rectification_item ORDER BY id',
    ),
    measures: await q('SELECT * FROM measure ORDER BY id'),
    history: await q('SELECT * FROM item_history ORDER BY item_id, seq'),
    evidence: await q('SELECT * FROM evidence ORDER BY id'),
    reports: await q('SELECT * FROM report ORDER BY id'),
  };
}

describe('rectify backup and restore of the embedded database', () => {
  let workDir: string;
  let live: Database;
  let liveData: string;
  let liveEvidence: string;
  let secretaryId: string;
  let itemIds: string[];
  const photo = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'rectify-backup-'));
    liveData = join(workDir, 'live', 'pglite');
    liveEvidence = join(workDir, 'live', 'evidence');
    // This process plays `npm start`: it owns the database while the CLI backs it up.
    live = await openDatabase({ dataDir: liveData });
    await addOrganisation(live.dataSource, { name: '镇党委' });
    await addOrganisation(live.dataSource, { name: '青山村第三党支部', parentName: '镇党委' });
    const secretary = await addUser(live.dataSource, {
      username: 'backup.shuji',
      organisationName: '青山村第三党支部',
      role: 'secretary',
      password: 'backup-test-1',
    });
    secretaryId = secretary.id;
    ({ itemIds } = await importReport(live.dataSource, {
      bytes: readFileSync(REPORT),
      fileName: 'qingshan-2023.txt',
      organisationName: '青山村第三党支部',
    }));
    await transitionItem(live.dataSource, {
      itemId: itemIds[0],
      actorUserId: secretaryId,
      event: 'SET_MEASURES',
      payload: { measures: [{ title: '每月集中学习', responsible: '王五', deadline: '2024-06-30' }] },
    });
    await attachEvidence(live.dataSource, new EvidenceFileStore(liveEvidence), {
      itemId: itemIds[0],
      userId: secretaryId,
      text: '学习照片',
      file: { name: '学习.png', bytes: photo },
    });
  });
  afterAll(async () => {
    await live?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('backs up while the owner runs, and restores the same items, history and evidence into a fresh directory', async () => {
    const before = await contents(live);
    const archive = join(workDir, 'backup.zip');
    const backup = await rectify(
      { RECTIFY_DATA_DIR: liveData, EVIDENCE_DIR: liveEvidence },
      'backup',
      archive,
    );
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain(`整改事项 ${itemIds.length} 条`);
    expect(backup.stdout).toContain(`历史记录 ${before.history.length} 条`);
    expect(backup.stdout).toContain(`佐证材料 1 个（${photo.length} 字节）`);
    // The owner went on working: what it wrote after the backup is not in it.
    await transitionItem(live.dataSource, {
      itemId: itemIds[0],
      actorUserId: secretaryId,
      event: 'ADD_PROGRESS_NOTE',
      payload: { note: '备份之后的进展' },
    });

    const restoredData = join(workDir, 'restored', 'pglite');
    const restore = await rectify({}, 'restore', archive, '--data-dir', restoredData);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain(`整改事项 ${itemIds.length} 条`);

    const restored = await openDatabase({ dataDir: restoredData });
    try {
      expect(await contents(restored)).toEqual(before);
      const [{ storage_key: key }] = before.evidence as { storage_key: string }[];
      expect(await new EvidenceFileStore(join(workDir, 'restored', 'evidence')).read(key)).toEqual(photo);
      // The restored database takes new work: the history continues from its last line.
      const moved = await transitionItem(restored.dataSource, {
        itemId: itemIds[0],
        actorUserId: secretaryId,
        event: 'ADD_PROGRESS_NOTE',
        payload: { note: '恢复之后的进展' },
      });
      expect(moved.status).toBe('measures_set');
    } finally {
      await restored.close();
    }

    // Refusals, each before anything is touched.
    const again = await rectify({}, 'restore', archive, '--data-dir', restoredData);
    expect(again).toMatchObject({ status: 1, stderr: expect.stringContaining('目标目录不为空') });
    const missing = await rectify({}, 'restore', join(workDir, 'nope.zip'), '--data-dir', join(workDir, 'x'));
    expect(missing).toMatchObject({ status: 2, stderr: expect.stringContaining('备份文件不存在') });
    const garbage = join(workDir, 'garbage.zip');
    writeFileSync(garbage, 'not a zip');
    const corrupt = await rectify({}, 'restore', garbage, '--data-dir', join(workDir, 'x'));
    expect(corrupt).toMatchObject({ status: 2, stderr: expect.stringContaining('备份文件已损坏') });
    const newer = await rewriteManifest(archive, join(workDir, 'newer.zip'), (m) => ({
      ...m,
      migrations: [...(m.migrations as string[]), 'FutureThing1999999999999'],
    }));
    const refusedNewer = await rectify({}, 'restore', newer, '--data-dir', join(workDir, 'x'));
    expect(refusedNewer).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('请先升级本程序再恢复'),
    });
  });
});

/** A copy of `archive` whose manifest `change` rewrote. */
async function rewriteManifest(
  archive: string,
  copy: string,
  change: (manifest: Record<string, unknown>) => Record<string, unknown>,
): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(archive));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
  zip.file('manifest.json', JSON.stringify(change(manifest)));
  writeFileSync(copy, await zip.generateAsync({ type: 'nodebuffer' }));
  return copy;
}
