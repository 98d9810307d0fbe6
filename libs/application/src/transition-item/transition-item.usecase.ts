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
} from '@rectify/workflow';
import { cleanTextDeep } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { type LoadedItem, loadItemWithActor } from './load-item-with-actor';
import { type PreparedSql, withPreparedSql } from './prepared-sql';

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
  fromStatus: RectificationStatus;
  status: RectificationStatus;
  version: number;
}

/**
 * One command: load the item (with the actor's place in the organisation tree), ask the
 * machine, then write everything in ONE atomic statement: the item update guarded by the
 * version that was read (optimistic lock), the history line, and the measures or evidence the
 * event brings. If the version moved in between, nothing is written and the caller gets
 * ITEM_CHANGED with the item's current state. Two round trips per transition, no explicit
 * transaction needed: the version check makes the read part of the write's decision.
 */
export async function transitionItem(
  db: DataSource,
  command: TransitionItemCommand,
): Promise<TransitionItemResult> {
  return withPreparedSql(db, (sql) => transition(sql, command));
}

async function transition(sql: PreparedSql, raw: TransitionItemCommand): Promise<TransitionItemResult> {
  // Reasons, notes, measures and evidence texts end up in Word and Excel files: no character XML
  // forbids may be stored (see cleanText).
  const command = { ...raw, payload: cleanTextDeep(raw.payload) };
  const { item, actor } = await loadItemWithActor(sql, command.itemId, command.actorUserId);
  if (command.expectedVersion !== undefined && command.expectedVersion !== item.version) {
    throw await itemChanged(sql, command, { expectedVersion: command.expectedVersion });
  }
  const event = { ...command.payload, type: command.event, actor } as RectificationEvent;
  const before = stateOf(item);
  const after = decide(before, item.version, event);
  const version = item.version + 1;
  const rows = await sql<{ id: string }>(
    `rectify.transition_write.${event.type}`,
    writeStatement(event.type),
    [
      item.id,
      item.version,
      after.status,
      after.context.deadline,
      after.context.reviewIntervalDays,
      after.context.pendingExtension === null ? null : JSON.stringify(after.context.pendingExtension),
      version,
      actor.userId,
      actor.role,
      command.event,
      item.status,
      JSON.stringify(
        historyPayload(command.payload, droppedExtensionRequest(before.context, after.context, event.type)),
      ),
      takesOwnership(event) ? actor.userId : null,
      ...(event.type === 'SUBMIT_COMPLETION'
        ? [event.evidence, actor.role === 'system' ? null : actor.userId]
        : []),
      ...(event.type === 'SET_MEASURES' ? [JSON.stringify(event.measures)] : []),
    ],
  );
  if (rows.length !== 1) throw await itemChanged(sql, command, {});
  return { itemId: item.id, fromStatus: item.status, status: after.status, version };
}

// The person of the item's own organisation who first sets its measures owns it: reminders go
// to them. Nobody owns an imported item yet.
function takesOwnership(event: RectificationEvent): boolean {
  return event.type === 'SET_MEASURES' && event.actor.scope === 'own_organisation';
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

// The item update guarded by the version read ($2), the history line, whose seq is the item's
// version after the event ($7): gapless and ordered, with the deadline in force after it ($4,
// which the overdue trend replays); and the outbox row that tells the worker
// to (re)schedule the item's reminders, written in the same statement so it cannot be lost.
const UPDATE_WITH_HISTORY = `
  WITH updated AS (
    UPDATE rectification_item
       SET status = $3, deadline = $4, review_interval_days = $5, pending_extension = $6, version = $7,
           owner_id = COALESCE(owner_id, $13::uuid), updated_at = now()
     WHERE id = $1 AND version = $2
     RETURNING id),
  history AS (
    INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, deadline)
    SELECT id, $7, $8, $9, $10, $11, $3, $12, $4 FROM updated),
  outbox_added AS (
    INSERT INTO outbox (item_id, reason) SELECT id, $10 FROM updated)`;

const EVIDENCE = `,
  evidence_added AS (
    INSERT INTO evidence (item_id, text, created_by) SELECT id, $14, $15 FROM updated)`;

// Replaces the item's measures in the same statement (the unique key is checked deferred).
const MEASURES = `,
  measures_removed AS (
    DELETE FROM measure WHERE item_id IN (SELECT id FROM updated)),
  measures_added AS (
    INSERT INTO measure (item_id, seq, title, detail, responsible, deadline)
    SELECT u.id, t.ordinality, t.m->>'title', '', t.m->>'responsible', (t.m->>'deadline')::date
      FROM updated u, jsonb_array_elements($14::jsonb) WITH ORDINALITY AS t(m, ordinality))`;

function writeStatement(type: RectificationEventType): string {
  const extra = type === 'SUBMIT_COMPLETION' ? EVIDENCE : type === 'SET_MEASURES' ? MEASURES : '';
  return `${UPDATE_WITH_HISTORY}${extra}\n  SELECT id FROM updated`;
}

function stateOf(item: LoadedItem): ItemState {
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
async function itemChanged(
  sql: PreparedSql,
  command: TransitionItemCommand,
  details: Record<string, unknown>,
) {
  const [current] = await sql<{ status: RectificationStatus; version: number }>(
    'rectify.item_status',
    'SELECT status, version FROM rectification_item WHERE id = $1',
    [command.itemId],
  );
  const status = current?.status;
  const label = status ? RECTIFICATION_STATUS_LABELS[status] : '未知';
  return new ApplicationError(
    'ITEM_CHANGED',
    `整改事项已被他人修改（当前状态："${label}"，版本 ${current?.version ?? '?'}）：请刷新后重新操作。`,
    { ...details, currentStatus: status, version: current?.version },
  );
}
