import {
  type OrganisationRobotsRepository,
  type OrganisationsRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { ROBOT_PLATFORM_LABELS, type RobotPlatform } from '@rectify/domain';
import { ApplicationError } from '../errors/application-error';
import { type AdministeredBy } from '../organisations/administering';
import { requireRobotOrganisation, requireRobotPlatform } from '../robots/robot-organisation';

/**
 * Deletes an organisation's robot on one platform and resolves with which. A robot that has notifications recorded
 * (sent, failed or waiting) keeps them as its history: it can only be disabled (停用).
 * Errors: USER_NOT_FOUND, ADMIN_ONLY (403), ORGANISATION_NOT_FOUND, ROBOT_NOT_FOUND (404),
 * ROBOT_HAS_DELIVERIES (409), INVALID_ARGUMENT (400, an unknown platform).
 */
export class RemoveOrganisationRobotUseCase {
  constructor(
    private readonly robots: OrganisationRobotsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: {
    by: AdministeredBy;
    organisationId: string;
    platform: string;
  }): Promise<{ organisationId: string; platform: RobotPlatform }> {
    const platform = requireRobotPlatform(command.platform);
    const org = await requireRobotOrganisation(
      this.organisations,
      this.viewers,
      command.by,
      command.organisationId,
      '删除群机器人',
    );
    const label = ROBOT_PLATFORM_LABELS[platform];
    switch (await this.robots.remove(org.id, platform)) {
      case 'removed':
        return { organisationId: org.id, platform };
      case 'not_found':
        throw new ApplicationError('ROBOT_NOT_FOUND', `"${org.name}"没有设置${label}机器人。`, { platform });
      case 'has_deliveries':
        throw new ApplicationError(
          'ROBOT_HAS_DELIVERIES',
          `${label}机器人已有推送记录，不能删除：如不再使用，请停用该机器人（推送记录将保留）。`,
          { platform },
        );
    }
  }
}
