import { GetTodoUseCase, requireUserNamed } from '@rectify/application';
import { shanghaiDate } from '@rectify/domain';
import { CliError, EXIT_USAGE } from '../cli-error';
import { withRepositories } from '../database/with-database';
import { parseArgs, requiredOption } from '../parse-args';
import { formatTodo } from './format-todo';
import { emit } from './output';

export const TODO_USAGE = 'rectify todo --as USERNAME [--json]';

/** A person's to-do lists (待办) as they would see them in the web, by list with counts. */
export async function runTodo(argv: string[], out: (s: string) => void): Promise<void> {
  const args = parseArgs(argv, { flags: ['json'], options: ['as'] });
  if (args.positionals.length !== 0) throw new CliError(`用法：${TODO_USAGE}`, EXIT_USAGE, 'USAGE');
  const username = requiredOption(args, 'as', TODO_USAGE);
  const lists = await withRepositories(async ({ users, viewers, todoQueries }) => {
    const user = await requireUserNamed(users, username);
    // Deadlines are days in China: "today" is the Shanghai date.
    return new GetTodoUseCase(viewers, todoQueries).execute({
      userId: user.id,
      today: shanghaiDate(new Date()),
    });
  });
  emit(out, args.flags.has('json'), lists, () => formatTodo(lists));
}
