import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import { RECTIFICATION_EVENT_TYPES, type RectificationEventType } from '@rectify/workflow';

export class BulkTransitionDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  itemIds!: string[];

  @ApiProperty({ enum: RECTIFICATION_EVENT_TYPES })
  @IsIn(RECTIFICATION_EVENT_TYPES)
  event!: RectificationEventType;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  payload: Record<string, unknown> = {};
}
