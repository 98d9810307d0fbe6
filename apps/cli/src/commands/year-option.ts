import { DATE_WINDOW, isDayInWindow, isYearInWindow } from '@rectify/domain';
import { CliError, EXIT_USAGE } from '../cli-error';
import { integerOption, optionValue, type ParsedArgs, requiredOption } from '../parse-args';

/** A required four-digit year option. */
export function requiredYear(args: ParsedArgs, name: string, usage: string): number {
  requiredOption(args, name, usage);
  const year = integerOption(args, name)!;
  if (!isYearInWindow(year)) {
    throw new CliError(
      `--${name} 应为${DATE_WINDOW.firstYear}至${DATE_WINDOW.lastYear}之间的年份，收到 ${year}。`,
      EXIT_USAGE,
      'USAGE',
    );
  }
  return year;
}

/** --as-of YYYY-MM-DD: the day to count deadlines from, for reproducible output. */
export function asOfOption(args: ParsedArgs): string | undefined {
  const value = optionValue(args, 'as-of');
  if (value !== undefined && !isDayInWindow(value)) {
    throw new CliError(
      `--as-of 应为${DATE_WINDOW.firstYear}至${DATE_WINDOW.lastYear}年间的日期 YYYY-MM-DD，收到"${value}"。`,
      EXIT_USAGE,
      'USAGE',
    );
  }
  return value;
}
