import { ApiProperty } from '@nestjs/swagger';
import {
  CLAIM_LABELS,
  ITEM_LIGHT_LABELS,
  ITEM_LIGHTS,
  ITEM_SOURCE_LABELS,
  ITEM_SOURCES,
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  POSITION_KINDS,
  POSITION_PROFILES,
  POSITION_RIGHT_LABELS,
  POSITION_RIGHTS,
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUSES,
} from '@rectify/domain';
import {
  ACTOR_ROLE_LABELS,
  ACTOR_ROLES,
  HISTORY_EVENT_LABELS,
  HISTORY_EVENT_TYPES,
  ITEM_ACTIONS,
  RECTIFICATION_EVENT_LABELS,
  RECTIFICATION_EVENT_TYPES,
} from '@rectify/workflow';

/**
 * Property decorators for the server's vocabulary in response DTOs: each names its enum
 * (`enumName`), so the document holds one shared schema per value list and the generated web
 * client one union type (RectificationStatus, ItemSource …). Descriptions list the Chinese labels.
 */
interface Extra {
  description?: string;
  required?: boolean;
  nullable?: boolean;
  isArray?: boolean;
}

const glossary = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([value, label]) => `${value} ${label}`)
    .join('；');

const vocabularyProperty =
  (values: readonly string[], enumName: string, summary: string) =>
  (extra: Extra = {}) =>
    ApiProperty({
      enum: values as string[],
      enumName,
      ...extra,
      description: extra.description ? `${extra.description}（${summary}）` : summary,
    });

/** 整改状态 (RECTIFICATION_STATUSES). */
export const StatusProperty = vocabularyProperty(
  RECTIFICATION_STATUSES,
  'RectificationStatus',
  `整改状态：${glossary(RECTIFICATION_STATUS_LABELS)}`,
);

/** 问题来源 (ITEM_SOURCES). */
export const SourceProperty = vocabularyProperty(
  ITEM_SOURCES,
  'ItemSource',
  `问题来源：${glossary(ITEM_SOURCE_LABELS)}`,
);

/** 亮灯 (ITEM_LIGHTS). */
export const LightProperty = vocabularyProperty(
  ITEM_LIGHTS,
  'ItemLight',
  `亮灯：${glossary(ITEM_LIGHT_LABELS)}`,
);

/** A lifecycle event (RECTIFICATION_EVENT_TYPES). */
export const EventTypeProperty = vocabularyProperty(
  RECTIFICATION_EVENT_TYPES,
  'RectificationEventType',
  `操作：${glossary(RECTIFICATION_EVENT_LABELS)}`,
);

/** What a caller may do to an item now (ITEM_ACTIONS): the lifecycle events and two more. */
export const ItemActionProperty = vocabularyProperty(
  ITEM_ACTIONS,
  'ItemAction',
  '操作：状态机事件，以及 EDIT_DETAILS 修改台账信息、ATTACH_EVIDENCE 上传整改佐证、WITHDRAW 撤销、RESTORE 恢复（已撤销的事项只有 RESTORE）',
);

/** An item history line's event (HISTORY_EVENT_TYPES). */
export const HistoryEventProperty = vocabularyProperty(
  HISTORY_EVENT_TYPES,
  'HistoryEventType',
  `记录的事件：${glossary(HISTORY_EVENT_LABELS)}`,
);

/** Who sent an event (ACTOR_ROLES). */
export const ActorRoleProperty = vocabularyProperty(
  ACTOR_ROLES,
  'ActorRole',
  `角色：${glossary(ACTOR_ROLE_LABELS)}`,
);

/** The progress a report claims for a problem (上年度整改情况, a problem list's 进度 column). */
export const ClaimedProgressProperty = vocabularyProperty(
  Object.keys(CLAIM_LABELS),
  'ClaimedProgress',
  `整改进度：${glossary(CLAIM_LABELS)}`,
);

/** 党委 / 党总支 / 党支部. */
export const OrganisationKindProperty = vocabularyProperty(
  ORGANISATION_KINDS,
  'OrganisationKind',
  `组织类别：${glossary(ORGANISATION_KIND_LABELS)}`,
);

/** 职务: 书记 / 副书记 / 组织委员 / 纪检委员 / 党务工作者 / 管理员 (POSITION_KINDS). */
export const PositionKindProperty = vocabularyProperty(
  POSITION_KINDS,
  'PositionKind',
  `职务：${glossary(Object.fromEntries(POSITION_KINDS.map((k) => [k, POSITION_PROFILES[k].label])))}`,
);

/** A position's rights: work_items 整改责任, supervise 督办 (POSITION_RIGHTS). */
export const PositionRightProperty = vocabularyProperty(
  POSITION_RIGHTS,
  'PositionRight',
  `职权：${glossary(POSITION_RIGHT_LABELS)}`,
);
