import { ROBOT_PLATFORM_LABELS, ROBOT_PLATFORMS, type RobotPlatform } from '@rectify/domain';
import {
  type OrganisationRecord,
  type OrganisationsRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { requireAdministeredOrganisation } from '../organisations/require-administered-organisation';

/**
 * The organisation whose group robots `by` wants to see or set: only its administrators (a 管理员
 * position there or above) may; anyone else is refused as the other administrative pages refuse.
 * `what` completes the refusal (设置群机器人).
 * @throws ApplicationError USER_NOT_FOUND, ADMIN_ONLY (403), ORGANISATION_NOT_FOUND (404)
 */
export async function requireRobotOrganisation(
  organisations: OrganisationsRepository,
  viewers: ViewersRepository,
  by: AdministeredBy,
  organisationId: string,
  what: string,
): Promise<OrganisationRecord> {
  const scope = await requireAdministrator(viewers, by, what);
  return requireAdministeredOrganisation(organisations, scope, { id: organisationId });
}

/**
 * `platform` when it is one of ROBOT_PLATFORMS.
 * @throws ApplicationError INVALID_ARGUMENT (400), listing the platforms
 */
export function requireRobotPlatform(platform: string): RobotPlatform {
  const known = ROBOT_PLATFORMS.find((p) => p === platform);
  if (!known) {
    const allowed = ROBOT_PLATFORMS.map((p) => `${p}（${ROBOT_PLATFORM_LABELS[p]}）`).join('、');
    throw new ApplicationError('INVALID_ARGUMENT', `不支持的群机器人平台"${platform}"：可选 ${allowed}。`, {
      field: 'platform',
      value: platform,
    });
  }
  return known;
}
