import { MIGRATIONS } from '@rectify/persistence';
import { CliError, EXIT_BAD_INPUT } from '../cli-error';

/** The migrations this program applies, by the names TypeORM records, oldest first. */
export const PROGRAM_MIGRATIONS: string[] = MIGRATIONS.map(
  (Migration) => new Migration().name ?? Migration.name,
);

/**
 * Refuses a backup whose database schema is not this program's: rows fit only the schema they
 * were read from.
 * @throws CliError BACKUP_NEWER_SCHEMA (written by a newer program: upgrade first),
 *   BACKUP_OLDER_SCHEMA (written by an older one: restore with it, then start this one, whose
 *   migrations bring the restored database up to date).
 */
export function assertSameSchema(backup: string[], program: string[] = PROGRAM_MIGRATIONS): void {
  const unknown = backup.filter((name, i) => program[i] !== name);
  if (unknown.length > 0 || backup.length > program.length) {
    throw new CliError(
      `备份来自更新版本的程序（数据库结构 ${backup.at(-1) ?? '无'}，本程序不认识：${unknown.join('、') || backup.slice(program.length).join('、')}）：请先升级本程序再恢复。`,
      EXIT_BAD_INPUT,
      'BACKUP_NEWER_SCHEMA',
    );
  }
  if (backup.length < program.length) {
    throw new CliError(
      `备份来自较早版本的程序（数据库结构 ${backup.at(-1) ?? '无'}，本程序为 ${program.at(-1)}）：请用生成该备份的版本恢复，再以本程序启动，启动时会自动升级数据库结构。`,
      EXIT_BAD_INPUT,
      'BACKUP_OLDER_SCHEMA',
    );
  }
}
