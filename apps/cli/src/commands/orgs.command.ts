import { AddOrganisationUseCase, ListOrganisationsUseCase } from '@rectify/application';
import { type OrganisationKind } from '@rectify/persistence';
import { CliError, EXIT_USAGE } from '../cli-error';
import { withRepositories } from '../database/with-database';
import { optionValue, parseArgs } from '../parse-args';
import { emit } from './output';

export const ORGS_USAGE =
  'rectify orgs add NAME [--parent NAME] [--kind committee|general_branch|branch] [--json] | rectify orgs list [--json]';
const KINDS: readonly OrganisationKind[] = ['committee', 'general_branch', 'branch'];

export async function runOrgs(argv: string[], out: (s: string) => void): Promise<void> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, { flags: ['json'], options: ['parent', 'kind'] });
  const json = args.flags.has('json');
  if (sub === 'add' && args.positionals.length === 1) {
    const kind = optionValue(args, 'kind');
    if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) {
      throw new CliError(`--kind 只能是 ${KINDS.join('、')}。`, EXIT_USAGE, 'USAGE');
    }
    const parentName = optionValue(args, 'parent');
    const org = await withRepositories(({ organisations, viewers }) =>
      new AddOrganisationUseCase(organisations, viewers).execute({
        by: 'operator',
        name: args.positionals[0],
        parent: parentName ? { name: parentName } : undefined,
        kind: kind as OrganisationKind | undefined,
      }),
    );
    emit(
      out,
      json,
      { id: org.id, name: org.name, kind: org.kind, parentId: org.parentId },
      () => `已添加组织：${org.name}（${org.id}）`,
    );
    return;
  }
  if (sub === 'list' && args.positionals.length === 0) {
    const orgs = await withRepositories(({ organisations }) =>
      new ListOrganisationsUseCase(organisations).execute(),
    );
    emit(
      out,
      json,
      orgs.map((o) => ({ id: o.id, name: o.name, kind: o.kind, parentId: o.parentId })),
      () => orgs.map((o) => `${'  '.repeat(o.depth)}${o.name}`).join('\n') || '（尚无组织）',
    );
    return;
  }
  throw new CliError(`用法：${ORGS_USAGE}`, EXIT_USAGE, 'USAGE');
}
