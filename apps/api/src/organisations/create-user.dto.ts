import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

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

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password!: string;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @IsEmail()
  email?: string;
}
