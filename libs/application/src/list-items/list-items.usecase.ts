import { OrganisationEntity, RectificationItemEntity } from '@rectify/persistence';
import { RECTIFICATION_STATUSES, type RectificationStatus } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { findOrganisationByName } from '../organisations/add-organisation.usecase';

export interface ListItemsQuery {
  organisationName: string;
  status?: string;
}

export interface ItemSummary {
  id: string;
  organisation: string;
  seq: number;
  title: string;
  status: RectificationStatus;
  deadline: string | null;
  version: number;
}

/** Items of an organisation and every organisation below it, newest report first. */
export async function listItems(db: DataSource, query: ListItemsQuery): Promise<ItemSummary[]> {
  if (query.status !== undefined && !(RECTIFICATION_STATUSES as readonly string[]).includes(query.status)) {
    throw new ApplicationError(
      'INVALID_ARGUMENT',
      `状态"${query.status}"无效：可选 ${RECTIFICATION_STATUSES.join('、')}。`,
      { status: query.status },
    );
  }
  const root = await findOrganisationByName(db, query.organisationName);
  const qb = db
    .getRepository(RectificationItemEntity)
    .createQueryBuilder('i')
    .innerJoin(OrganisationEntity, 'o', 'o.id = i.organisation_id')
    .select(['i.id AS id', 'o.name AS organisation', 'i.seq AS seq', 'i.title AS title'])
    .addSelect([
      'i.status AS status',
      "to_char(i.deadline, 'YYYY-MM-DD') AS deadline",
      'i.version AS version',
    ])
    .where('o.path LIKE :prefix', { prefix: `${root.path}%` })
    .orderBy('i.created_at', 'DESC')
    .addOrderBy('i.seq', 'ASC');
  if (query.status) qb.andWhere('i.status = :status', { status: query.status });
  const rows = await qb.getRawMany<ItemSummary>();
  return rows.map((r) => ({ ...r, seq: Number(r.seq), version: Number(r.version) }));
}
