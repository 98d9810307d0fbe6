import { cleanText, ITEM_SOURCE_LABELS, ITEM_SOURCES, type ItemSource } from '@rectify/domain';
import { type WorkflowActor } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { assertItemVisible } from '../item-queries/get-item.query';
import { ApplicationError } from '../errors/application-error';
import { loadItemWithActor } from '../transition-item/load-item-with-actor';
import { withPreparedSql } from '../transition-item/prepared-sql';

/**
 * The ledger details of an item that are not part of its lifecycle: where the problem came from
 * (问题来源) and the leader responsible (责任领导). Changed by the organisation's secretary, a
 * supervisor above it or an administrator, version-guarded, with a history line like any change.
 * Nothing else moves: not the deadline, not a long-term item's next review (counted from its
 * last review, see load-reminder-subjects.ts), not its reminders.
 */
export interface UpdateItemDetailsCommand {
  itemId: string;
  actorUserId: string;
  source?: ItemSource;
  /** null clears it. */
  responsibleLeader?: string | null;
  expectedVersion?: number;
}

const MAX_LEADER_LENGTH = 50;

export async function updateItemDetails(
  db: DataSource,
  command: UpdateItemDetailsCommand,
): Promise<{ itemId: string; version: number }> {
  const changes = validate(command);
  await assertItemVisible(db, command.actorUserId, command.itemId);
  return withPreparedSql(db, async (sql) => {
    const { item, actor } = await loadItemWithActor(sql, command.itemId, command.actorUserId);
    if (!mayEditDetails(actor)) {
      throw new ApplicationError(
        'ACTOR_NOT_PERMITTED',
        '只有本组织书记、上级党组织或管理员可以修改问题来源和责任领导。',
        { itemId: item.id },
      );
    }
    const readVersion = command.expectedVersion ?? item.version;
    const rows = await sql<{ version: number }>(
      'rectify.update_item_details',
      `WITH updated AS (
         UPDATE rectification_item
            SET source = COALESCE($3, source),
                responsible_leader = CASE WHEN $4::boolean THEN $5 ELSE responsible_leader END,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2
          RETURNING id, status, version, deadline),
       -- The line carries the deadline in force, unchanged: the overdue trend replays it.
       history AS (
         INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, deadline)
         SELECT id, version, $6, $7, 'UPDATE_DETAILS', status, status, $8, deadline FROM updated)
       SELECT version FROM updated`,
      [
        item.id,
        readVersion,
        changes.source ?? null,
        'responsibleLeader' in changes,
        changes.responsibleLeader ?? null,
        actor.userId,
        actor.role,
        JSON.stringify(changes),
      ],
    );
    if (rows.length !== 1) {
      throw new ApplicationError('ITEM_CHANGED', '整改事项已被他人修改：请刷新后重新操作。', {
        itemId: item.id,
      });
    }
    return { itemId: item.id, version: Number(rows[0].version) };
  });
}

function validate(
  command: UpdateItemDetailsCommand,
): Partial<Pick<UpdateItemDetailsCommand, 'source' | 'responsibleLeader'>> {
  const changes: Partial<Pick<UpdateItemDetailsCommand, 'source' | 'responsibleLeader'>> = {};
  if (command.source !== undefined) {
    if (!(ITEM_SOURCES as readonly string[]).includes(command.source)) {
      throw new ApplicationError(
        'INVALID_ARGUMENT',
        `问题来源"${command.source}"无效：可选 ${ITEM_SOURCES.map((s) => `${s}（${ITEM_SOURCE_LABELS[s]}）`).join('、')}。`,
        { source: command.source },
      );
    }
    changes.source = command.source;
  }
  if (command.responsibleLeader !== undefined) {
    const leader = command.responsibleLeader === null ? null : cleanText(command.responsibleLeader).trim();
    if (leader !== null && (leader === '' || leader.length > MAX_LEADER_LENGTH)) {
      throw new ApplicationError(
        'INVALID_ARGUMENT',
        `责任领导应为1至${MAX_LEADER_LENGTH}个字；要清除请传 null。`,
        { responsibleLeader: command.responsibleLeader },
      );
    }
    changes.responsibleLeader = leader;
  }
  if (Object.keys(changes).length === 0) {
    throw new ApplicationError(
      'INVALID_ARGUMENT',
      '没有要修改的内容：请提供 source 或 responsibleLeader。',
      {},
    );
  }
  return changes;
}

function mayEditDetails(actor: WorkflowActor): boolean {
  return (
    actor.role === 'admin' ||
    (actor.role === 'secretary' && actor.scope === 'own_organisation') ||
    (actor.role === 'supervisor' && actor.scope === 'ancestor_organisation')
  );
}
