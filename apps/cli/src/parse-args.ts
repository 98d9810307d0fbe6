import { CliError, EXIT_USAGE } from './cli-error';

/** Positional arguments and `--flag` / `--name value` options; unknown options are refused. */
export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

export function parseArgs(argv: string[], spec: { flags: string[]; options: string[] }): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      out.positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (spec.flags.includes(name)) {
      out.flags.add(name);
    } else if (spec.options.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new CliError(`选项 --${name} 需要一个值`, EXIT_USAGE, 'USAGE');
      out.options.set(name, value);
    } else {
      const known = [...spec.flags, ...spec.options].map((n) => `--${n}`).join(', ') || '无';
      throw new CliError(`未知选项 --${name}（可用选项：${known}）`, EXIT_USAGE, 'USAGE');
    }
  }
  return out;
}
