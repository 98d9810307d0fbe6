import { type RectificationEventType, type RectificationStatus } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';
import { type TransitionItemUseCase } from '../transition-item/transition-item.usecase';

export interface BulkTransitionItemsCommand {
  itemIds: string[];
  event: RectificationEventType;
  payload: Record<string, unknown>;
  actorUserId: string;
}

export type BulkTransitionOutcome =
  | { itemId: string; ok: true; status: RectificationStatus; version: number }
  | { itemId: string; ok: false; error: { code: string; message: string } };

export interface BulkTransitionItemsResult {
  succeeded: number;
  failed: number;
  results: BulkTransitionOutcome[];
}

/**
 * One event applied to many items (批量操作), each in its own command (TransitionItemUseCase,
 * out of scope as ITEM_NOT_FOUND), one after the other. A refusal of one item is its outcome
 * ({ ok: false, error: { code, message } }) and the others go on; anything else (a database
 * fault) rejects the whole call.
 */
export class BulkTransitionItemsUseCase {
  constructor(private readonly transitions: TransitionItemUseCase) {}

  async execute(command: BulkTransitionItemsCommand): Promise<BulkTransitionItemsResult> {
    const results: BulkTransitionOutcome[] = [];
    for (const itemId of command.itemIds) {
      try {
        const r = await this.transitions.execute({
          itemId,
          event: command.event,
          payload: command.payload,
          actorUserId: command.actorUserId,
          hideOutOfScope: true,
        });
        results.push({ itemId, ok: true, status: r.status, version: r.version });
      } catch (err) {
        if (!(err instanceof ApplicationError)) throw err;
        results.push({ itemId, ok: false, error: { code: err.code, message: err.message } });
      }
    }
    return {
      succeeded: results.filter((r) => r.ok).length,
      failed: results.filter((r) => !r.ok).length,
      results,
    };
  }
}
