import {
  cleanText,
  CREATED_ITEM_LIMITS,
  ITEM_SOURCE_LABELS,
  ITEM_SOURCES,
  type ItemSource,
} from '@rectify/domain';
import { type ItemsRepository } from '@rectify/persistence';
import { actingRole, mayEditDetails } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';
import { loadItemWithActor } from '../transition-item/load-item-with-actor';
import { itemWithdrawn } from '../withdraw-item/item-withdrawn';

/**
 * The details of an item that are not part of its lifecycle: its title (问题) and description
 * (具体表现), where the problem came from (问题来源) and the leader responsible (责任领导).
 */
export interface UpdateItemDetailsCommand {
  itemId: string;
  actorUserId: string;
  /** 1 to CREATED_ITEM_LIMITS.maxTitleLength characters after trimming. */
  title?: string;
  /** At most CREATED_ITEM_LIMITS.maxDetailLength characters; '' clears it. */
  detail?: string;
  source?: ItemSource;
  /** null clears it. */
  responsibleLeader?: string | null;
  expectedVersion?: number;
}

const MAX_LEADER_LENGTH = 50;

type DetailChanges = Partial<
  Pick<UpdateItemDetailsCommand, 'title' | 'detail' | 'source' | 'responsibleLeader'>
>;

/**
 * Changes an item's details, as the organisation's secretary, a supervisor above it, an
 * administrator or the person who created the item by hand (mayEditDetails), version-guarded,
 * with an UPDATE_DETAILS history line holding the new values (and, for title and detail, the
 * repository adds the old ones as `previousTitle` / `previousDetail`, so the correction stays on
 * record).
 * Nothing else moves: not the deadline, not a long-term item's next review (counted from its
 * last review, see load-reminder-subjects.ts), not its reminders. Resolves to the new version.
 *
 * Errors: INVALID_ARGUMENT (unknown source, a leader of 0 or over 50 characters, an empty or
 * too long title, a too long detail, nothing to change), ITEM_NOT_FOUND (absent or out of the actor's scope), USER_NOT_FOUND,
 * ACTOR_NOT_PERMITTED, ITEM_WITHDRAWN (409: withdrawn, 撤销), ITEM_CHANGED (the version moved, or is not expectedVersion).
 */
export class UpdateItemDetailsUseCase {
  constructor(private readonly items: ItemsRepository) {}

  async execute(command: UpdateItemDetailsCommand): Promise<{ itemId: string; version: number }> {
    const changes = validate(command);
    return this.items.session(async (session) => {
      const { item, actor } = await loadItemWithActor(session, command.itemId, command.actorUserId, {
        hideOutOfScope: true,
      });
      if (!mayEditDetails(actor, item.createdBy)) {
        throw new ApplicationError(
          'ACTOR_NOT_PERMITTED',
          '只有本组织书记、上级党组织、事项创建人或管理员可以修改整改事项的标题、描述、问题来源和责任领导。',
          { itemId: item.id },
        );
      }
      if (item.withdrawn) throw itemWithdrawn(item.id);
      const version = await session.updateDetails({
        itemId: item.id,
        readVersion: command.expectedVersion ?? item.version,
        title: changes.title ?? null,
        detail: changes.detail ?? null,
        source: changes.source ?? null,
        setResponsibleLeader: 'responsibleLeader' in changes,
        responsibleLeader: changes.responsibleLeader ?? null,
        actor: { userId: actor.userId, role: actingRole(actor) },
        changes,
      });
      if (version === null) {
        throw new ApplicationError('ITEM_CHANGED', '整改事项已被他人修改：请刷新后重新操作。', {
          itemId: item.id,
        });
      }
      return { itemId: item.id, version };
    });
  }
}

function validate(command: UpdateItemDetailsCommand): DetailChanges {
  const changes: DetailChanges = {};
  if (command.title !== undefined) {
    const title = cleanText(String(command.title)).trim();
    if (title === '' || title.length > CREATED_ITEM_LIMITS.maxTitleLength) {
      throw new ApplicationError(
        'INVALID_ARGUMENT',
        `问题标题应为1至${CREATED_ITEM_LIMITS.maxTitleLength}个字。`,
        { titleLength: title.length },
      );
    }
    changes.title = title;
  }
  if (command.detail !== undefined) {
    const detail = cleanText(String(command.detail)).trim();
    if (detail.length > CREATED_ITEM_LIMITS.maxDetailLength) {
      throw new ApplicationError(
        'INVALID_ARGUMENT',
        `问题描述不能超过${CREATED_ITEM_LIMITS.maxDetailLength}个字（现有${detail.length}个字）。`,
        { detailLength: detail.length },
      );
    }
    changes.detail = detail;
  }
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
      '没有要修改的内容：请提供 title、detail、source 或 responsibleLeader。',
      {},
    );
  }
  return changes;
}
