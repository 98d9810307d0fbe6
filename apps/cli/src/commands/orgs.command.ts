import {
  AddOrganisationUseCase,
  EditOrganisationUseCase,
  ListOrganisationsUseCase,
  MoveOrganisationUseCase,
  SetOrganisationActiveUseCase,
} from '@rectify/application';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, type OrganisationKind } from '@rectify/domain';
import { type OrganisationRecord } from '@rectify/persistence';
import { CliError, EXIT_USAGE } from '../cli-error';
import { withRepositories } from '../database/with-database';
import { optionValue, parseArgs, type ParsedArgs } from '../parse-args';
import { emit } from './output';

const KIND_CHOICES = ORGANISATION_KINDS.join('|');

/** The organisation administration sub-commands of `rectify orgs`, one usage line each. */
const ORGS_SUBCOMMANDS = {
  list: 'rectify orgs list [--json]',
  add: `rectify orgs add NAME [--parent 上级组织名称] [--kind ${KIND_CHOICES}] [--json]`,
  rename: `rectify orgs rename NAME NEW_NAME [--kind ${KIND_CHOICES}] [--json]`,
  move: 'rectify orgs move NAME --parent 新上级组织名称 [--json]',
  deactivate: 'rectify orgs deactivate NAME [--json]',
  activate: 'rectify orgs activate NAME [--json]',
} as const;

export const ORGS_USAGE = Object.values(ORGS_SUBCOMMANDS).join('\n  ');

type OrgsSubcommand = keyof typeof ORGS_SUBCOMMANDS;

const usage = (sub?: OrgsSubcommand) =>
  new CliError(`用法：${sub ? ORGS_SUBCOMMANDS[sub] : ORGS_USAGE}`, EXIT_USAGE, 'USAGE');

/** The organisation as the CLI prints it with --json. */
const asJson = (o: OrganisationRecord) => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  parentId: o.parentId,
  disabled: o.disabled,
});

/** --kind, checked against the vocabulary; undefined when absent. */
function kindOption(args: ParsedArgs): OrganisationKind | undefined {
  const kind = optionValue(args, 'kind');
  if (kind !== undefined && !(ORGANISATION_KINDS as readonly string[]).includes(kind)) {
    const choices = ORGANISATION_KINDS.map((k) => `${k}（${ORGANISATION_KIND_LABELS[k]}）`).join('、');
    throw new CliError(`--kind 只能是 ${choices}。`, EXIT_USAGE, 'USAGE');
  }
  return kind as OrganisationKind | undefined;
}

/**
 * Runs `rectify orgs list|add|rename|move|deactivate|activate` as the operator on the product's
 * database (while it runs, through its owner's socket; see withRepositories). Organisations are
 * named by their exact names. Refusals exit 1 with the use case's Chinese message.
 */
export async function runOrgs(argv: string[], out: (s: string) => void): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === undefined || !Object.hasOwn(ORGS_SUBCOMMANDS, sub)) throw usage();
  const command = sub as OrgsSubcommand;
  const args = parseArgs(rest, { flags: ['json'], options: ['parent', 'kind'] });
  const json = args.flags.has('json');
  const [name, newName] = args.positionals;
  const arity: Record<OrgsSubcommand, number> = {
    list: 0,
    add: 1,
    rename: 2,
    move: 1,
    deactivate: 1,
    activate: 1,
  };
  if (args.positionals.length !== arity[command]) throw usage(command);
  switch (command) {
    case 'list': {
      const orgs = await withRepositories(({ organisations }) =>
        new ListOrganisationsUseCase(organisations).execute(),
      );
      emit(
        out,
        json,
        orgs.map(({ id, name, kind, parentId, disabled }) => ({ id, name, kind, parentId, disabled })),
        () =>
          orgs
            .map(
              (o) =>
                `${'  '.repeat(o.depth)}${o.name}（${ORGANISATION_KIND_LABELS[o.kind]}）${o.disabled ? '〔已停用〕' : ''}`,
            )
            .join('\n') || '（尚无组织）',
      );
      return;
    }
    case 'add': {
      const parentName = optionValue(args, 'parent');
      const kind = kindOption(args);
      const org = await withRepositories(({ organisations, viewers }) =>
        new AddOrganisationUseCase(organisations, viewers).execute({
          by: 'operator',
          name,
          parent: parentName ? { name: parentName } : undefined,
          kind,
        }),
      );
      emit(
        out,
        json,
        asJson(org),
        () => `已添加组织：${org.name}（${ORGANISATION_KIND_LABELS[org.kind]}，${org.id}）`,
      );
      return;
    }
    case 'rename': {
      const kind = kindOption(args);
      const org = await withRepositories(({ organisations, viewers }) =>
        new EditOrganisationUseCase(organisations, viewers).execute({
          by: 'operator',
          organisation: { name },
          name: newName,
          kind,
        }),
      );
      emit(
        out,
        json,
        asJson(org),
        () => `已重命名：${name} → ${org.name}（${ORGANISATION_KIND_LABELS[org.kind]}）`,
      );
      return;
    }
    case 'move': {
      const parentName = optionValue(args, 'parent');
      if (!parentName) throw usage(command);
      const org = await withRepositories(({ organisations, viewers }) =>
        new MoveOrganisationUseCase(organisations, viewers).execute({
          by: 'operator',
          organisation: { name },
          newParent: { name: parentName },
        }),
      );
      emit(out, json, asJson(org), () => `已移动：${org.name} 现在位于 ${parentName} 之下`);
      return;
    }
    case 'deactivate':
    case 'activate': {
      const active = command === 'activate';
      const org = await withRepositories(({ organisations, viewers }) =>
        new SetOrganisationActiveUseCase(organisations, viewers).execute({
          by: 'operator',
          organisation: { name },
          active,
        }),
      );
      emit(out, json, asJson(org), () =>
        active ? `已启用：${org.name}` : `已停用：${org.name}（其事项与历史保留，不再新增人员、事项和导入）`,
      );
      return;
    }
  }
}
