import { randomUUID } from 'node:crypto';
import {
  cleanText,
  CREATED_ITEM_LIMITS,
  dayProblem,
  ITEM_SOURCE_LABELS,
  type ItemSource,
  shanghaiDate,
  splitProblemList,
} from '@rectify/domain';
import {
  type ItemsRepository,
  type OrganisationsRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { mayOnOrganisation, supervisesFromAbove } from '@rectify/workflow';
import { assertYear } from '../closing-loop/closing-loop-target';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';
import { requireViewer } from '../item-queries/require-viewer';
import {
  organisationDisabled,
  requireActiveOrganisation,
} from '../organisations/require-active-organisation';

/**
 * The sources an item created by hand may have: every source but 自身查摆 (self_inspection),
 * whose problems come from the organisation's own report.
 */
export const CREATABLE_SOURCES = ['superior_review', 'inspection_tour', 'public_appraisal', 'other'] as const;

export type CreatableSource = (typeof CREATABLE_SOURCES)[number];

/**
 * Items to create by hand for one organisation, all with the same source, year and suggested
 * deadline: either `problems` (each a title and an optional detail) or `list`, a pasted list
 * with one problem a line (see splitProblemList), never both.
 */
export interface CreateItemsCommand {
  /** The creating user; absent for the operator at the command line. */
  actorUserId?: string;
  organisationId: string;
  source: CreatableSource;
  /** The year the items belong to; the current year in Asia/Shanghai when absent. */
  year?: number;
  /** A suggested deadline, YYYY-MM-DD inside the date window; none when absent or null. */
  deadline?: string | null;
  /** Why the items are raised (e.g. 2024年度述职评议会议点评), kept on each CREATE line. */
  reason?: string;
  problems?: { title: string; detail?: string }[];
  list?: string;
}

export interface CreateItemsResult {
  organisationId: string;
  year: number;
  /** One per problem, in the order given. */
  items: { id: string; seq: number; title: string }[];
}

const MAX_REASON_LENGTH = 200;

/**
 * Creates rectification items that do not come from a report (上级点评、巡视巡察反馈、群众评议、
 * 其他), as an administrator or a supervisor of an organisation above the target
 * (mayOnOrganisation CREATE_ITEMS). Each starts identified (问题已查摆) with a CREATE history
 * line naming who created it, the source, the year, the deadline and the reason; the creator may
 * later correct its title and detail. Limits: CREATED_ITEM_LIMITS (≤200 problems, titles ≤500
 * and details ≤5,000 characters).
 *
 * Errors: INVALID_ARGUMENT (source, year, deadline, reason, no problems or too many, a title or
 * detail too long, both or neither of problems and list), USER_NOT_FOUND,
 * ORGANISATION_NOT_FOUND (absent, or not even readable by the user: 404, nothing leaks),
 * ACTOR_NOT_PERMITTED (readable but not theirs to create for: a secretary, or a supervisor for
 * their own organisation).
 */
export class CreateItemsUseCase {
  constructor(
    private readonly ports: {
      items: ItemsRepository;
      organisations: OrganisationsRepository;
      viewers: ViewersRepository;
    },
    private readonly today: () => string = () => shanghaiDate(new Date()),
  ) {}

  async execute(command: CreateItemsCommand): Promise<CreateItemsResult> {
    const checked = this.validate(command);
    const notFound = () =>
      new ApplicationError('ORGANISATION_NOT_FOUND', '组织不存在，或不在您的管理范围内：请检查所选组织。', {
        organisationId: command.organisationId,
      });
    if (!isUuid(command.organisationId)) throw notFound();
    const viewer = command.actorUserId ? await requireViewer(this.ports.viewers, command.actorUserId) : null;
    const org = await this.ports.organisations.findById('operator', command.organisationId);
    if (!org || !mayOnOrganisation(viewer, 'READ', org.path)) throw notFound();
    if (!mayOnOrganisation(viewer, 'CREATE_ITEMS', org.path)) {
      throw new ApplicationError(
        'ACTOR_NOT_PERMITTED',
        `只有上级党组织或管理员可以为"${org.name}"新建整改事项：本组织的问题由上级党组织提出，或通过导入述职报告产生。`,
        { organisationId: org.id },
      );
    }
    requireActiveOrganisation(org, '新建整改事项');
    const items = checked.problems.map((p) => ({ id: randomUUID(), ...p }));
    const outcome = await this.ports.items.createItems({
      organisationId: org.id,
      year: checked.year,
      source: command.source,
      deadline: checked.deadline,
      items,
      status: 'identified',
      createdBy: viewer?.userId ?? null,
      actor: viewer
        ? { userId: viewer.userId, role: supervisesFromAbove(viewer, org.path) ? 'supervisor' : 'admin' }
        : { userId: 'system', role: 'system' },
      historyPayload: {
        source: command.source,
        year: checked.year,
        deadline: checked.deadline,
        ...(checked.reason ? { reason: checked.reason } : {}),
      },
    });
    if (outcome.kind === 'organisation_not_found') throw notFound();
    if (outcome.kind === 'organisation_disabled') throw organisationDisabled(org, '新建整改事项');
    return {
      organisationId: org.id,
      year: checked.year,
      items: items.map((item, i) => ({ id: item.id, seq: outcome.seqs[i], title: item.title })),
    };
  }

  private validate(command: CreateItemsCommand) {
    if (!(CREATABLE_SOURCES as readonly string[]).includes(command.source)) {
      throw invalid(
        `问题来源"${String(command.source)}"不能手工新建：可选 ${CREATABLE_SOURCES.map((s) => ITEM_SOURCE_LABELS[s as ItemSource]).join('、')}；自身查摆的问题请通过导入述职报告产生。`,
        { source: command.source },
      );
    }
    const year = command.year ?? Number(this.today().slice(0, 4));
    assertYear(year, '所属年度');
    const deadline = command.deadline ?? null;
    if (deadline !== null) {
      const problem = dayProblem(deadline, '建议完成时限');
      if (problem) throw invalid(problem, { deadline });
    }
    const reason = command.reason === undefined ? null : cleanText(String(command.reason)).trim();
    if (reason !== null && reason.length > MAX_REASON_LENGTH) {
      throw invalid(`问题依据不能超过${MAX_REASON_LENGTH}个字（现有${reason.length}个字）。`, {
        reasonLength: reason.length,
      });
    }
    return { year, deadline, reason, problems: problemsOf(command) };
  }
}

function problemsOf(command: CreateItemsCommand): { title: string; detail: string }[] {
  if ((command.problems === undefined) === (command.list === undefined)) {
    throw invalid('请提供问题清单：逐条填写（problems）或粘贴每行一个问题（list），二者选一。', {});
  }
  const problems =
    command.list !== undefined
      ? splitProblemList(String(command.list)).map((title) => ({ title, detail: '' }))
      : command.problems!.map((p) => ({
          title: cleanText(String(p?.title ?? '')).trim(),
          detail: cleanText(String(p?.detail ?? '')).trim(),
        }));
  const { maxItems, maxTitleLength, maxDetailLength } = CREATED_ITEM_LIMITS;
  if (problems.length === 0) throw invalid('问题清单为空：请至少填写一个问题（空行不计）。', {});
  if (problems.length > maxItems) {
    throw invalid(
      `一次最多新建${maxItems}个整改事项，本次有${problems.length}个：请分批提交，或导入述职报告。`,
      { count: problems.length, max: maxItems },
    );
  }
  for (const [i, p] of problems.entries()) {
    if (p.title === '') throw invalid(`第${i + 1}个问题的标题为空：请填写问题。`, { index: i + 1 });
    if (p.title.length > maxTitleLength) {
      throw invalid(
        `第${i + 1}个问题的标题有${p.title.length}个字，超过${maxTitleLength}个字的上限：请精简标题，详细情况写入问题描述。`,
        { index: i + 1, length: p.title.length, max: maxTitleLength },
      );
    }
    if (p.detail.length > maxDetailLength) {
      throw invalid(`第${i + 1}个问题的描述超过${maxDetailLength}个字：请精简。`, {
        index: i + 1,
        length: p.detail.length,
        max: maxDetailLength,
      });
    }
  }
  return problems;
}

function invalid(message: string, details: Record<string, unknown>): ApplicationError {
  return new ApplicationError('INVALID_ARGUMENT', message, details);
}
