import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { POSITION_KINDS, POSITION_RIGHTS } from '@rectify/domain';
import { PositionKindProperty, PositionRightProperty } from '../common/vocabulary.response';

/** Most positions one person may hold (MAX_POSITIONS_PER_PERSON of the use case). */
const MAX_POSITIONS = 20;

/** One position to give: the kind, the organisation (absent: the person's own), the rights. */
export class PositionGrantDto {
  @PositionKindProperty()
  @IsIn(POSITION_KINDS)
  kind!: string;

  @ApiPropertyOptional({ format: 'uuid', description: '任职组织；缺省为本人所在组织' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @PositionRightProperty({
    isArray: true,
    required: false,
    description: '本组织指定的职权；缺省按职务：书记 整改责任+督办，副书记、组织委员 督办，其余无',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @IsIn(POSITION_RIGHTS, { each: true })
  rights?: string[];
}

/** PUT /api/users/{id}/positions: the person's positions, replacing what they held. */
export class SetPositionsDto {
  @ApiProperty({
    type: [PositionGrantDto],
    minItems: 1,
    maxItems: MAX_POSITIONS,
    description: '至少一个职务',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_POSITIONS)
  @ValidateNested({ each: true })
  @Type(() => PositionGrantDto)
  positions!: PositionGrantDto[];
}
