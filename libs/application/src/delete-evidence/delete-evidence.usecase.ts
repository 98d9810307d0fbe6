import { type ItemsRepository } from '@rectify/persistence';
import { actingRole, mayDeleteEvidence } from '@rectify/workflow';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';
import { type EvidenceStore } from '../evidence/evidence-store';
import { evidenceNotFound, lockOpenItem } from '../evidence/lock-open-item';
import { loadItemWithActor } from '../transition-item/load-item-with-actor';

export interface DeleteEvidenceCommand {
  itemId: string;
  evidenceId: string;
  userId: string;
}

export interface DeleteEvidenceResult {
  itemId: string;
  evidenceId: string;
  /** The item's version after the deletion (a line of its history). */
  version: number;
  /** False when the row was marked deleted but removing the file from the evidence store failed. */
  fileRemoved: boolean;
}

const SIGNED_OFF = '整改事项已销号，佐证文件不能再删除：如确有错误，请上级党组织先"重新整改"。';

/**
 * Withdraws an evidence file uploaded by mistake, before sign-off (销号): only the person who
 * uploaded it or an administrator may (mayDeleteEvidence). In one transaction holding the item's
 * lock: the row is marked deleted (it stays, for the record), the item's version goes up and a
 * DELETE_EVIDENCE line is appended to its history; after the commit the file is removed from the
 * evidence store.
 * Refusals: ITEM_NOT_FOUND (absent or out of scope) / EVIDENCE_NOT_FOUND (404),
 * ACTOR_NOT_PERMITTED (403), EVENT_NOT_ALLOWED_IN_STATE once signed off (409).
 */
export class DeleteEvidenceUseCase {
  constructor(
    private readonly items: ItemsRepository,
    private readonly files: EvidenceStore,
  ) {}

  async execute(command: DeleteEvidenceCommand): Promise<DeleteEvidenceResult> {
    const { item, actor } = await this.items.session((session) =>
      loadItemWithActor(session, command.itemId, command.userId, { hideOutOfScope: true }),
    );
    if (!isUuid(command.evidenceId)) throw evidenceNotFound(command.evidenceId);
    const { storageKey, version } = await this.items.evidenceTransaction(async (tx) => {
      const locked = await lockOpenItem(tx, item.id, SIGNED_OFF);
      const evidence = await tx.findLiveFileForUpdate(item.id, command.evidenceId);
      if (!evidence) throw evidenceNotFound(command.evidenceId);
      if (!mayDeleteEvidence(actor, locked.status, evidence.createdBy)) {
        throw new ApplicationError('ACTOR_NOT_PERMITTED', '只有上传该佐证文件的本人或管理员可以删除它。', {
          evidenceId: evidence.id,
        });
      }
      await tx.markDeleted(evidence.id, actor.userId);
      const newVersion = await tx.appendHistory(
        locked.id,
        { userId: actor.userId, role: actingRole(actor) },
        'DELETE_EVIDENCE',
        {
          evidenceId: evidence.id,
          fileName: evidence.fileName,
        },
      );
      return { storageKey: evidence.storageKey, version: newVersion };
    });
    // The row says the file is gone whatever happens here; a file left behind is only storage space.
    const fileRemoved = await this.files.remove(storageKey).then(
      () => true,
      () => false,
    );
    return { itemId: item.id, evidenceId: command.evidenceId, version, fileRemoved };
  }
}
