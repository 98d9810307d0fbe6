import {
  type OrganisationRobotsRepository,
  type OrganisationsRepository,
  type RobotDeliveryRecord,
  type RobotDeliveryStatus,
  type ViewersRepository,
} from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';
import { type AdministeredBy } from '../organisations/administering';
import { requireRobotOrganisation } from '../robots/robot-organisation';

export const ROBOT_DELIVERY_STATUSES: readonly RobotDeliveryStatus[] = [
  'pending',
  'sending',
  'sent',
  'failed',
  'skipped',
];

export const MAX_ROBOT_DELIVERIES = 200;

/** The recent notifications of an organisation's robots, optionally of one status (e.g. failed). */
export interface ListRobotDeliveriesCommand {
  by: AdministeredBy;
  organisationId: string;
  status: string | null;
  /** 1–200. */
  limit: number;
}

/**
 * What the organisation's robots sent or failed to send, newest first, with the reason of each
 * failure, so an administrator sees what went wrong. Errors: USER_NOT_FOUND, ADMIN_ONLY (403),
 * ORGANISATION_NOT_FOUND (404), INVALID_ARGUMENT (400: status, limit).
 */
export class ListRobotDeliveriesUseCase {
  constructor(
    private readonly robots: OrganisationRobotsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: ListRobotDeliveriesCommand): Promise<RobotDeliveryRecord[]> {
    const status = command.status === null ? null : ROBOT_DELIVERY_STATUSES.find((s) => s === command.status);
    if (status === undefined) {
      throw new ApplicationError(
        'INVALID_ARGUMENT',
        `status 取值无效：可选 ${ROBOT_DELIVERY_STATUSES.join('、')}。`,
        {
          field: 'status',
        },
      );
    }
    if (!Number.isInteger(command.limit) || command.limit < 1 || command.limit > MAX_ROBOT_DELIVERIES) {
      throw new ApplicationError('INVALID_ARGUMENT', `条数须为 1–${MAX_ROBOT_DELIVERIES}。`, {
        field: 'limit',
      });
    }
    const org = await requireRobotOrganisation(
      this.organisations,
      this.viewers,
      command.by,
      command.organisationId,
      '查看群机器人推送记录',
    );
    return this.robots.deliveries(org.id, { status, limit: command.limit });
  }
}
