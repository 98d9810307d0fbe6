import {
  AttachEvidenceUseCase,
  type AttachEvidenceCommand,
  type AttachEvidenceResult,
  type EvidenceStore,
  ImportReportUseCase,
  type ImportReportCommand,
  type ImportReportResult,
  TransitionItemUseCase,
  type TransitionItemCommand,
  type TransitionItemResult,
  UpdateItemDetailsUseCase,
  type UpdateItemDetailsCommand,
} from '@rectify/application';
import { createRepositories, PgItemsRepository } from '@rectify/persistence';
import { type DataSource } from 'typeorm';

/**
 * The item commands over a test's DataSource, for fixtures that set items up without the API:
 * each builds the use case on the PostgreSQL repositories and runs it once.
 */
export function importReport(db: DataSource, command: ImportReportCommand): Promise<ImportReportResult> {
  return new ImportReportUseCase(createRepositories(db)).execute(command);
}

export function transitionItem(
  db: DataSource,
  command: TransitionItemCommand,
): Promise<TransitionItemResult> {
  return new TransitionItemUseCase(new PgItemsRepository(db)).execute(command);
}

export function updateItemDetails(
  db: DataSource,
  command: UpdateItemDetailsCommand,
): Promise<{ itemId: string; version: number }> {
  return new UpdateItemDetailsUseCase(new PgItemsRepository(db)).execute(command);
}

export function attachEvidence(
  db: DataSource,
  files: EvidenceStore,
  command: AttachEvidenceCommand,
): Promise<AttachEvidenceResult> {
  return new AttachEvidenceUseCase(new PgItemsRepository(db), files).execute(command);
}
