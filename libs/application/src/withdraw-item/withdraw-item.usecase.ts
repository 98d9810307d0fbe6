import { cleanText } from '@rectify/domain';
import { type ItemsRepository } from '@rectify/persistence';
import { actingRole, mayWithdraw, WHO_MAY_WITHDRAW, WITHDRAW_SENDERS } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';
import { loadItemWithActor } from '../transition-item/load-item-with-actor';
import { itemWithdrawn } from './item-withdrawn';
import { withdrawalConflict } from './withdrawal-conflict';

/** Withdraw (撤销) one mistaken item. */
export interface WithdrawItemCommand {
  itemId: string;
  /** A user id (uuid): withdrawing is a person's decision, never the system's. */
  actorUserId: string;
  /** 撤销原因: 1 to WITHDRAW_REASON_MAX_LENGTH characters after trimming. */
  reason: string;
  /** The version the client saw; a different current version is ITEM_CHANGED. */
  expectedVersion?: number;
}

/** The longest 撤销原因 / 恢复说明, in characters. */
export const WITHDRAW_REASON_MAX_LENGTH = 500;

/**
 * Withdraws a mistaken item (撤销) with a reason, as a supervisor above its organisation or an
 * administrator (mayWithdraw). The item keeps its status (restoring returns it exactly), leaves
 * lists, counts, sections, ledgers and reminders, and refuses every command but restoring. One
 * statement writes the withdrawal, a WITHDRAW history line {reason} and an outbox row; the
 * version goes up by one. Resolves to the new version.
 *
 * Errors: INVALID_ARGUMENT (reason empty or too long), ITEM_NOT_FOUND (absent or out of the
 * actor's scope), USER_NOT_FOUND, ACTOR_NOT_PERMITTED (403, e.g. the item's own secretary),
 * ITEM_WITHDRAWN (already withdrawn), ITEM_CHANGED (the version moved or is not expectedVersion).
 */
export class WithdrawItemUseCase {
  constructor(private readonly items: ItemsRepository) {}

  async execute(command: WithdrawItemCommand): Promise<{ itemId: string; version: number }> {
    const reason = cleanText(String(command.reason ?? '')).trim();
    if (reason === '' || reason.length > WITHDRAW_REASON_MAX_LENGTH) {
      throw new ApplicationError(
        'INVALID_ARGUMENT',
        `请填写撤销原因（1至${WITHDRAW_REASON_MAX_LENGTH}个字）。`,
        { reasonLength: reason.length },
      );
    }
    return this.items.session(async (session) => {
      const { item, actor } = await loadItemWithActor(session, command.itemId, command.actorUserId, {
        hideOutOfScope: true,
      });
      if (!mayWithdraw(actor)) {
        throw new ApplicationError(
          'ACTOR_NOT_PERMITTED',
          `只有${WHO_MAY_WITHDRAW}可以撤销整改事项；本组织书记不能撤销本组织的问题，如认为有误请报告上级党组织。`,
          { itemId: item.id },
        );
      }
      if (item.withdrawn) throw itemWithdrawn(item.id);
      const readVersion = command.expectedVersion ?? item.version;
      const version = await session.writeWithdrawal({
        itemId: item.id,
        readVersion,
        withdraw: true,
        reason,
        actor: { userId: actor.userId, role: actingRole(actor, WITHDRAW_SENDERS) },
        historyPayload: { reason },
      });
      if (version === null) throw await withdrawalConflict(session, item.id);
      return { itemId: item.id, version };
    });
  }
}
