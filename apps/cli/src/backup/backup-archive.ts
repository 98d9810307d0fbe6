import { readFile, rename, writeFile } from 'node:fs/promises';
import { type DatabaseSnapshot } from '@rectify/persistence';
import JSZip from 'jszip';
import { CliError, EXIT_BAD_INPUT } from '../cli-error';

/** What names a backup archive as ours, and the layout version this program reads and writes. */
export const BACKUP_FORMAT = 'rectify-backup';
export const BACKUP_FORMAT_VERSION = 1;

/**
 * `manifest.json` of a backup archive (a .zip): what it holds, so a restore can refuse what it
 * cannot read and an operator can see what a file is without opening the database.
 */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The version of the program that wrote it (package.json). */
  productVersion: string;
  /** ISO 8601. */
  createdAt: string;
  /** The migrations applied to the database it came from, in order; the last is its level. */
  migrations: string[];
  /** Rows per table. */
  counts: Record<string, number>;
  evidence: {
    files: number;
    bytes: number;
    /** Keys the database names whose file was not in the evidence folder (not in the archive). */
    missing: string[];
  };
}

/** A backup read back: the manifest, the rows, and the evidence files by storage key. */
export interface BackupContents {
  manifest: BackupManifest;
  snapshot: DatabaseSnapshot;
  evidence: Map<string, Buffer>;
}

const EVIDENCE_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Writes the archive: manifest.json, tables/<table>.json (a JSON array of rows each) and
 * evidence/<storage key>. Written beside `file` first and renamed, so a failed backup never
 * leaves a half archive under the final name. `readEvidence` answers null for a missing file.
 */
export async function writeBackupArchive(
  file: string,
  snapshot: DatabaseSnapshot,
  readEvidence: (key: string) => Promise<Buffer | null>,
  productVersion: string,
): Promise<BackupManifest> {
  const zip = new JSZip();
  for (const [table, rows] of Object.entries(snapshot.tables)) zip.file(`tables/${table}.json`, rows);
  const missing: string[] = [];
  let bytes = 0;
  for (const key of snapshot.evidenceKeys) {
    const content = await readEvidence(key);
    if (!content) {
      missing.push(key);
      continue;
    }
    bytes += content.length;
    zip.file(`evidence/${key}`, content);
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    productVersion,
    createdAt: new Date().toISOString(),
    migrations: snapshot.migrations,
    counts: snapshot.counts,
    evidence: { files: snapshot.evidenceKeys.length - missing.length, bytes, missing },
  };
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const partial = `${file}.partial`;
  await writeFile(partial, content);
  await rename(partial, file);
  return manifest;
}

/**
 * Reads and checks an archive written by writeBackupArchive.
 * @throws CliError BACKUP_NOT_FOUND (no such file), BACKUP_CORRUPT (not a zip, no manifest, a
 *   table or file missing or damaged), BACKUP_NEWER_FORMAT (written by a newer program).
 */
export async function readBackupArchive(file: string): Promise<BackupContents> {
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT')
      throw new CliError(`备份文件不存在：${file}`, EXIT_BAD_INPUT, 'BACKUP_NOT_FOUND');
    throw err;
  });
  const corrupt = (what: string) =>
    new CliError(`备份文件已损坏或不是本系统的备份（${what}）：${file}`, EXIT_BAD_INPUT, 'BACKUP_CORRUPT');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch {
    throw corrupt('无法解压');
  }
  const manifest = await readManifest(zip, corrupt);
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new CliError(
      `备份由更新版本的程序（${manifest.productVersion}，格式 ${manifest.formatVersion}）生成，本程序只能读取格式 ${BACKUP_FORMAT_VERSION}：请先升级本程序再恢复。`,
      EXIT_BAD_INPUT,
      'BACKUP_NEWER_FORMAT',
    );
  }
  const tables: Record<string, string> = {};
  for (const table of Object.keys(manifest.counts)) {
    const entry = zip.file(`tables/${table}.json`);
    if (!entry) throw corrupt(`缺少数据表 ${table}`);
    tables[table] = await entry.async('string').catch(() => {
      throw corrupt(`数据表 ${table} 无法读取`);
    });
  }
  const evidence = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !entry.name.startsWith('evidence/')) continue;
    const key = entry.name.slice('evidence/'.length);
    // Keys become file names on restore: nothing but a storage key may.
    if (!EVIDENCE_KEY.test(key)) throw corrupt(`佐证材料文件名不合法：${entry.name}`);
    evidence.set(
      key,
      await entry.async('nodebuffer').catch(() => {
        throw corrupt(`佐证材料 ${key} 无法读取`);
      }),
    );
  }
  if (evidence.size !== manifest.evidence.files) throw corrupt('佐证材料数量与清单不符');
  const evidenceKeys = [...evidence.keys()].sort();
  return {
    manifest,
    snapshot: { migrations: manifest.migrations, tables, counts: manifest.counts, evidenceKeys },
    evidence,
  };
}

async function readManifest(zip: JSZip, corrupt: (what: string) => CliError): Promise<BackupManifest> {
  const entry = zip.file('manifest.json');
  if (!entry) throw corrupt('缺少 manifest.json');
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(await entry.async('string')) as Partial<BackupManifest>;
  } catch {
    throw corrupt('manifest.json 无法读取');
  }
  const wellFormed =
    manifest.format === BACKUP_FORMAT &&
    typeof manifest.formatVersion === 'number' &&
    Array.isArray(manifest.migrations) &&
    typeof manifest.counts === 'object' &&
    manifest.counts !== null &&
    typeof manifest.evidence?.files === 'number';
  if (!wellFormed) throw corrupt('manifest.json 内容不完整');
  return manifest as BackupManifest;
}
