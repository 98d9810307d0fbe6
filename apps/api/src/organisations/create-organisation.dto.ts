import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreateOrganisationDto {
  @ApiProperty({ example: '青石村党支部' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', description: '上级党组织' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({
    enum: ['committee', 'general_branch', 'branch'],
    description: '党委 / 党总支 / 党支部；缺省时按名称判断',
  })
  @IsOptional()
  @IsIn(['committee', 'general_branch', 'branch'])
  kind?: 'committee' | 'general_branch' | 'branch';
}
