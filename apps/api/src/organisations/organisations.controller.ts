import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  AddOrganisationUseCase,
  GetOrganisationTreeUseCase,
  type OrganisationNode,
} from '@rectify/application';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { CreateOrganisationDto } from './create-organisation.dto';
import { OrganisationCreatedResponse, OrganisationNodeResponse } from './organisation.response';

@ApiTags('organisations 组织与用户')
@ApiBearerAuth()
@Controller()
export class OrganisationsController {
  constructor(
    private readonly organisationTree: GetOrganisationTreeUseCase,
    private readonly addOrganisation: AddOrganisationUseCase,
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
}
