import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClaimedProgressProperty, SourceProperty } from '../common/vocabulary.response';

/**
 * The payload of each event as an item's history line keeps it (整改全过程记录): the fields the
 * event was sent with, and, when a lifecycle event dropped an undecided extension request,
 * `droppedExtensionRequest`. One class per payload shape; item-history.response.ts pairs them
 * with the events.
 */
export class PendingExtensionResponse {
  @ApiProperty({ format: 'date', description: '申请的新时限' })
  newDeadline!: string;

  @ApiProperty({ description: '延期理由' })
  reason!: string;

  @ApiProperty({ description: '申请人（用户编号）' })
  requestedBy!: string;
}

/** Fields every lifecycle event's line may carry besides its own. */
class LifecyclePayload {
  @ApiPropertyOptional({
    type: PendingExtensionResponse,
    description: '该操作使未审核的延期申请随之撤销时：被撤销的申请',
  })
  droppedExtensionRequest?: PendingExtensionResponse;
}

export class MeasurePlanResponse {
  @ApiProperty({ example: '每月开展一次专题学习' })
  title!: string;

  @ApiProperty({ description: '责任人' })
  responsible!: string;

  @ApiProperty({ format: 'date', description: '完成时限' })
  deadline!: string;
}

export class SetMeasuresPayload extends LifecyclePayload {
  @ApiProperty({ type: [MeasurePlanResponse] })
  measures!: MeasurePlanResponse[];
}

export class SubmitCompletionPayload extends LifecyclePayload {
  @ApiProperty({ description: '整改完成情况说明' })
  evidence!: string;

  @ApiPropertyOptional({ type: [String], description: '所附佐证文件的编号' })
  evidenceFileIds?: string[];
}

/** APPROVE_COMPLETION, APPROVE_EXTENSION. */
export class CommentPayload extends LifecyclePayload {
  @ApiPropertyOptional({ description: '审核意见' })
  comment?: string;
}

/** RETURN_FOR_REWORK, REJECT_EXTENSION, REOPEN. */
export class ReasonPayload extends LifecyclePayload {
  @ApiProperty({ description: '理由' })
  reason!: string;
}

export class ApproveLongTermPayload extends LifecyclePayload {
  @ApiProperty({ type: 'integer', minimum: 1, description: '定期报告间隔（天）' })
  reviewIntervalDays!: number;

  @ApiProperty({ description: '理由' })
  reason!: string;
}

/** RECORD_LONG_TERM_REVIEW, ADD_PROGRESS_NOTE. */
export class NotePayload extends LifecyclePayload {
  @ApiProperty({ description: '进展说明' })
  note!: string;
}

export class RequestExtensionPayload extends LifecyclePayload {
  @ApiProperty({ format: 'date', description: '申请的新时限' })
  newDeadline!: string;

  @ApiProperty({ description: '延期理由' })
  reason!: string;
}

/** UPDATE_DETAILS: only the fields that were changed. */
export class UpdateDetailsPayload {
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
