import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createRepositories, openDatabase, type Database } from '@rectify/persistence';
import { readBackupArchive } from '../backup/backup-archive';
import { defaultEvidenceDir } from '../backup/evidence-dir';
import { describeBackup } from '../backup/describe-backup';
import { assertSameSchema } from '../backup/schema-match';
import { CliError, EXIT_USAGE } from '../cli-error';
import { EXIT_REFUSED } from '../database/with-database';
import { optionValue, parseArgs, requiredOption } from '../parse-args';

export const RESTORE_USAGE =
  'rectify restore 备份文件.zip --data-dir 数据库目录 [--evidence-dir 佐证材料目录] [--force]';

/**
 * Restores a backup of `rectify backup` into an embedded database directory and an evidence
 * folder (by default see defaultEvidenceDir): the same
 * organisations, people, items, history and evidence files. Refuses a directory that holds
 * anything unless --force (RESTORE_TARGET_NOT_EMPTY), and one a running program owns even then
 * (DATA_DIR_LOCKED); the archive's errors are readBackupArchive's and assertSameSchema's.
 */
export async function runRestore(argv: string[], out: (s: string) => void): Promise<void> {
  const args = parseArgs(argv, { flags: ['force'], options: ['data-dir', 'evidence-dir'] });
  if (args.positionals.length !== 1) throw new CliError(`用法：${RESTORE_USAGE}`, EXIT_USAGE, 'USAGE');
  const dataDir = resolve(requiredOption(args, 'data-dir', RESTORE_USAGE));
  const evidenceDir = resolve(optionValue(args, 'evidence-dir') ?? defaultEvidenceDir(dataDir));
  // Everything that can be wrong with the archive is found before anything is touched.
  const backup = await readBackupArchive(resolve(args.positionals[0]));
  assertSameSchema(backup.manifest.migrations);
  const occupied = [dataDir, evidenceDir].filter(holdsAnything);
  if (occupied.length > 0) {
    if (!args.flags.has('force')) {
      throw new CliError(
        `目标目录不为空：${occupied.join('、')}。恢复会覆盖其中的数据：确认无误请加 --force，或换一个空目录。`,
        EXIT_REFUSED,
        'RESTORE_TARGET_NOT_EMPTY',
      );
    }
    await assertNotInUse(dataDir);
    for (const dir of occupied) rmSync(dir, { recursive: true, force: true });
  }
  const db = await openDatabase({ dataDir });
  try {
    const { databaseSnapshot } = createRepositories(db.dataSource);
    assertSameSchema(backup.manifest.migrations, await databaseSnapshot.appliedMigrations());
    const outcome = await databaseSnapshot.load(backup.snapshot);
    if (outcome.kind === 'not_empty') {
      throw new CliError(
        `目标数据库已有数据（${outcome.table}），未恢复。`,
        EXIT_REFUSED,
        'RESTORE_TARGET_NOT_EMPTY',
      );
    }
  } finally {
    await db.close();
  }
  await mkdir(evidenceDir, { recursive: true });
  for (const [key, content] of backup.evidence)
    await writeFile(join(evidenceDir, key), content, { flag: 'wx' });
  out(`已从备份恢复到 ${dataDir}（佐证材料在 ${evidenceDir}）：${describeBackup(backup.manifest)}\n`);
}

function holdsAnything(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

/** Refuses a database directory a live process (e.g. `npm start`) owns: it would be pulled from under it. */
async function assertNotInUse(dataDir: string): Promise<void> {
  let db: Database | undefined;
  try {
    db = await openDatabase({ dataDir });
  } catch (err) {
    if ((err as { code?: string }).code === 'DATA_DIR_LOCKED') {
      throw new CliError(
        `数据库目录 ${dataDir} 正由运行中的程序使用：请先停止它（如 npm start）再恢复。`,
        EXIT_REFUSED,
        'DATA_DIR_LOCKED',
      );
    }
    // A directory that does not open as a database is simply replaced.
  } finally {
    await db?.close();
  }
}
