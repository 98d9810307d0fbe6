import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

/** PATCH /api/users/{id}: the fields to change; absent fields stay; null or '' clears phone and e-mail. */
export class EditUserDto {
  @ApiPropertyOptional({ example: '张三', maxLength: 50 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '138 0000 0000', maxLength: 30 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(30)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'zhangsan@example.org', maxLength: 254 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: '所在组织' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
