import {
  EvidenceEntity,
  ItemHistoryEntity,
  MeasureEntity,
  RectificationItemEntity,
} from '@rectify/persistence';
import {
  applyRectificationEvent,
  type ItemState,
  RECTIFICATION_STATUS_LABELS,
  type RectificationEvent,
  type RectificationEventType,
  RectificationTransitionError,
} from '@rectify/workflow';
import { type DataSource, type EntityManager } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { resolveActor } from './resolve-actor';

export interface TransitionItemCommand {
  itemId: string;
  event: RectificationEventType;
  /** The event's fields besides type and actor (reason, measures, evidence …). */
  payload: Record<string, unknown>;
  actorUserId: string;
  /** The version the client saw; a different current version is a conflict. */
  expectedVersion?: number;
}

export interface TransitionItemResult {
  itemId: string;
  fromStatus: string;
  status: string;
  version: number;
}

/**
 * One command, one transaction: load the item, ask the machine, save with an optimistic-lock
 * version check, and append the history line. Two concurrent transitions on one item: the
 * second finds the version moved and gets ITEM_CHANGED with the item's current state.
 */
export async function transitionItem(
  db: DataSource,
  command: TransitionItemCommand,
): Promise<TransitionItemResult> {
  try {
    return await db.transaction((m) => applyInTransaction(m, command));
  } catch (err) {
    if (err instanceof ApplicationError && err.code === 'ITEM_CHANGED')
      throw await withCurrentState(db, command, err);
    throw err;
  }
}

async function applyInTransaction(
  m: EntityManager,
  command: TransitionItemCommand,
): Promise<TransitionItemResult> {
  const items = m.getRepository(RectificationItemEntity);
  const item = await items.findOneBy({ id: command.itemId });
  if (!item)
    throw new ApplicationError('ITEM_NOT_FOUND', '整改事项不存在：请检查编号。', { itemId: command.itemId });
  if (command.expectedVersion !== undefined && command.expectedVersion !== item.version) {
    throw new ApplicationError('ITEM_CHANGED', '', { expectedVersion: command.expectedVersion });
  }
  const actor = await resolveActor(m, command.actorUserId, item.organisationId);
  const event = { ...command.payload, type: command.event, actor } as RectificationEvent;
  const before: ItemState = {
    status: item.status,
    context: {
      deadline: item.deadline,
      reviewIntervalDays: item.reviewIntervalDays,
      pendingExtension: item.pendingExtension,
    },
  };
  let after: ItemState;
  try {
    after = applyRectificationEvent(before, event);
  } catch (err) {
    if (err instanceof RectificationTransitionError) {
      throw new ApplicationError(err.code, err.message, {
        currentStatus: err.currentStatus,
        allowedEvents: err.allowedEvents,
        version: item.version,
      });
    }
    throw err;
  }

  const saved = await m
    .createQueryBuilder()
    .update(RectificationItemEntity)
    .set({
      status: after.status,
      deadline: after.context.deadline,
      reviewIntervalDays: after.context.reviewIntervalDays,
      pendingExtension: after.context.pendingExtension,
      version: item.version + 1,
      updatedAt: () => 'now()',
    })
    .where('id = :id AND version = :version', { id: item.id, version: item.version })
    .execute();
  if (saved.affected !== 1) throw new ApplicationError('ITEM_CHANGED', '', {});

  await applySideRecords(m, item.id, event);
  const { next } = await m
    .getRepository(ItemHistoryEntity)
    .createQueryBuilder('h')
    .select('COALESCE(MAX(h.seq), 0) + 1', 'next')
    .where('h.item_id = :id', { id: item.id })
    .getRawOne<{ next: number }>()
    .then((r) => r ?? { next: 1 });
  const history = m.getRepository(ItemHistoryEntity);
  await history.save(
    history.create({
      itemId: item.id,
      seq: Number(next),
      actorId: actor.userId,
      actorRole: actor.role,
      event: command.event,
      fromStatus: before.status,
      toStatus: after.status,
      payload: command.payload,
    }),
  );
  return { itemId: item.id, fromStatus: before.status, status: after.status, version: item.version + 1 };
}

/** Measures and evidence that an event brings with it. */
async function applySideRecords(m: EntityManager, itemId: string, event: RectificationEvent): Promise<void> {
  if (event.type === 'SET_MEASURES') {
    await m.getRepository(MeasureEntity).delete({ itemId });
    await m.getRepository(MeasureEntity).insert(
      event.measures.map((measure, i) => ({
        itemId,
        seq: i + 1,
        title: measure.title,
        detail: '',
        responsible: measure.responsible,
        deadline: measure.deadline,
      })),
    );
  }
  if (event.type === 'SUBMIT_COMPLETION') {
    await m
      .getRepository(EvidenceEntity)
      .insert({ itemId, text: event.evidence, createdBy: event.actor.userId });
  }
}

async function withCurrentState(db: DataSource, command: TransitionItemCommand, err: ApplicationError) {
  const current = await db.getRepository(RectificationItemEntity).findOneBy({ id: command.itemId });
  const status = current?.status;
  const label = status ? RECTIFICATION_STATUS_LABELS[status] : '未知';
  return new ApplicationError(
    'ITEM_CHANGED',
    `整改事项已被他人修改（当前状态："${label}"，版本 ${current?.version ?? '?'}）：请刷新后重新操作。`,
    { ...err.details, currentStatus: status, version: current?.version },
  );
}
