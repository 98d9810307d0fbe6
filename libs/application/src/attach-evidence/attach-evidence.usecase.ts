import { cleanText } from '@rectify/domain';
import { type ItemsRepository } from '@rectify/persistence';
import { actingRole, mayAttachEvidence, type WorkflowActor } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';
import { type EvidenceStore } from '../evidence/evidence-store';
import { ALLOWED_EVIDENCE, evidenceFileType, MAX_EVIDENCE_BYTES } from '../evidence/evidence-file-type';
import {
  assertWithinItemLimits,
  evidenceEmptyError,
  evidenceTooLargeError,
} from '../evidence/evidence-limits';
import { lockOpenItem } from '../evidence/lock-open-item';
import { itemWithdrawn } from '../withdraw-item/item-withdrawn';
import { loadItemWithActor } from '../transition-item/load-item-with-actor';

export interface AttachEvidenceCommand {
  itemId: string;
  userId: string;
  /** What the file shows (佐证说明); the file name when blank. */
  text: string;
  file: { name: string; bytes: Uint8Array };
}

export interface AttachEvidenceResult {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  /** The item's version after the upload (the upload is a line of its history). */
  version: number;
}

const SIGNED_OFF = '整改事项已销号，不能再上传佐证：如需补充，请上级党组织先"重新整改"。';

/**
 * Files evidence (整改佐证) for an open item, as whoever may submit the item's completion
 * (mayAttachEvidence); the file's type is checked from its bytes. Refusals: ITEM_NOT_FOUND (404,
 * absent or out of scope), ACTOR_NOT_PERMITTED (403), EVENT_NOT_ALLOWED_IN_STATE once signed off
 * (409), EVIDENCE_EMPTY (422), EVIDENCE_TOO_LARGE over 20 MB (413), EVIDENCE_UNSUPPORTED_TYPE
 * (415), EVIDENCE_LIMIT_REACHED past the per-item count or total size (422).
 *
 * The file is staged first; the row, the item's new version and an ATTACH_EVIDENCE history line
 * are written in one transaction that holds the item's lock, and the file is committed (on disk:
 * renamed) as its last step. Any failure removes the file again, so no file outlives a failed insert.
 */
export class AttachEvidenceUseCase {
  constructor(
    private readonly items: ItemsRepository,
    private readonly files: EvidenceStore,
  ) {}

  async execute(command: AttachEvidenceCommand): Promise<AttachEvidenceResult> {
    const { item, actor } = await this.items.session((session) =>
      loadItemWithActor(session, command.itemId, command.userId, { hideOutOfScope: true }),
    );
    if (!mayAttachEvidence(actor, item.status)) throw refusal(actor);
    if (item.withdrawn) throw itemWithdrawn(item.id);
    const fileName = cleanText(command.file.name).trim() || '佐证文件';
    const bytes = command.file.bytes;
    if (bytes.length === 0) throw evidenceEmptyError(fileName);
    if (bytes.length > MAX_EVIDENCE_BYTES) throw evidenceTooLargeError(bytes.length);
    const type = evidenceFileType(bytes);
    if (!type) {
      throw new ApplicationError(
        'EVIDENCE_UNSUPPORTED_TYPE',
        `不支持的佐证文件类型：请上传 ${ALLOWED_EVIDENCE}。`,
        { fileName },
      );
    }
    const text = cleanText(command.text).trim() || fileName;

    const staged = await this.files.stage(bytes);
    try {
      return await this.items.evidenceTransaction(async (tx) => {
        const locked = await lockOpenItem(tx, item.id, SIGNED_OFF);
        assertWithinItemLimits(await tx.liveFileUsage(item.id), bytes.length);
        const id = await tx.insertFile({
          itemId: item.id,
          text,
          fileName,
          mimeType: type.mimeType,
          sizeBytes: bytes.length,
          storageKey: staged.key,
          createdBy: actor.userId,
        });
        const version = await tx.appendHistory(
          locked.id,
          { userId: actor.userId, role: actingRole(actor) },
          'ATTACH_EVIDENCE',
          {
            evidenceId: id,
            fileName,
            sizeBytes: bytes.length,
            text,
          },
        );
        // Last step inside the transaction: a failed commit of the file rolls the row back.
        await staged.commit();
        return { id, fileName, mimeType: type.mimeType, sizeBytes: bytes.length, version };
      });
    } catch (err) {
      await staged.discard();
      throw err;
    }
  }
}

// Someone who could attach evidence before sign-off is told the item is signed off (409);
// anyone else that they may not (403).
function refusal(actor: WorkflowActor): ApplicationError {
  if (mayAttachEvidence(actor, 'pending_review')) {
    return new ApplicationError('EVENT_NOT_ALLOWED_IN_STATE', SIGNED_OFF, { currentStatus: 'completed' });
  }
  return new ApplicationError('ACTOR_NOT_PERMITTED', '只有本组织书记、管理员可以上传整改佐证。');
}
