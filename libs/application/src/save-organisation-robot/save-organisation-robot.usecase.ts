import {
  DEFAULT_QUIET_HOURS,
  DEFAULT_ROBOT_KINDS,
  isTimeOfDay,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type QuietHours,
  ROBOT_PLATFORM_LABELS,
  robotWebhookProblem,
} from '@rectify/domain';
import {
  type OrganisationRobotsRepository,
  type OrganisationsRepository,
  type RobotSettings,
  type ViewersRepository,
} from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';
import { type AdministeredBy } from '../organisations/administering';
import { requireRobotOrganisation, requireRobotPlatform } from '../robots/robot-organisation';
import { type OrganisationRobotView, robotView } from '../robots/robot-view';

/**
 * Set up or change one group robot of an organisation. Every field but the platform is optional:
 * an omitted one keeps the stored value (or the default for a new robot: every kind, quiet hours
 * 22:00–07:00, enabled). `secret` omitted keeps the stored secret, '' clears it. `quietHours`
 * null means none.
 */
export interface SaveOrganisationRobotCommand {
  by: AdministeredBy;
  organisationId: string;
  platform: string;
  webhookUrl?: string;
  secret?: string;
  kinds?: readonly string[];
  quietHours?: QuietHours | null;
  enabled?: boolean;
}

// Visible ASCII: what the platforms' secrets are made of (DingTalk SEC…, Feishu's base64-like).
const SECRET = /^[\x21-\x7e]{1,200}$/;

/**
 * Creates or changes an organisation's robot on one platform and resolves with the
 * administrator's view of it (masked, see OrganisationRobotView). Saving clears a recorded
 * failure: the administrator has acted on it. `allowedHosts` (ROBOT_WEBHOOK_HOSTS) are test and
 * development stand-ins accepted besides the platforms' official hosts.
 * Errors: USER_NOT_FOUND, ADMIN_ONLY (403), ORGANISATION_NOT_FOUND (404), INVALID_ARGUMENT (400:
 * platform, secret, kinds or quiet hours; a new robot without a webhook), ROBOT_WEBHOOK_INVALID
 * (400, the message says how to copy the address).
 */
export class SaveOrganisationRobotUseCase {
  constructor(
    private readonly robots: OrganisationRobotsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
    private readonly allowedHosts: readonly string[],
  ) {}

  async execute(command: SaveOrganisationRobotCommand): Promise<OrganisationRobotView> {
    const platform = requireRobotPlatform(command.platform);
    const org = await requireRobotOrganisation(
      this.organisations,
      this.viewers,
      command.by,
      command.organisationId,
      '设置群机器人',
    );
    const stored = await this.robots.find(org.id, platform);
    const label = ROBOT_PLATFORM_LABELS[platform];
    const webhookUrl = command.webhookUrl?.trim() ?? stored?.webhookUrl;
    if (webhookUrl === undefined) {
      throw new ApplicationError('INVALID_ARGUMENT', `请填写${label}机器人的 Webhook 地址。`, {
        field: 'webhookUrl',
      });
    }
    if (command.webhookUrl !== undefined) {
      const problem = robotWebhookProblem(platform, webhookUrl, this.allowedHosts);
      if (problem) throw new ApplicationError('ROBOT_WEBHOOK_INVALID', problem, { platform });
    }
    const settings: RobotSettings = {
      webhookUrl,
      secret: this.secretOf(command.secret, stored?.secret ?? null),
      kinds:
        command.kinds === undefined ? (stored?.kinds ?? [...DEFAULT_ROBOT_KINDS]) : kindsOf(command.kinds),
      quietHours:
        command.quietHours === undefined
          ? stored
            ? stored.quietHours
            : { ...DEFAULT_QUIET_HOURS }
          : quietHoursOf(command.quietHours),
      enabled: command.enabled ?? stored?.enabled ?? true,
    };
    const userId = command.by === 'operator' ? null : command.by.userId;
    return robotView(await this.robots.save(org.id, platform, settings, userId));
  }

  private secretOf(given: string | undefined, stored: string | null): string | null {
    if (given === undefined) return stored;
    if (given === '') return null;
    if (!SECRET.test(given)) {
      throw new ApplicationError(
        'INVALID_ARGUMENT',
        '密钥须为 1–200 个字母、数字或符号，不含空格和中文：请从机器人的安全设置中完整复制。',
        { field: 'secret' },
      );
    }
    return given;
  }
}

/** The kinds in vocabulary order, each once; at least one. */
function kindsOf(given: readonly string[]): NotificationKind[] {
  const unknown = given.filter((k) => !(NOTIFICATION_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new ApplicationError('INVALID_ARGUMENT', `未知的通知类别：${unknown.join('、')}。`, {
      field: 'kinds',
      unknown,
    });
  }
  const kinds = NOTIFICATION_KINDS.filter((k) => given.includes(k));
  if (kinds.length === 0) {
    throw new ApplicationError(
      'INVALID_ARGUMENT',
      '请至少选择一类要推送的通知；不想再推送时，请停用该机器人。',
      { field: 'kinds' },
    );
  }
  return kinds;
}

function quietHoursOf(given: QuietHours | null): QuietHours | null {
  if (given === null) return null;
  if (!isTimeOfDay(given.from) || !isTimeOfDay(given.until)) {
    throw new ApplicationError('INVALID_ARGUMENT', '免打扰时段的起止时间须为 HH:MM（如 22:00）。', {
      field: 'quietHours',
    });
  }
  return { from: given.from, until: given.until };
}
