import { CliError, EXIT_USAGE } from './cli-error';
import { DEMO_USAGE, runDemo } from './commands/demo.command';
import { DIRECTORY_USAGE, runDirectory } from './commands/directory.command';
import { EXTRACT_USAGE, runExtract } from './commands/extract.command';
import { IMPORT_USAGE, runImport } from './commands/import.command';
import { ITEMS_USAGE, runItems } from './commands/items.command';
import { ORGS_USAGE, runOrgs } from './commands/orgs.command';
import { runTransition, TRANSITION_USAGE } from './commands/transition.command';
import { runUsers, USERS_USAGE } from './commands/users.command';
import { LEDGER_USAGE, runLedger } from './commands/ledger.command';
import { RECONCILE_USAGE, runReconcile } from './commands/reconcile.command';
import { runSection, SECTION_USAGE } from './commands/section.command';
import { runSummary, SUMMARY_USAGE } from './commands/summary.command';
import { runTodo, TODO_USAGE } from './commands/todo.command';
import { BACKUP_USAGE, runBackup } from './commands/backup.command';
import { RESTORE_USAGE, runRestore } from './commands/restore.command';

const USAGE = `用法：
  ${EXTRACT_USAGE}
      从报告中提取问题、原因、措施和上年度整改情况
  ${IMPORT_USAGE}
      导入报告，为每个问题建立整改事项
  ${ITEMS_USAGE}
      列出组织（含下级组织）的整改事项
  ${TRANSITION_USAGE}
      对整改事项执行操作（如 SET_MEASURES、SUBMIT_COMPLETION、APPROVE_COMPLETION）
  ${TODO_USAGE}
      某人的待办：待我审核、被退回、待制定措施、即将到期、已超期
  ${SECTION_USAGE}
      生成该年度报告的"上年度整改情况"（依据上一年度查摆问题的整改记录）
  ${SUMMARY_USAGE}
      组织及下级组织某年度查摆问题的整改情况汇总（督导用）
  ${LEDGER_USAGE}
      导出某年度查摆问题整改台账（Excel）
  ${RECONCILE_USAGE}
      用新报告核对上年度整改情况，并查找反复出现的问题（不导入）
  ${ORGS_USAGE}
      管理党组织
  ${USERS_USAGE}
      添加、查找、编辑、停用、启用人员，重置密码（一次性密码）
  ${DIRECTORY_USAGE}
      按模板批量导入组织和人员（.xlsx，全部无误才写入）；template 写出模板
  ${DEMO_USAGE}
      建立演示用的组织、用户并导入示例报告
  ${BACKUP_USAGE}
      把内置数据库和佐证材料备份为一个文件（产品运行时也可以）；PostgreSQL 请用 pg_dump
  ${RESTORE_USAGE}
      把备份恢复到新的数据库目录（不覆盖非空目录，除非 --force）
数据库：设置 DATABASE_URL 使用 PostgreSQL 服务器；否则使用内置数据库（RECTIFY_DATA_DIR，默认 .run/pglite）。
`;

const COMMANDS: Record<string, (argv: string[], out: (s: string) => void) => Promise<void>> = {
  extract: runExtract,
  import: runImport,
  items: runItems,
  transition: runTransition,
  todo: runTodo,
  orgs: runOrgs,
  users: runUsers,
  directory: runDirectory,
  demo: runDemo,
  section: runSection,
  summary: runSummary,
  ledger: runLedger,
  reconcile: runReconcile,
  backup: runBackup,
  restore: runRestore,
};

export async function runCli(argv: string[], out: (s: string) => void): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    out(USAGE);
    return;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`未知命令 "${name}"。\n${USAGE}`, EXIT_USAGE, 'UNKNOWN_COMMAND');
  await command(rest, out);
}

/** Runs the process's command line; errors go to stderr and become the exit code. */
export async function main(): Promise<void> {
  try {
    await runCli(process.argv.slice(2), (s) => process.stdout.write(s));
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`rectify: ${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    process.stderr.write(
      `rectify: 内部错误：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  }
}
