import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, Min } from 'class-validator';
import { RECTIFICATION_EVENT_TYPES, type RectificationEventType } from '@rectify/workflow';

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
      'REQUEST_EXTENSION {newDeadline,reason}；ADD_PROGRESS_NOTE/RECORD_LONG_TERM_REVIEW {note}',
  })
  @IsOptional()
  @IsObject()
  payload: Record<string, unknown> = {};

  @ApiProperty({ minimum: 1, description: '客户端看到的版本号；不一致时返回 409' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
