import { type ItemsRepository, type ViewersRepository } from '@rectify/persistence';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';
import { type EvidenceStore } from '../evidence/evidence-store';
import { evidenceNotFound } from '../evidence/lock-open-item';

export interface ReadEvidenceQuery {
  userId: string;
  itemId: string;
  evidenceId: string;
}

export interface EvidenceDownload {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/**
 * An evidence file (整改佐证) of an item the user may see: its name, type and bytes.
 * USER_NOT_FOUND (404) for an unknown account; ITEM_NOT_FOUND (404) for an item absent or out of
 * scope; EVIDENCE_NOT_FOUND (404) for an unknown or deleted file, or one missing from the
 * evidence store.
 */
export class ReadEvidenceUseCase {
  constructor(
    private readonly viewers: ViewersRepository,
    private readonly items: ItemsRepository,
    private readonly files: EvidenceStore,
  ) {}

  async execute(query: ReadEvidenceQuery): Promise<EvidenceDownload> {
    const { itemId, evidenceId } = query;
    if (!isUuid(itemId)) throw itemNotFound(itemId);
    const viewer = await this.viewers.findViewer(query.userId);
    if (!viewer) {
      throw new ApplicationError('USER_NOT_FOUND', '账号已不存在：请联系管理员。', { userId: query.userId });
    }
    const found = await this.items.findLiveEvidenceFile(viewer, itemId, evidenceId);
    if (found.kind === 'item_not_found') throw itemNotFound(itemId);
    if (found.kind === 'evidence_not_found') throw evidenceNotFound(evidenceId);
    const bytes = await this.files.read(found.file.storageKey);
    if (!bytes) throw evidenceNotFound(evidenceId);
    return {
      fileName: found.file.fileName ?? 'evidence',
      mimeType: found.file.mimeType ?? 'application/octet-stream',
      bytes,
    };
  }
}

function itemNotFound(itemId: string): ApplicationError {
  return new ApplicationError('ITEM_NOT_FOUND', '整改事项不存在，或不在您的管理范围内：请检查编号。', {
    itemId,
  });
}
