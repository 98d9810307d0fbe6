import { AddUserUseCase, ApplicationError, checkPasswordPolicy } from '@rectify/application';
import { CliError, EXIT_USAGE } from '../cli-error';
import { EXIT_REFUSED, withRepositories } from '../database/with-database';
import { optionValue, parseArgs, requiredOption } from '../parse-args';
import { emit } from './output';
import { describePositions, POSITION_OPTION, positionGrantsOf } from './users/position-option';
import { runUsersAdmin, USERS_ADMIN_USAGE, type UsersAdminSubcommand } from './users/users-admin.command';

const ADD_USAGE = `rectify users add USERNAME --org 所在组织 ${POSITION_OPTION} [--name 姓名] [--email EMAIL] [--password 密码（至少8个字符，最多72字节即24个汉字，不能是常见密码）] [--json]（职务：书记、副书记、组织委员、纪检委员、党务工作者、管理员）`;

export const USERS_USAGE = [ADD_USAGE, ...Object.values(USERS_ADMIN_USAGE)].join('\n  ');

const isAdminSubcommand = (sub: string | undefined): sub is UsersAdminSubcommand =>
  sub !== undefined && Object.hasOwn(USERS_ADMIN_USAGE, sub);

export async function runUsers(argv: string[], out: (s: string) => void): Promise<void> {
  const [sub, ...rest] = argv;
  if (isAdminSubcommand(sub)) return runUsersAdmin(sub, rest, out);
  const args = parseArgs(rest, {
    flags: ['json'],
    options: ['org', 'position', 'name', 'email', 'password'],
  });
  if (sub !== 'add' || args.positionals.length !== 1)
    throw new CliError(`用法：${USERS_USAGE}`, EXIT_USAGE, 'USAGE');
  const username = args.positionals[0];
  const password = optionValue(args, 'password');
  // The same password rules as the API, checked before the database is opened.
  if (password !== undefined) refuseWeakPassword(password, username);
  const organisationName = requiredOption(args, 'org', ADD_USAGE);
  const positions = positionGrantsOf(requiredOption(args, 'position', ADD_USAGE));
  const user = await withRepositories(({ users, organisations, viewers }) =>
    new AddUserUseCase(users, organisations, viewers).execute({
      by: 'operator',
      username,
      organisation: { name: organisationName },
      positions,
      displayName: optionValue(args, 'name'),
      email: optionValue(args, 'email'),
      password,
    }),
  );
  emit(
    out,
    args.flags.has('json'),
    {
      id: user.id,
      username: user.username,
      organisationId: user.organisationId,
      positions: user.positions.map(({ organisationId, organisationName, kind, rights }) => ({
        organisationId,
        organisationName,
        kind,
        rights,
      })),
    },
    () => `已添加用户：${user.username}（${describePositions(user)}，${user.id}）`,
  );
}

/** @throws CliError exit 1 with the rule's Chinese message when the password is refused */
function refuseWeakPassword(password: string, username: string): void {
  try {
    checkPasswordPolicy(password, username.trim());
  } catch (err) {
    if (err instanceof ApplicationError) throw new CliError(err.message, EXIT_REFUSED, err.code);
    throw err;
  }
}
