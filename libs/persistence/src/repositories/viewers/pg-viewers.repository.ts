import { type PositionKind } from '@rectify/domain';
import { type Viewer } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { positionRightsOf, type PositionRow, VIEWER_POSITIONS_SQL } from './viewer-positions.sql';
import { type ViewersRepository } from './viewers.repository';

/** ViewersRepository on PostgreSQL (or PGlite): the account and its positions, in one query. */
export class PgViewersRepository implements ViewersRepository {
  constructor(private readonly db: DataSource) {}

  async findViewer(userId: string): Promise<Viewer | null> {
    const rows: { positions: PositionRow[] | null }[] = await this.db.query(
      `SELECT (${VIEWER_POSITIONS_SQL('u.id')}) AS positions FROM app_user u WHERE u.id = $1`,
      [userId],
    );
    if (!rows[0]) return null;
    return { userId, positions: (rows[0].positions ?? []).map(toViewerPosition) };
  }
}

/** One position row of VIEWER_POSITIONS_SQL as the access rules take it. */
export function toViewerPosition(row: PositionRow): Viewer['positions'][number] {
  return {
    organisationId: row.organisationId,
    organisationPath: row.organisationPath,
    kind: row.kind as PositionKind,
    rights: positionRightsOf(row),
  };
}
