import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { RECTIFICATION_EVENT_TYPES, type RectificationEventType } from '@rectify/workflow';
import { PayloadDatesInWindow } from '../common/day-in-window.validator';
import { IntegerInRange, PG_INTEGER_MAX } from '../common/integer-in-range.decorator';

export class TransitionRequestDto {
  @ApiProperty({
    enum: RECTIFICATION_EVENT_TYPES,
    description: '先用 GET /api/items/{id}/events 查看当前可执行的事件',
  })
  @IsIn(RECTIFICATION_EVENT_TYPES)
  event!: RectificationEventType;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      '事件所需字段：SET_MEASURES {measures:[{title,responsible,deadline}]}；SUBMIT_COMPLETION {evidence}；' +
      'RETURN_FOR_REWORK/REJECT_EXTENSION/REOPEN {reason}；APPROVE_LONG_TERM {reviewIntervalDays,reason}；' +
      'REQUEST_EXTENSION {newDeadline,reason}；ADD_PROGRESS_NOTE/RECORD_LONG_TERM_REVIEW {note}。' +
      '日期为 YYYY-MM-DD，须在 1990-01-01 至 2100-12-31 之间',
  })
  @IsOptional()
  @IsObject()
  @PayloadDatesInWindow()
  payload: Record<string, unknown> = {};

  @ApiProperty({ minimum: 1, description: '客户端看到的版本号；不一致时返回 409' })
  @IntegerInRange(1, PG_INTEGER_MAX)
  expectedVersion!: number;
}
