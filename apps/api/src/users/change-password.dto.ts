import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** POST /api/me/password: the current password and the new one (the client confirms it twice). */
export class ChangePasswordDto {
  @ApiProperty({ description: '当前密码（或管理员重置的一次性密码）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  currentPassword!: string;

  /** Length, common passwords and the 72-byte bcrypt limit are checked by checkPasswordPolicy. */
  @ApiProperty({
    minLength: 8,
    description:
      '新密码：至少8个字符，最多72字节（72个英文字母、数字或符号，或24个汉字）；不能是常见密码、重复或连续的字符，不能与用户名或当前密码相同',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  newPassword!: string;
}
