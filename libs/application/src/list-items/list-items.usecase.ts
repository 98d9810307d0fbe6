import {
  type ItemQueriesRepository,
  type ItemSummary,
  type OrganisationsRepository,
} from '@rectify/persistence';
import { RECTIFICATION_STATUSES, type RectificationStatus } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';
import { requireOrganisationNamed } from '../organisations/require-organisation-named';

/** The command line's item list: an organisation by name, and a status if given (unchecked). */
export interface ListItemsQuery {
  organisationName: string;
  status?: string;
}

export type { ItemSummary };

/**
 * Items of an organisation and every organisation below it, newest report first, as the
 * operator sees them (rectify items). Errors: INVALID_ARGUMENT (unknown status),
 * ORGANISATION_NOT_FOUND (no organisation of that name).
 */
export class ListItemsUseCase {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly itemQueries: ItemQueriesRepository,
  ) {}

  async execute(query: ListItemsQuery): Promise<ItemSummary[]> {
    if (query.status !== undefined && !(RECTIFICATION_STATUSES as readonly string[]).includes(query.status)) {
      throw new ApplicationError(
        'INVALID_ARGUMENT',
        `状态"${query.status}"无效：可选 ${RECTIFICATION_STATUSES.join('、')}。`,
        { status: query.status },
      );
    }
    const root = await requireOrganisationNamed(this.organisations, 'operator', query.organisationName);
    return this.itemQueries.listUnder('operator', root.path, query.status as RectificationStatus | undefined);
  }
}
