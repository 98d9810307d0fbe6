import {
  POSITION_KINDS,
  POSITION_PROFILES,
  POSITION_RIGHTS,
  positionKindOfLabel,
  positionRights,
  type PositionKind,
  type PositionRight,
} from '@rectify/domain';
import {
  type NewPosition,
  type OrganisationRecord,
  type OrganisationsRepository,
} from '@rectify/persistence';
import { type ReadScope } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';
import { type OrganisationIdOrName, requireOrganisationRef } from './require-organisation-ref';

/** Most positions one person may hold. */
export const MAX_POSITIONS_PER_PERSON = 20;

/**
 * A position to give someone, as an administrator names it: the kind (code such as `secretary`
 * or its label 书记), the organisation (absent: the person's own organisation) and, when the
 * organisation designates otherwise than the kind's defaults, the rights (整改责任 `work_items`,
 * 督办 `supervise`).
 */
export interface PositionGrant {
  kind: string;
  organisation?: OrganisationIdOrName;
  rights?: readonly string[];
}

const KIND_CHOICES = POSITION_KINDS.map((k) => POSITION_PROFILES[k].label).join('、');

/**
 * The positions `grants` name, checked: at least one and at most MAX_POSITIONS_PER_PERSON, every
 * kind and right known, every organisation within `scope` (the administrator's subtrees) and
 * active, duplicates (same organisation and kind) kept once.
 * @throws ApplicationError INVALID_ARGUMENT (none, too many, unknown kind or right),
 *   ORGANISATION_NOT_FOUND (unknown or outside the administrator's subtree),
 *   ORGANISATION_DISABLED
 */
export async function resolvePositionGrants(
  organisations: OrganisationsRepository,
  scope: ReadScope,
  home: OrganisationRecord,
  grants: readonly PositionGrant[],
): Promise<NewPosition[]> {
  if (grants.length === 0)
    throw new ApplicationError('INVALID_ARGUMENT', `每位人员至少要有一个职务（可选 ${KIND_CHOICES}）。`);
  if (grants.length > MAX_POSITIONS_PER_PERSON)
    throw new ApplicationError('INVALID_ARGUMENT', `每位人员最多${MAX_POSITIONS_PER_PERSON}个职务。`);
  const positions = new Map<string, NewPosition>();
  for (const grant of grants) {
    const kind = checkedPositionKind(grant.kind);
    const org = grant.organisation
      ? await requireOrganisationRef(organisations, scope, grant.organisation)
      : home;
    if (org.disabled)
      throw new ApplicationError(
        'ORGANISATION_DISABLED',
        `"${org.name}"已停用，不能在其中任职：请先启用该组织。`,
      );
    const rights = grant.rights === undefined ? undefined : grant.rights.map(checkedPositionRight);
    positions.set(`${org.id}/${kind}`, {
      organisationId: org.id,
      kind,
      rights: positionRights(kind, rights),
    });
  }
  return [...positions.values()];
}

/** A kind given as its code or its Chinese label. @throws ApplicationError INVALID_ARGUMENT */
export function checkedPositionKind(kind: string): PositionKind {
  const byCode = POSITION_KINDS.find((k) => k === kind.trim());
  const found = byCode ?? positionKindOfLabel(kind);
  if (!found) throw new ApplicationError('INVALID_ARGUMENT', `职务"${kind}"无效：可选 ${KIND_CHOICES}。`);
  return found;
}

function checkedPositionRight(right: string): PositionRight {
  const found = POSITION_RIGHTS.find((r) => r === right);
  if (!found)
    throw new ApplicationError(
      'INVALID_ARGUMENT',
      `职权"${right}"无效：可选 work_items（整改责任）、supervise（督办）。`,
    );
  return found;
}
