import { type Type } from '@nestjs/common';
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  type HistoryEventType,
  PAYLOAD_KINDS,
  type PayloadKind,
  RECTIFICATION_EVENT_TYPES,
  type RectificationEventType,
  eventProfile,
} from '@rectify/workflow';
import { ActorRoleProperty, StatusProperty } from '../common/vocabulary.response';
import { pascalCase } from './event-payload.dto';
import {
  AttachEvidencePayload,
  CreatePayload,
  DeleteEvidencePayload,
  DropExtensionRequestPayload,
  ImportPayload,
  RestorePayload,
  UpdateDetailsPayload,
  WithdrawPayload,
  lifecycleHistoryPayloadOf,
} from './event-payload.response';

/** What every history line has, whatever its event. */
class HistoryEntryBase {
  @ApiProperty({ type: 'integer', description: '序号（1, 2, 3…），即该记录之后的版本号' })
  seq!: number;

  @ApiProperty({ description: '操作人（用户编号；系统为 system）' })
  actorId!: string;

  @ApiProperty({ type: String, nullable: true, description: '操作人姓名；系统或已删除的账号为 null' })
  actorName!: string | null;

  @ActorRoleProperty()
  actorRole!: string;

  @StatusProperty({ nullable: true, description: '操作前的状态；导入时为 null' })
  fromStatus!: string | null;

  @StatusProperty({ description: '操作后的状态' })
  toStatus!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

/** The history payload of each kind, built once (lifecycleHistoryPayloadOf makes a class). */
const KIND_PAYLOADS = Object.fromEntries(
  PAYLOAD_KINDS.map((kind) => [kind, lifecycleHistoryPayloadOf(kind)]),
) as Record<PayloadKind, Type<object>>;

/**
 * The payload class each event's line carries: a lifecycle event's follows its payload kind,
 * so a new event needs nothing here; the changes made outside the machine have their own.
 */
const PAYLOADS: Record<HistoryEventType, Type<unknown>> = {
  ...(Object.fromEntries(
    RECTIFICATION_EVENT_TYPES.map((event) => [event, KIND_PAYLOADS[eventProfile(event).payload]]),
  ) as Record<RectificationEventType, Type<object>>),
  IMPORT: ImportPayload,
  CREATE: CreatePayload,
  UPDATE_DETAILS: UpdateDetailsPayload,
  ATTACH_EVIDENCE: AttachEvidencePayload,
  DELETE_EVIDENCE: DeleteEvidencePayload,
  DROP_EXTENSION_REQUEST: DropExtensionRequestPayload,
  WITHDRAW: WithdrawPayload,
  RESTORE: RestorePayload,
};

/** One history line of one event, e.g. SetMeasuresHistoryEntry: `event` is its discriminator. */
function historyEntryOf(event: HistoryEventType, payload: Type<unknown>): Type<HistoryEntryBase> {
  class Entry extends HistoryEntryBase {}
  Object.defineProperty(Entry, 'name', { value: `${pascalCase(event)}HistoryEntry` });
  ApiProperty({ enum: [event], description: '记录的事件' })(Entry.prototype, 'event');
  ApiProperty({ type: payload })(Entry.prototype, 'payload');
  return Entry;
}

/** One class per event; register them with @ApiExtraModels where the detail is documented. */
export const HISTORY_ENTRY_MODELS = Object.fromEntries(
  Object.entries(PAYLOADS).map(([event, payload]) => [
    event,
    historyEntryOf(event as HistoryEventType, payload),
  ]),
) as Record<HistoryEventType, Type<HistoryEntryBase>>;

/** The schema of one history line: one of the events' entries, told apart by `event`. */
export const HISTORY_ENTRY_SCHEMA = {
  oneOf: Object.values(HISTORY_ENTRY_MODELS).map((model) => ({ $ref: getSchemaPath(model) })),
  discriminator: {
    propertyName: 'event',
    mapping: Object.fromEntries(
      Object.entries(HISTORY_ENTRY_MODELS).map(([event, model]) => [event, getSchemaPath(model)]),
    ),
  },
};
