import {
  EditUserUseCase,
  ListUsersUseCase,
  ResetUserPasswordUseCase,
  SetUserActiveUseCase,
  type UserEntry,
} from '@rectify/application';
import { type UserRole } from '@rectify/persistence';
import { ACTOR_ROLE_LABELS } from '@rectify/workflow';
import { CliError, EXIT_USAGE } from '../../cli-error';
import { withRepositories } from '../../database/with-database';
import { integerOption, optionValue, parseArgs, type ParsedArgs } from '../../parse-args';
import { emit } from '../output';

/** The people administration sub-commands of `rectify users`, one usage line each. */
export const USERS_ADMIN_USAGE = {
  list: 'rectify users list [--q 姓名或账号] [--org 组织名称] [--role secretary|supervisor|admin] [--status active|disabled] [--page N] [--page-size N] [--json]',
  edit: 'rectify users edit USERNAME [--name 姓名] [--phone 手机] [--email EMAIL] [--org 组织名称] [--role secretary|supervisor|admin] [--json]（--phone "" 或 --email "" 清空）',
  deactivate: 'rectify users deactivate USERNAME [--json]',
  activate: 'rectify users activate USERNAME [--json]',
  'reset-password': 'rectify users reset-password USERNAME [--json]',
} as const;

export type UsersAdminSubcommand = keyof typeof USERS_ADMIN_USAGE;

const usage = (sub: UsersAdminSubcommand) =>
  new CliError(`用法：${USERS_ADMIN_USAGE[sub]}`, EXIT_USAGE, 'USAGE');

/** One person on one line: account, name, role, organisation, state. */
function describe(user: UserEntry): string {
  const state = [user.disabled ? '已停用' : '在用', user.mustChangePassword ? '须修改密码' : '']
    .filter(Boolean)
    .join('，');
  const contact = [user.phone, user.email].filter(Boolean).join(' ');
  return `${user.username}\t${user.displayName}\t${ACTOR_ROLE_LABELS[user.role]}\t${user.organisationName}\t${state}${contact ? `\t${contact}` : ''}`;
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
        options: ['q', 'org', 'role', 'status', 'page', 'page-size'],
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
          role: optionValue(args, 'role') as UserRole | undefined,
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
      const args = parseArgs(argv, { flags: ['json'], options: ['name', 'phone', 'email', 'org', 'role'] });
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
          role: optionValue(args, 'role') as UserRole | undefined,
        }),
      );
      emit(out, args.flags.has('json'), user, () => `已更新：${describe(user)}`);
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
