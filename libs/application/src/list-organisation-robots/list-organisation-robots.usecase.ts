import {
  type OrganisationRobotsRepository,
  type OrganisationsRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { type AdministeredBy } from '../organisations/administering';
import { requireRobotOrganisation } from '../robots/robot-organisation';
import { type OrganisationRobotView, robotView } from '../robots/robot-view';

/**
 * An organisation's group robots (群机器人) as its administrators see them: masked webhooks, no
 * secrets, the sending state and the last 30 days' counts. Platforms without a robot are absent.
 * Errors: USER_NOT_FOUND, ADMIN_ONLY (403), ORGANISATION_NOT_FOUND (404).
 */
export class ListOrganisationRobotsUseCase {
  constructor(
    private readonly robots: OrganisationRobotsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: { by: AdministeredBy; organisationId: string }): Promise<OrganisationRobotView[]> {
    const org = await requireRobotOrganisation(
      this.organisations,
      this.viewers,
      command.by,
      command.organisationId,
      '查看群机器人设置',
    );
    const robots = await this.robots.list(org.id);
    return robots.map((r) => robotView(r, r.recentDeliveries));
  }
}
