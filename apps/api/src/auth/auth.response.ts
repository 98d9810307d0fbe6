import { ApiProperty } from '@nestjs/swagger';
import { OrganisationKindProperty } from '../common/vocabulary.response';
import { PositionResponse } from '../users/user.response';

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

/** What the positions let the user do somewhere: for choosing menus; every request is still checked. */
export class CapabilitiesResponse {
  @ApiProperty({ description: '承担某组织的整改责任（制定措施、提交销号）' }) worksItems!: boolean;
  @ApiProperty({ description: '督办下级组织（审核销号、退回、延期审批）' }) supervises!: boolean;
  @ApiProperty({ description: '管理某一组织及其下级（组织、人员、导入）' }) administers!: boolean;
  @ApiProperty({ description: '最高级管理员：开发邮箱、任务队列' }) operatesSystem!: boolean;
}

/** GET /api/me: the signed-in user, their organisation and positions. */
export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ description: '姓名' }) displayName!: string;
  @ApiProperty({ type: String, nullable: true, description: '电子邮箱（邮件通知发往此地址）；未填写为 null' })
  email!: string | null;
  @ApiProperty({ type: MeOrganisationResponse, description: '所在组织' })
  organisation!: MeOrganisationResponse;
  @ApiProperty({ type: [PositionResponse], description: '所任职务' }) positions!: PositionResponse[];
  @ApiProperty({ type: CapabilitiesResponse }) capabilities!: CapabilitiesResponse;
  @ApiProperty({ description: '为 true 时须先修改密码（管理员重置的一次性密码）' })
  mustChangePassword!: boolean;
}
