import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  AddOrganisationUseCase,
  AddUserUseCase,
  GetOrganisationTreeUseCase,
  type OrganisationNode,
} from '@rectify/application';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { CreateOrganisationDto } from './create-organisation.dto';
import { CreateUserDto } from './create-user.dto';
import {
  OrganisationCreatedResponse,
  OrganisationNodeResponse,
  UserCreatedResponse,
} from './organisation.response';

@ApiTags('organisations 组织与用户')
@ApiBearerAuth()
@Controller()
export class OrganisationsController {
  constructor(
    private readonly organisationTree: GetOrganisationTreeUseCase,
    private readonly addOrganisation: AddOrganisationUseCase,
    private readonly addUser: AddUserUseCase,
  ) {}

  /** The organisations the user may see, as a tree (党委 → 党总支 → 党支部). */
  @ApiOperation({ operationId: 'getOrganisationTree', summary: '本人可见的党组织树' })
  @ApiOkResponse({ type: [OrganisationNodeResponse] })
  @ApiErrors()
  @Get('organisations')
  async tree(@AuthUser() user: CurrentUser): Promise<OrganisationNode[]> {
    return this.organisationTree.execute({ userId: user.sub });
  }

  @ApiOperation({ operationId: 'createOrganisation', summary: '添加党组织（管理员）' })
  @ApiCreatedResponse({ type: OrganisationCreatedResponse })
  @ApiErrors(400, 403, 404, 409)
  @Post('organisations')
  async create(@AuthUser() user: CurrentUser, @Body() body: CreateOrganisationDto) {
    const org = await this.addOrganisation.execute({
      by: { userId: user.sub },
      name: body.name,
      parent: body.parentId ? { id: body.parentId } : undefined,
      kind: body.kind,
    });
    return { id: org.id, name: org.name, kind: org.kind, parentId: org.parentId };
  }

  @ApiOperation({ operationId: 'createUser', summary: '添加用户（管理员）' })
  @ApiCreatedResponse({ type: UserCreatedResponse })
  @ApiErrors(400, 403, 404, 409)
  @Post('users')
  async createUser(@AuthUser() user: CurrentUser, @Body() body: CreateUserDto) {
    const created = await this.addUser.execute({
      by: { userId: user.sub },
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      organisation: { id: body.organisationId },
      email: body.email,
      password: body.password,
    });
    return {
      id: created.id,
      username: created.username,
      role: created.role,
      organisationId: created.organisationId,
    };
  }
}
