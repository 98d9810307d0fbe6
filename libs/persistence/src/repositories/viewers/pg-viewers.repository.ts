import { type Viewer } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { type ViewersRepository } from './viewers.repository';

/** ViewersRepository on PostgreSQL (or PGlite): one join of app_user and organisation. */
export class PgViewersRepository implements ViewersRepository {
  constructor(private readonly db: DataSource) {}

  async findViewer(userId: string): Promise<Viewer | null> {
    const rows: { role: Viewer['role']; organisation_id: string; path: string }[] = await this.db.query(
      `SELECT u.role, u.organisation_id, o.path FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`,
      [userId],
    );
    if (!rows[0]) return null;
    return {
      userId,
      role: rows[0].role,
      organisationId: rows[0].organisation_id,
      organisationPath: rows[0].path,
    };
  }
}
