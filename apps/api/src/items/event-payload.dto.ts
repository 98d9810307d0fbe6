import { type Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type PayloadKind } from '@rectify/workflow';

/**
 * What a lifecycle event carries, one class per payload kind (libs/workflow's EventPayloads):
 * the body of a transition request (transition-request.dto.ts) and, with what the event dropped,
 * its line in the history (item-history.response.ts). Documentation only: the workflow's payload
 * rules check the values and say in Chinese what is missing.
 */
export class MeasurePlanResponse {
  @ApiProperty({ example: '每月开展一次专题学习' })
  title!: string;

  @ApiProperty({ description: '责任人：所选人员的姓名，或没有账号者的姓名（自由填写）' })
  responsible!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      '从本组织人员中选择的责任人（GET /api/organisations/{id}/people）；须为本组织在职人员，否则 400 RESPONSIBLE_NOT_IN_ORGANISATION',
  })
  responsibleUserId?: string | null;

  @ApiProperty({ format: 'date', description: '完成时限' })
  deadline!: string;
}

/** measures: SET_MEASURES. */
export class MeasuresPayload {
  @ApiProperty({ type: [MeasurePlanResponse], description: '全部整改措施；事项的整改时限取最晚的完成时限' })
  measures!: MeasurePlanResponse[];
}

/** completion: SUBMIT_COMPLETION. */
export class CompletionPayload {
  @ApiProperty({ description: '整改完成情况说明' })
  evidence!: string;

  @ApiPropertyOptional({ type: [String], description: '所附佐证文件的编号' })
  evidenceFileIds?: string[];
}

/** comment: APPROVE_COMPLETION, APPROVE_EXTENSION. */
export class CommentPayload {
  @ApiPropertyOptional({ description: '审核意见' })
  comment?: string;
}

/** reason: RETURN_FOR_REWORK, REJECT_EXTENSION, REOPEN. */
export class ReasonPayload {
  @ApiProperty({ description: '理由' })
  reason!: string;
}

/** long_term: APPROVE_LONG_TERM. */
export class LongTermPayload {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 366, description: '定期报告间隔（天）' })
  reviewIntervalDays!: number;

  @ApiProperty({ description: '理由' })
  reason!: string;
}

/** extension_request: REQUEST_EXTENSION. */
export class ExtensionRequestPayload {
  @ApiProperty({ format: 'date', description: '申请的新时限，须晚于当前时限' })
  newDeadline!: string;

  @ApiProperty({ description: '延期理由' })
  reason!: string;
}

/** note: RECORD_LONG_TERM_REVIEW, ADD_PROGRESS_NOTE. */
export class NotePayload {
  @ApiProperty({ description: '进展说明' })
  note!: string;
}

/** The class of each payload kind; the compiler asks for a new kind's class here. */
export const EVENT_PAYLOAD_CLASSES: Record<PayloadKind, Type<object>> = {
  measures: MeasuresPayload,
  completion: CompletionPayload,
  comment: CommentPayload,
  reason: ReasonPayload,
  long_term: LongTermPayload,
  extension_request: ExtensionRequestPayload,
  note: NotePayload,
};

/** SET_MEASURES → SetMeasures: the prefix of an event's generated schema names. */
export const pascalCase = (name: string): string =>
  name
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
