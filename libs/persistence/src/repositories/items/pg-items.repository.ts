import { type ReadScope } from '@rectify/workflow';
import { type DataSource, IsNull } from 'typeorm';
import { EvidenceEntity } from '../../entities/evidence.entity';
import { scopeCondition } from '../scope/scope-condition';
import { withPreparedSql } from '../sql/prepared-sql';
import { type EvidenceTransaction, type ItemCommandSession, type ItemsRepository } from './items.repository';
import { type CreateItemsOutcome, type EvidenceFileLookup, type NewCreatedItems } from './item-records';
import { createItems } from './pg-create-items';
import { PgEvidenceTransaction } from './pg-evidence-transaction';
import { PgItemCommandSession } from './pg-item-command-session';

// Ids arrive from URLs: PostgreSQL would reject a malformed uuid with an error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ItemsRepository on PostgreSQL (or PGlite) through a TypeORM DataSource. */
export class PgItemsRepository implements ItemsRepository {
  constructor(private readonly db: DataSource) {}

  session<T>(work: (session: ItemCommandSession) => Promise<T>): Promise<T> {
    return withPreparedSql(this.db, (sql) => work(new PgItemCommandSession(sql)));
  }

  createItems(input: NewCreatedItems): Promise<CreateItemsOutcome> {
    return createItems(this.db, input);
  }

  evidenceTransaction<T>(work: (tx: EvidenceTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction((m) => work(new PgEvidenceTransaction(m)));
  }

  async findLiveEvidenceFile(
    scope: ReadScope,
    itemId: string,
    evidenceId: string,
  ): Promise<EvidenceFileLookup> {
    const cond = scopeCondition(scope, 2);
    const visible: unknown[] = await this.db.query(
      `SELECT 1 FROM rectification_item i JOIN organisation o ON o.id = i.organisation_id WHERE i.id = $1 AND ${cond.sql}`,
      [itemId, ...cond.params],
    );
    if (visible.length === 0) return { kind: 'item_not_found' };
    if (!UUID.test(evidenceId)) return { kind: 'evidence_not_found' };
    const evidence = await this.db
      .getRepository(EvidenceEntity)
      .findOneBy({ id: evidenceId, itemId, deletedAt: IsNull() });
    if (!evidence?.storageKey) return { kind: 'evidence_not_found' };
    return {
      kind: 'found',
      file: {
        id: evidence.id,
        itemId: evidence.itemId,
        fileName: evidence.fileName,
        mimeType: evidence.mimeType,
        storageKey: evidence.storageKey,
        createdBy: evidence.createdBy,
      },
    };
  }
}
