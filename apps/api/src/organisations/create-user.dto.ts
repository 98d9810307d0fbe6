import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ example: 'zhangsan', pattern: '^[\\w.@-]{2,64}$' })
  @Matches(/^[\w.@-]{2,64}$/, { message: '用户名须为2至64位字母、数字或 . _ @ - 符号' })
  username!: string;

  @ApiProperty({ example: '张三' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName!: string;

  @ApiProperty({ enum: ['secretary', 'supervisor', 'admin'] })
  @IsIn(['secretary', 'supervisor', 'admin'])
  role!: 'secretary' | 'supervisor' | 'admin';

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;

  /** Length, common passwords and the 72-byte bcrypt limit are checked by checkPasswordPolicy. */
  @ApiProperty({
    minLength: 8,
    description:
      '至少8个字符，最多72字节（72个英文字母、数字或符号，或24个汉字）；不能是常见密码、重复或连续的字符，也不能与用户名相同',
  })
  @IsString()
  @IsNotEmpty()
  password!: string;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @IsEmail()
  email?: string;
}
