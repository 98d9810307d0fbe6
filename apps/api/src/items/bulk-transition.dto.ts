import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import { RECTIFICATION_EVENT_TYPES, type RectificationEventType } from '@rectify/workflow';

export class BulkTransitionDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  itemIds!: string[];

  @IsIn(RECTIFICATION_EVENT_TYPES)
  event!: RectificationEventType;

  @IsOptional()
  @IsObject()
  payload: Record<string, unknown> = {};
}
