import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '@rectify/domain';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreateOrganisationDto {
  @ApiProperty({ example: '青石村党支部' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: '上级党组织；只有管理整个组织树的管理员可以不填（添加顶层组织）',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({
    enum: ORGANISATION_KINDS,
    enumName: 'OrganisationKind',
    description: '党委 / 党工委 / 党总支 / 党支部；缺省时按名称判断',
  })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;
}
