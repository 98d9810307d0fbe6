import {
  applyRectificationEvent,
  droppedExtensionRequest,
  type ItemState,
  type PendingExtension,
  RECTIFICATION_STATUS_LABELS,
  type RectificationEvent,
  type RectificationEventType,
  type RectificationStatus,
  RectificationTransitionError,
  actingRole,
} from '@rectify/workflow';
import { cleanTextDeep } from '@rectify/domain';
import { type ItemCommandSession, type ItemForCommand, type ItemsRepository } from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';
import { itemWithdrawn } from '../withdraw-item/item-withdrawn';
import { loadItemWithActor } from './load-item-with-actor';
import { checkPickedResponsiblePeople } from './picked-responsible-people';

export interface TransitionItemCommand {
  itemId: string;
  event: RectificationEventType;
  /** The event's fields besides type and actor (reason, measures, evidence …). */
  payload: Record<string, unknown>;
  /** A user id (uuid), or SYSTEM_ACTOR_ID. */
  actorUserId: string;
  /** The version the client saw; a different current version is a conflict. */
  expectedVersion?: number;
  /**
   * ITEM_NOT_FOUND rather than ACTOR_NOT_PERMITTED for a person who may not read the item (the
   * API sets it: out of scope is "not found", never "forbidden").
   */
  hideOutOfScope?: boolean;
}

export interface TransitionItemResult {
  itemId: string;
  fromStatus: RectificationStatus;
  status: RectificationStatus;
  version: number;
}

/**
 * One lifecycle command (整改事项状态迁移): load the item (with the actor's place in the
 * organisation tree), ask the machine, then write everything in ONE atomic statement: the item
 * update guarded by the version that was read (optimistic lock), the history line, the outbox
 * row, and the measures or evidence the event brings. Two round trips on one connection, no
 * explicit transaction: the version check makes the read part of the write's decision.
 *
 * Errors (ApplicationError codes): USER_NOT_FOUND, ITEM_NOT_FOUND; the machine's refusals
 * (ACTOR_NOT_PERMITTED, EVENT_NOT_ALLOWED_IN_STATE, INVALID_EVENT_PAYLOAD,
 * DEADLINE_EXTENSION_REQUIRED …) with currentStatus, allowedEvents and version;
 * RESPONSIBLE_NOT_IN_ORGANISATION when a measure's picked 责任人 is not an active person of the
 * item's organisation (see checkPickedResponsiblePeople); ITEM_WITHDRAWN (409: the item is
 * withdrawn, 撤销; a withdrawal between read and write moves the version, so the guarded write
 * refuses it as ITEM_CHANGED); ITEM_CHANGED
 * when expectedVersion differs or the version moved before the write (nothing is written).
 */
export class TransitionItemUseCase {
  constructor(private readonly items: ItemsRepository) {}

  async execute(command: TransitionItemCommand): Promise<TransitionItemResult> {
    return this.items.session((session) => transition(session, command));
  }
}

async function transition(
  session: ItemCommandSession,
  raw: TransitionItemCommand,
): Promise<TransitionItemResult> {
  // Reasons, notes, measures and evidence texts end up in Word and Excel files: no character XML
  // forbids may be stored (see cleanText).
  const command = { ...raw, payload: cleanTextDeep(raw.payload) };
  const { item, actor } = await loadItemWithActor(session, command.itemId, command.actorUserId, {
    hideOutOfScope: command.hideOutOfScope,
  });
  if (item.withdrawn) throw itemWithdrawn(item.id);
  if (command.expectedVersion !== undefined && command.expectedVersion !== item.version) {
    throw await itemChanged(session, command.itemId, { expectedVersion: command.expectedVersion });
  }
  const event = { ...command.payload, type: command.event, actor } as RectificationEvent;
  const before = stateOf(item);
  const after = decide(before, item.version, event);
  if (event.type === 'SET_MEASURES') await checkPickedResponsiblePeople(session, item.id, event.measures);
  const written = await session.writeTransition({
    itemId: item.id,
    readVersion: item.version,
    event: event.type,
    fromStatus: item.status,
    toStatus: after.status,
    deadline: after.context.deadline,
    reviewIntervalDays: after.context.reviewIntervalDays,
    pendingExtension: after.context.pendingExtension,
    actor: { userId: actor.userId, role: actingRole(actor, event.type) },
    historyPayload: historyPayload(
      command.payload,
      droppedExtensionRequest(before.context, after.context, event.type),
    ),
    ownerId: takesOwnership(event) ? actor.userId : null,
    ...(event.type === 'SUBMIT_COMPLETION'
      ? {
          evidence: {
            text: event.evidence,
            createdBy: actor.senders.includes('system') ? null : actor.userId,
          },
        }
      : {}),
    ...(event.type === 'SET_MEASURES' ? { measures: event.measures } : {}),
  });
  if (!written) throw await itemChanged(session, command.itemId, {});
  return { itemId: item.id, fromStatus: item.status, status: after.status, version: item.version + 1 };
}

// The person of the item's own organisation who first sets its measures owns it: reminders go
// to them. Nobody owns an imported item yet.
function takesOwnership(event: RectificationEvent): boolean {
  return event.type === 'SET_MEASURES' && actingRole(event.actor, event.type) === 'secretary';
}

// What the history line keeps of the event: the payload as sent and, when the event dropped a
// pending extension request without deciding on it, that request (申请延期随之撤销). The key is
// the server's: a client sending one of its own has it replaced.
function historyPayload(
  payload: Record<string, unknown>,
  dropped: PendingExtension | null,
): Record<string, unknown> {
  const sent = { ...payload };
  delete sent.droppedExtensionRequest;
  return dropped ? { ...sent, droppedExtensionRequest: dropped } : sent;
}

function stateOf(item: ItemForCommand): ItemState {
  return {
    status: item.status,
    context: {
      deadline: item.deadline,
      reviewIntervalDays: item.reviewIntervalDays,
      pendingExtension: item.pendingExtension as PendingExtension | null,
    },
  };
}

function decide(before: ItemState, version: number, event: RectificationEvent): ItemState {
  try {
    return applyRectificationEvent(before, event);
  } catch (err) {
    if (err instanceof RectificationTransitionError) {
      throw new ApplicationError(err.code, err.message, {
        currentStatus: err.currentStatus,
        allowedEvents: err.allowedEvents,
        version,
        ...(err.code === 'DEADLINE_EXTENSION_REQUIRED' ? { currentDeadline: before.context.deadline } : {}),
      });
    }
    throw err;
  }
}

// Reads on the command's own connection: the embedded database has only one.
async function itemChanged(session: ItemCommandSession, itemId: string, details: Record<string, unknown>) {
  const current = await session.currentState(itemId);
  const status = current?.status;
  const label = status ? RECTIFICATION_STATUS_LABELS[status] : '未知';
  return new ApplicationError(
    'ITEM_CHANGED',
    `整改事项已被他人修改（当前状态："${label}"，版本 ${current?.version ?? '?'}）：请刷新后重新操作。`,
    { ...details, currentStatus: status, version: current?.version },
  );
}
