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
  @Matches(/^[\w.@-]{2,64}$/, { message: '用户名须为2至64位字母、数字或 . _ @ - 符号' })
  username!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName!: string;

  @IsIn(['secretary', 'supervisor', 'admin'])
  role!: 'secretary' | 'supervisor' | 'admin';

  @IsUUID()
  organisationId!: string;

  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password!: string;

  @IsOptional()
  @IsEmail()
  email?: string;
}
