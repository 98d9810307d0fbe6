import { CliError, EXIT_USAGE } from './cli-error';

/** Positional arguments and `--flag` / `--name value` options; unknown options are refused. */
export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  /** Every value given for each option, in order (an option may be repeated). */
  options: Map<string, string[]>;
}

export interface ArgSpec {
  flags: string[];
  options: string[];
}

export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
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
      out.options.set(name, [...(out.options.get(name) ?? []), value]);
    } else {
      const known = [...spec.flags, ...spec.options].map((n) => `--${n}`).join(', ') || '无';
      throw new CliError(`未知选项 --${name}（可用选项：${known}）`, EXIT_USAGE, 'USAGE');
    }
  }
  return out;
}

/** The last value of an option, or undefined. */
export function optionValue(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.at(-1);
}

export function requiredOption(args: ParsedArgs, name: string, usage: string): string {
  const value = optionValue(args, name);
  if (value === undefined || value.trim() === '') {
    throw new CliError(`缺少必需的选项 --${name}。用法：${usage}`, EXIT_USAGE, 'USAGE');
  }
  return value;
}

export function integerOption(args: ParsedArgs, name: string): number | undefined {
  const value = optionValue(args, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value))
    throw new CliError(`选项 --${name} 必须是整数，收到"${value}"。`, EXIT_USAGE, 'USAGE');
  return Number(value);
}
