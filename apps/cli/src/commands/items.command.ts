import { ListItemsUseCase } from '@rectify/application';
import { RECTIFICATION_STATUS_LABELS } from '@rectify/workflow';
import { CliError, EXIT_USAGE } from '../cli-error';
import { withRepositories } from '../database/with-database';
import { optionValue, parseArgs, requiredOption } from '../parse-args';
import { emit } from './output';

export const ITEMS_USAGE =
  'rectify items --org NAME [--status identified|measures_set|pending_review|completed|long_term] [--json]';

export async function runItems(argv: string[], out: (s: string) => void): Promise<void> {
  const args = parseArgs(argv, { flags: ['json'], options: ['org', 'status'] });
  if (args.positionals.length !== 0) throw new CliError(`用法：${ITEMS_USAGE}`, EXIT_USAGE, 'USAGE');
  const items = await withRepositories(({ organisations, itemQueries }) =>
    new ListItemsUseCase(organisations, itemQueries).execute({
      organisationName: requiredOption(args, 'org', ITEMS_USAGE),
      status: optionValue(args, 'status'),
    }),
  );
  emit(out, args.flags.has('json'), items, () =>
    items.length === 0
      ? '（没有符合条件的整改事项）'
      : items
          .map(
            (i) =>
              `${i.id}  [${RECTIFICATION_STATUS_LABELS[i.status]}] ${i.organisation} #${i.seq} ${i.title}${i.deadline ? `（时限 ${i.deadline}）` : ''}`,
          )
          .join('\n'),
  );
}
