import { ApiProperty } from '@nestjs/swagger';
import { OrganisationKindProperty, UserRoleProperty } from '../common/vocabulary.response';

/** POST /api/auth/login: a short-lived access token. */
export class LoginResponse {
  @ApiProperty({ description: 'JWT；之后的请求带 Authorization: Bearer <accessToken>' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ type: 'integer', example: 3600, description: '有效期（秒）' })
  expiresIn!: number;

  @ApiProperty({
    description:
      '为 true 时正在使用管理员重置的一次性密码：须先修改密码（POST /api/me/password），其他接口一律返回 403 PASSWORD_CHANGE_REQUIRED',
  })
  mustChangePassword!: boolean;
}

export class MeOrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @OrganisationKindProperty()
  kind!: string;
}

/** GET /api/me: the signed-in user and their organisation. */
export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ description: '姓名' }) displayName!: string;
  @UserRoleProperty()
  role!: string;
  @ApiProperty({ type: MeOrganisationResponse }) organisation!: MeOrganisationResponse;
  @ApiProperty({ description: '为 true 时须先修改密码（管理员重置的一次性密码）' })
  mustChangePassword!: boolean;
}
