import { type Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type PayloadKind } from '@rectify/workflow';
import { ClaimedProgressProperty, SourceProperty } from '../common/vocabulary.response';
import { EVENT_PAYLOAD_CLASSES, pascalCase } from './event-payload.dto';

/**
 * The payload of each event as an item's history line keeps it (整改全过程记录): the fields the
 * event was sent with, and, when a lifecycle event dropped an undecided extension request,
 * `droppedExtensionRequest`. Lifecycle events' payloads follow their kind; the others have a
 * class each. item-history.response.ts pairs them with the events.
 */
export class PendingExtensionResponse {
  @ApiProperty({ format: 'date', description: '申请的新时限' })
  newDeadline!: string;

  @ApiProperty({ description: '延期理由' })
  reason!: string;

  @ApiProperty({ description: '申请人（用户编号）' })
  requestedBy!: string;
}

/**
 * The history payload of a lifecycle event of this kind: the fields it was sent with (see
 * event-payload.dto.ts) and, when it dropped an undecided extension request, that request.
 * Named e.g. ReasonHistoryPayload in the contract.
 */
export function lifecycleHistoryPayloadOf(kind: PayloadKind): Type<object> {
  const Sent = EVENT_PAYLOAD_CLASSES[kind];
  class Line extends Sent {}
  Object.defineProperty(Line, 'name', { value: `${pascalCase(kind)}HistoryPayload` });
  ApiPropertyOptional({
    type: PendingExtensionResponse,
    description: '该操作使未审核的延期申请随之撤销时：被撤销的申请',
  })(Line.prototype, 'droppedExtensionRequest');
  return Line;
}

/** UPDATE_DETAILS: only the fields that were changed (and what a corrected title or detail was). */
export class UpdateDetailsPayload {
  @ApiPropertyOptional({ description: '更正后的标题' })
  title?: string;

  @ApiPropertyOptional({ description: '更正前的标题' })
  previousTitle?: string;

  @ApiPropertyOptional({ description: '更正后的问题描述' })
  detail?: string;

  @ApiPropertyOptional({ description: '更正前的问题描述' })
  previousDetail?: string;

  @SourceProperty({ required: false })
  source?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '责任领导；null 表示已清除' })
  responsibleLeader?: string | null;
}

export class AttachEvidencePayload {
  @ApiProperty({ format: 'uuid' })
  evidenceId!: string;

  @ApiProperty()
  fileName!: string;

  @ApiProperty({ type: 'integer', description: '字节' })
  sizeBytes!: number;

  @ApiProperty({ description: '佐证说明' })
  text!: string;
}

export class DeleteEvidencePayload {
  @ApiProperty({ format: 'uuid' })
  evidenceId!: string;

  @ApiProperty({ type: String, nullable: true })
  fileName!: string | null;
}

/** WITHDRAW: a mistaken item withdrawn (撤销) by a supervisor above it or an administrator. */
export class WithdrawPayload {
  @ApiProperty({ description: '撤销原因' })
  reason!: string;
}

/** RESTORE: a withdrawn item restored (恢复), in the status it had. */
export class RestorePayload {
  @ApiPropertyOptional({ description: '恢复说明' })
  note?: string;
}

/** DROP_EXTENSION_REQUEST: written by a migration for requests left in a stage without them. */
export class DropExtensionRequestPayload {
  @ApiProperty({ type: PendingExtensionResponse })
  droppedExtensionRequest!: PendingExtensionResponse;

  @ApiProperty()
  reason!: string;
}

/**
 * IMPORT: where the item came from; for a row of a problem list (表格) also the row's own words.
 * Lines written before a field existed lack it.
 */
/** CREATE: an item created by hand (上级点评 …); who created it is the line's actor. */
export class CreatePayload {
  @SourceProperty()
  source!: string;

  @ApiProperty({ type: 'integer', description: '问题所属年度' })
  year!: number;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '建议完成时限' })
  deadline!: string | null;

  @ApiPropertyOptional({ description: '问题依据，如"2026年度述职评议会议点评"' })
  reason?: string;
}

export class ImportPayload {
  @ApiPropertyOptional({ format: 'uuid', description: '导入的报告' })
  reportId?: string;

  @ApiPropertyOptional({ type: 'integer', description: '报告中的问题序号' })
  problemSeq?: number;

  @ApiPropertyOptional({ type: 'integer', description: '关联的整改措施条数' })
  linkedMeasures?: number;

  @ClaimedProgressProperty({ required: false, nullable: true, description: '表格中的整改进度' })
  progress?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '整改进度单元格原文' })
  progressText?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '时限单元格原文' })
  deadlineText?: string | null;

  @ApiPropertyOptional({ type: 'integer', description: '所在行（从 1 起）' })
  row?: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: '所在工作表' })
  sheet?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '问题来源单元格原文' })
  source?: string | null;
}
