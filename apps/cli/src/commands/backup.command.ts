import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeBackupArchive } from '../backup/backup-archive';
import { productEvidenceDir, productVersion } from '../backup/evidence-dir';
import { describeBackup } from '../backup/describe-backup';
import { CliError, EXIT_USAGE } from '../cli-error';
import { withRepositories } from '../database/with-database';
import { optionValue, parseArgs } from '../parse-args';

export const BACKUP_USAGE = 'rectify backup 备份文件.zip [--evidence-dir 佐证材料目录]';

/**
 * Writes the embedded database (every table) and the evidence files into one .zip archive, while
 * the product runs or not: beside `npm start` the rows are read through its database owner, in
 * one consistent snapshot. A PostgreSQL server (DATABASE_URL) is backed up with pg_dump instead;
 * the command says so (BACKUP_USE_PG_DUMP).
 */
export async function runBackup(argv: string[], out: (s: string) => void): Promise<void> {
  const args = parseArgs(argv, { flags: [], options: ['evidence-dir'] });
  if (args.positionals.length !== 1) throw new CliError(`用法：${BACKUP_USAGE}`, EXIT_USAGE, 'USAGE');
  if (process.env.DATABASE_URL) {
    throw new CliError(
      '使用 PostgreSQL 服务器（DATABASE_URL）时请用 pg_dump 备份数据库（见 docs/DEPLOY.md），并另行复制佐证材料目录（EVIDENCE_DIR）。rectify backup 只备份内置数据库。',
      EXIT_USAGE,
      'BACKUP_USE_PG_DUMP',
    );
  }
  const file = resolve(args.positionals[0]);
  const evidenceDir = resolve(optionValue(args, 'evidence-dir') ?? productEvidenceDir());
  // Rows first, then files: a file deleted in between is reported missing, never half-copied.
  const snapshot = await withRepositories(({ databaseSnapshot }) => databaseSnapshot.take());
  const manifest = await writeBackupArchive(
    file,
    snapshot,
    (key) =>
      readFile(join(evidenceDir, key)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      }),
    productVersion(),
  );
  out(`已备份到 ${file}：${describeBackup(manifest)}\n`);
  if (manifest.evidence.missing.length > 0) {
    out(
      `注意：${manifest.evidence.missing.length} 个佐证材料文件在 ${evidenceDir} 中不存在，未能备份：${manifest.evidence.missing.join('、')}\n`,
    );
  }
}
