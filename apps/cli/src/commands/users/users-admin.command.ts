import {
  EditUserUseCase,
  ListUsersUseCase,
  ResetUserPasswordUseCase,
  SetUserActiveUseCase,
  SetUserPositionsUseCase,
  type UserEntry,
} from '@rectify/application';
import { CliError, EXIT_USAGE } from '../../cli-error';
import { withRepositories } from '../../database/with-database';
import { integerOption, optionValue, parseArgs, type ParsedArgs } from '../../parse-args';
import { emit } from '../output';
import { describePositions, POSITION_OPTION, positionGrantsOf } from './position-option';

/** The people administration sub-commands of `rectify users`, one usage line each. */
export const USERS_ADMIN_USAGE = {
  list: 'rectify users list [--q 姓名或账号] [--org 组织名称] [--position 职务] [--status active|disabled] [--page N] [--page-size N] [--json]',
  edit: 'rectify users edit USERNAME [--name 姓名] [--phone 手机] [--email EMAIL] [--org 所在组织] [--json]（--phone "" 或 --email "" 清空）',
  positions: `rectify users positions USERNAME ${POSITION_OPTION} [--json]（取代其全部职务）`,
  deactivate: 'rectify users deactivate USERNAME [--json]',
  activate: 'rectify users activate USERNAME [--json]',
  'reset-password': 'rectify users reset-password USERNAME [--json]',
} as const;

export type UsersAdminSubcommand = keyof typeof USERS_ADMIN_USAGE;

const usage = (sub: UsersAdminSubcommand) =>
  new CliError(`用法：${USERS_ADMIN_USAGE[sub]}`, EXIT_USAGE, 'USAGE');

/** One person on one line: account, name, positions, organisation, state. */
function describe(user: UserEntry): string {
  const state = [user.disabled ? '已停用' : '在用', user.mustChangePassword ? '须修改密码' : '']
    .filter(Boolean)
    .join('，');
  const contact = [user.phone, user.email].filter(Boolean).join(' ');
  return `${user.username}\t${user.displayName}\t${describePositions(user) || '无职务'}\t${user.organisationName}\t${state}${contact ? `\t${contact}` : ''}`;
}

/** The single USERNAME of a sub-command that takes one. */
function usernameOf(args: ParsedArgs, sub: UsersAdminSubcommand): string {
  if (args.positionals.length !== 1) throw usage(sub);
  return args.positionals[0];
}

/**
 * Runs `rectify users list|edit|deactivate|activate|reset-password` as the operator, on the
 * product's database (while it runs, through its owner's socket; see withRepositories).
 */
export async function runUsersAdmin(
  sub: UsersAdminSubcommand,
  argv: string[],
  out: (s: string) => void,
): Promise<void> {
  switch (sub) {
    case 'list': {
      const args = parseArgs(argv, {
        flags: ['json'],
        options: ['q', 'org', 'position', 'status', 'page', 'page-size'],
      });
      if (args.positionals.length > 0) throw usage(sub);
      const status = optionValue(args, 'status');
      if (status !== undefined && status !== 'active' && status !== 'disabled')
        throw new CliError('--status 只能是 active（在用）或 disabled（已停用）。', EXIT_USAGE, 'USAGE');
      const org = optionValue(args, 'org');
      const page = await withRepositories(({ users, organisations, viewers }) =>
        new ListUsersUseCase(users, organisations, viewers).execute({
          by: 'operator',
          text: optionValue(args, 'q'),
          organisation: org === undefined ? undefined : { name: org },
          positionKind: optionValue(args, 'position'),
          status,
          page: integerOption(args, 'page'),
          pageSize: integerOption(args, 'page-size'),
        }),
      );
      emit(out, args.flags.has('json'), page, () => {
        const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
        const head = `共 ${page.total} 人，第 ${page.page}/${pages} 页`;
        return [head, ...page.users.map(describe)].join('\n');
      });
      return;
    }
    case 'edit': {
      const args = parseArgs(argv, { flags: ['json'], options: ['name', 'phone', 'email', 'org'] });
      const username = usernameOf(args, sub);
      const org = optionValue(args, 'org');
      const user = await withRepositories(({ users, organisations, viewers }) =>
        new EditUserUseCase(users, organisations, viewers).execute({
          by: 'operator',
          user: { username },
          displayName: optionValue(args, 'name'),
          phone: optionValue(args, 'phone'),
          email: optionValue(args, 'email'),
          organisation: org === undefined ? undefined : { name: org },
        }),
      );
      emit(out, args.flags.has('json'), user, () => `已更新：${describe(user)}`);
      return;
    }
    case 'positions': {
      const args = parseArgs(argv, { flags: ['json'], options: ['position'] });
      const username = usernameOf(args, sub);
      const value = optionValue(args, 'position');
      if (value === undefined) throw usage(sub);
      const user = await withRepositories(({ users, organisations, viewers }) =>
        new SetUserPositionsUseCase(users, organisations, viewers).execute({
          by: 'operator',
          user: { username },
          positions: positionGrantsOf(value),
        }),
      );
      emit(out, args.flags.has('json'), user, () => `已设置职务：${describe(user)}`);
      return;
    }
    case 'deactivate':
    case 'activate': {
      const args = parseArgs(argv, { flags: ['json'], options: [] });
      const username = usernameOf(args, sub);
      const user = await withRepositories(({ users, organisations, viewers }) =>
        new SetUserActiveUseCase(users, organisations, viewers).execute({
          by: 'operator',
          user: { username },
          active: sub === 'activate',
        }),
      );
      emit(out, args.flags.has('json'), user, () =>
        sub === 'activate' ? `已启用：${user.username}` : `已停用：${user.username}（已登录的会话已失效）`,
      );
      return;
    }
    case 'reset-password': {
      const args = parseArgs(argv, { flags: ['json'], options: [] });
      const username = usernameOf(args, sub);
      const result = await withRepositories(({ users, organisations, viewers }) =>
        new ResetUserPasswordUseCase(users, organisations, viewers).execute({
          by: 'operator',
          user: { username },
        }),
      );
      emit(
        out,
        args.flags.has('json'),
        result,
        () =>
          `已重置 ${result.username}（${result.displayName}）的密码。一次性密码：${result.oneTimePassword}\n` +
          '只显示这一次：请告知本人，本人登录后须立即修改密码。',
      );
      return;
    }
  }
}
