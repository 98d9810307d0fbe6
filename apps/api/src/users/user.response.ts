import { ApiProperty } from '@nestjs/swagger';
import { PositionKindProperty, PositionRightProperty } from '../common/vocabulary.response';

/** One position held (职务), with its organisation. */
export class PositionResponse {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ description: '任职组织名称' }) organisationName!: string;
  @PositionKindProperty() kind!: string;
  @PositionRightProperty({ isArray: true, description: '该职务的职权' }) rights!: string[];
}

/** One person of the people list (人员管理), as GET /api/users and the edits answer. */
export class UserEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '账号' }) username!: string;
  @ApiProperty({ description: '姓名' }) displayName!: string;
  @ApiProperty({ format: 'uuid', description: '所在组织' }) organisationId!: string;
  @ApiProperty({ description: '所在组织名称' }) organisationName!: string;
  @ApiProperty({ type: [PositionResponse], description: '所任职务' }) positions!: PositionResponse[];
  @ApiProperty({ type: String, nullable: true, description: '接收提醒的邮箱' }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '手机' }) phone!: string | null;
  @ApiProperty({ description: '已停用：不能登录' }) disabled!: boolean;
  @ApiProperty({ description: '仍在使用管理员重置的一次性密码，下次登录须修改密码' })
  mustChangePassword!: boolean;
}

/** GET /api/users: one page of people; `total` counts every match. */
export class UserPageResponse {
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
  @ApiProperty({ type: [UserEntryResponse] }) users!: UserEntryResponse[];
}

/** POST /api/users/{id}/reset-password: the one-time password, shown once and never stored in clear. */
export class PasswordResetResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ description: '姓名' }) displayName!: string;
  @ApiProperty({
    example: 'k7Qm-3xTp-Wn8r',
    description: '一次性密码：只在本次响应中出现，请当面或通过安全渠道告知本人；本人登录后须立即修改',
  })
  oneTimePassword!: string;
}
