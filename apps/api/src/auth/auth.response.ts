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
}
