import { cleanText } from '@rectify/domain';
import { type ItemsRepository } from '@rectify/persistence';
import { actingRole, mayWithdraw, WHO_MAY_WITHDRAW, WITHDRAW_SENDERS } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';
import { loadItemWithActor } from '../transition-item/load-item-with-actor';
import { WITHDRAW_REASON_MAX_LENGTH } from '../withdraw-item/withdraw-item.usecase';
import { withdrawalConflict } from '../withdraw-item/withdrawal-conflict';

/** Restore (恢复) one withdrawn item. */
export interface RestoreItemCommand {
  itemId: string;
  /** A user id (uuid). */
  actorUserId: string;
  /** Optional 恢复说明: at most WITHDRAW_REASON_MAX_LENGTH characters; blank is none. */
  note?: string | null;
  /** The version the client saw; a different current version is ITEM_CHANGED. */
  expectedVersion?: number;
}

/**
 * Restores a withdrawn item (恢复), as a supervisor above its organisation or an administrator
 * (mayWithdraw): it comes back in the status it had, into lists, counts, ledgers, and its
 * reminders are rescheduled (the outbox row). One statement clears the withdrawal and writes a
 * RESTORE history line ({note} when given); the version goes up by one. Resolves to the new
 * version.
 *
 * Errors: INVALID_ARGUMENT (note too long), ITEM_NOT_FOUND, USER_NOT_FOUND,
 * ACTOR_NOT_PERMITTED (403), EVENT_NOT_ALLOWED_IN_STATE (409: the item is not withdrawn),
 * ITEM_CHANGED (the version moved or is not expectedVersion).
 */
export class RestoreItemUseCase {
  constructor(private readonly items: ItemsRepository) {}

  async execute(command: RestoreItemCommand): Promise<{ itemId: string; version: number }> {
    const note = cleanText(String(command.note ?? '')).trim();
    if (note.length > WITHDRAW_REASON_MAX_LENGTH) {
      throw new ApplicationError(
        'INVALID_ARGUMENT',
        `恢复说明不能超过${WITHDRAW_REASON_MAX_LENGTH}个字（现有${note.length}个字）。`,
        { noteLength: note.length },
      );
    }
    return this.items.session(async (session) => {
      const { item, actor } = await loadItemWithActor(session, command.itemId, command.actorUserId, {
        hideOutOfScope: true,
      });
      if (!mayWithdraw(actor)) {
        throw new ApplicationError(
          'ACTOR_NOT_PERMITTED',
          `只有${WHO_MAY_WITHDRAW}可以恢复已撤销的整改事项。`,
          {
            itemId: item.id,
          },
        );
      }
      if (!item.withdrawn) {
        throw new ApplicationError('EVENT_NOT_ALLOWED_IN_STATE', '该整改事项未被撤销，无需恢复。', {
          itemId: item.id,
          version: item.version,
        });
      }
      const version = await session.writeWithdrawal({
        itemId: item.id,
        readVersion: command.expectedVersion ?? item.version,
        withdraw: false,
        reason: null,
        actor: { userId: actor.userId, role: actingRole(actor, WITHDRAW_SENDERS) },
        historyPayload: note === '' ? {} : { note },
      });
      if (version === null) throw await withdrawalConflict(session, item.id);
      return { itemId: item.id, version };
    });
  }
}
