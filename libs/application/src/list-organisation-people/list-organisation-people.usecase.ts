import {
  type OrganisationPeopleRepository,
  type OrganisationPersonRecord,
  type OrganisationsRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { mayOnOrganisation } from '@rectify/workflow';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';
import { requireViewer } from '../item-queries/require-viewer';

/** The most people one answer lists; an organisation with more is cut off (`truncated`). */
export const ORGANISATION_PEOPLE_LIMIT = 500;

export interface ListOrganisationPeopleCommand {
  /** The viewer (uuid). */
  userId: string;
  organisationId: string;
}

export interface OrganisationPeople {
  people: OrganisationPersonRecord[];
  /** True when the organisation has more than ORGANISATION_PEOPLE_LIMIT people. */
  truncated: boolean;
}

/**
 * An organisation's people (本组织人员), to pick a measure's 责任人 from: active accounts whose
 * home organisation it is or who hold a position in it, with their positions there, ordered by
 * name, at most ORGANISATION_PEOPLE_LIMIT. For anyone who may read the organisation
 * (mayOnOrganisation READ).
 *
 * Errors: USER_NOT_FOUND (the viewer's account is gone); ORGANISATION_NOT_FOUND when the
 * organisation does not exist or lies outside the viewer's scope (never "forbidden").
 */
export class ListOrganisationPeopleUseCase {
  constructor(
    private readonly ports: {
      viewers: ViewersRepository;
      organisations: OrganisationsRepository;
      organisationPeople: OrganisationPeopleRepository;
    },
  ) {}

  async execute(command: ListOrganisationPeopleCommand): Promise<OrganisationPeople> {
    const viewer = await requireViewer(this.ports.viewers, command.userId);
    const org = isUuid(command.organisationId)
      ? await this.ports.organisations.findById('operator', command.organisationId)
      : null;
    if (!org || !mayOnOrganisation(viewer, 'READ', org.path)) {
      throw new ApplicationError(
        'ORGANISATION_NOT_FOUND',
        '组织不存在，或不在您的管理范围内：请检查所选组织。',
        {
          organisationId: command.organisationId,
        },
      );
    }
    const people = await this.ports.organisationPeople.list(org.id, ORGANISATION_PEOPLE_LIMIT + 1);
    return {
      people: people.slice(0, ORGANISATION_PEOPLE_LIMIT),
      truncated: people.length > ORGANISATION_PEOPLE_LIMIT,
    };
  }
}
