import { isDayInWindow, isYearInWindow } from '@rectify/domain';
import { type OrganisationsRepository, type ViewersRepository } from '@rectify/persistence';
import { mayOnOrganisation, type ReadScope } from '@rectify/workflow';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';
import { requireViewer } from '../item-queries/require-viewer';

/** Which organisation a section, summary, ledger or reconciliation is for, and who asks. */
export interface OrganisationRef {
  /** By id (API) or by name (CLI); one of the two. */
  organisationId?: string;
  organisationName?: string;
  /** The user asking; absent for the CLI, which acts as an operator with access to everything. */
  viewerUserId?: string;
}

export interface ClosingLoopTarget {
  organisation: { id: string; name: string; path: string };
  /** Whose view the outputs are computed from: the viewer, or the operator at the command line. */
  scope: ReadScope;
}

/**
 * Finds the organisation and checks the viewer may read it (mayOnOrganisation READ): a
 * secretary only their own, a supervisor theirs and those below it. One out of scope is "not
 * found", as for items. Throws ApplicationError ORGANISATION_NOT_FOUND, or USER_NOT_FOUND when
 * the viewer's account is gone.
 */
export async function resolveTarget(
  organisations: OrganisationsRepository,
  viewers: ViewersRepository,
  ref: OrganisationRef,
): Promise<ClosingLoopTarget> {
  const named = ref.organisationName?.trim() ?? ref.organisationId ?? '';
  const notFound = () =>
    new ApplicationError(
      'ORGANISATION_NOT_FOUND',
      `组织"${named}"不存在，或不在您的管理范围内：请检查组织名称或编号。`,
      { organisation: named },
    );
  if (ref.organisationId !== undefined && !isUuid(ref.organisationId)) throw notFound();
  // Looked up whole first, then checked with the access rule: the same answer either way.
  const org = ref.organisationId
    ? await organisations.findById('operator', ref.organisationId)
    : await organisations.findByName('operator', named);
  if (!org) throw notFound();
  const viewer = ref.viewerUserId ? await requireViewer(viewers, ref.viewerUserId) : null;
  if (!mayOnOrganisation(viewer, 'READ', org.path)) throw notFound();
  return { organisation: { id: org.id, name: org.name, path: org.path }, scope: viewer ?? 'operator' };
}

/** A year given by a person: a four-digit year, refused clearly otherwise. */
export function assertYear(year: number, what = '年度'): void {
  if (!isYearInWindow(year)) {
    throw new ApplicationError('INVALID_ARGUMENT', `${what}"${year}"无效：请填写四位年份，如 2024。`, {
      year,
    });
  }
}

/** The day outputs are computed for: today in Shanghai unless a valid YYYY-MM-DD is given. */
export function asOfDay(asOf: string | undefined, today: () => string): string {
  if (asOf === undefined) return today();
  if (!isDayInWindow(asOf)) {
    throw new ApplicationError(
      'INVALID_ARGUMENT',
      `统计日期"${asOf}"无效：请填写1990至2100年间 YYYY-MM-DD 格式的日期，如 2025-01-10。`,
      {
        asOf,
      },
    );
  }
  return asOf;
}
