import { IsIn, IsInt, IsObject, IsOptional, Min } from 'class-validator';
import { RECTIFICATION_EVENT_TYPES, type RectificationEventType } from '@rectify/workflow';

export class TransitionRequestDto {
  @IsIn(RECTIFICATION_EVENT_TYPES)
  event!: RectificationEventType;

  /** The event's fields (reason, note, evidence, measures …); the workflow's rules check them. */
  @IsOptional()
  @IsObject()
  payload: Record<string, unknown> = {};

  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
