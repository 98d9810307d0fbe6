import { CliError, EXIT_USAGE } from '../cli-error';
import { integerOption, optionValue, type ParsedArgs, requiredOption } from '../parse-args';

/** A required four-digit year option. */
export function requiredYear(args: ParsedArgs, name: string, usage: string): number {
  requiredOption(args, name, usage);
  const year = integerOption(args, name)!;
  if (year < 1990 || year > 2100) {
    throw new CliError(`--${name} 应为1990至2100之间的年份，收到 ${year}。`, EXIT_USAGE, 'USAGE');
  }
  return year;
}

/** --as-of YYYY-MM-DD: the day to count deadlines from, for reproducible output. */
export function asOfOption(args: ParsedArgs): string | undefined {
  const value = optionValue(args, 'as-of');
  // A round trip refuses days that do not exist (2025-02-30), which Date.parse accepts.
  const real = (d: string) =>
    !Number.isNaN(Date.parse(d)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (value !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !real(value))) {
    throw new CliError(`--as-of 应为日期 YYYY-MM-DD，收到"${value}"。`, EXIT_USAGE, 'USAGE');
  }
  return value;
}
