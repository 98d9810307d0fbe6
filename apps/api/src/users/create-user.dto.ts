import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PositionGrantDto } from './position.dto';

/** POST /api/users: a new person with their home organisation and positions. */
export class CreateUserDto {
  @ApiProperty({ example: 'zhangsan', pattern: '^[\\w.@-]{2,64}$' })
  @Matches(/^[\w.@-]{2,64}$/, { message: '用户名须为2至64位字母、数字或 . _ @ - 符号' })
  username!: string;

  @ApiProperty({ example: '张三' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName!: string;

  @ApiProperty({ format: 'uuid', description: '所在组织' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ type: [PositionGrantDto], minItems: 1, maxItems: 20, description: '职务，至少一个' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PositionGrantDto)
  positions!: PositionGrantDto[];

  /** Length, common passwords and the 72-byte bcrypt limit are checked by checkPasswordPolicy. */
  @ApiPropertyOptional({
    minLength: 8,
    description:
      '至少8个字符，最多72字节（72个英文字母、数字或符号，或24个汉字）；不能是常见密码、重复或连续的字符，也不能与用户名相同',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  password?: string;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @IsEmail()
  email?: string;
}
