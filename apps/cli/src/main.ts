import { CliError, EXIT_USAGE } from './cli-error';
import { EXTRACT_USAGE, runExtract } from './commands/extract.command';

const USAGE = `用法：
  ${EXTRACT_USAGE}    从报告中提取问题、原因、措施和上年度整改情况
`;

const COMMANDS: Record<string, (argv: string[], out: (s: string) => void) => Promise<void>> = {
  extract: runExtract,
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
