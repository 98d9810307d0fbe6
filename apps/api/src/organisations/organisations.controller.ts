import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  AddOrganisationUseCase,
  EditOrganisationUseCase,
  GetOrganisationTreeUseCase,
  MoveOrganisationUseCase,
  type OrganisationNode,
  SetOrganisationActiveUseCase,
} from '@rectify/application';
import { type OrganisationRecord } from '@rectify/persistence';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { CreateOrganisationDto } from './create-organisation.dto';
import { EditOrganisationDto } from './edit-organisation.dto';
import { MoveOrganisationDto } from './move-organisation.dto';
import {
  OrganisationCreatedResponse,
  OrganisationNodeResponse,
  OrganisationResponse,
} from './organisation.response';

@ApiTags('organisations 组织与用户')
@ApiBearerAuth()
@Controller()
export class OrganisationsController {
  constructor(
    private readonly organisationTree: GetOrganisationTreeUseCase,
    private readonly addOrganisation: AddOrganisationUseCase,
    private readonly editOrganisation: EditOrganisationUseCase,
    private readonly moveOrganisation: MoveOrganisationUseCase,
    private readonly setOrganisationActive: SetOrganisationActiveUseCase,
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

  @ApiOperation({
    operationId: 'editOrganisation',
    summary: '重命名党组织、修改组织类别（管理员）',
    description: '名称在整个组织树中唯一（重名 409 ORGANISATION_EXISTS）；管理范围外的组织为 404。',
  })
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiErrors(400, 403, 404, 409)
  @Patch('organisations/:id')
  async edit(@AuthUser() user: CurrentUser, @Param('id') id: string, @Body() body: EditOrganisationDto) {
    return organisationOf(
      await this.editOrganisation.execute({
        by: { userId: user.sub },
        organisation: { id },
        name: body.name,
        kind: body.kind,
      }),
    );
  }

  @ApiOperation({
    operationId: 'moveOrganisation',
    summary: '移动党组织（管理员）：连同其下级组织移到新的上级组织之下',
    description:
      '不能移到它自己或其下级组织之下（409 ORGANISATION_CYCLE）；顶层组织不能移动（409 ORGANISATION_IS_ROOT）；' +
      '不能移到已停用的组织之下（409 ORGANISATION_DISABLED）。须同时管理该组织和新的上级组织，否则 404。',
  })
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiErrors(400, 403, 404, 409)
  @Post('organisations/:id/move')
  @HttpCode(200)
  async move(@AuthUser() user: CurrentUser, @Param('id') id: string, @Body() body: MoveOrganisationDto) {
    return organisationOf(
      await this.moveOrganisation.execute({
        by: { userId: user.sub },
        organisation: { id },
        newParent: { id: body.parentId },
      }),
    );
  }

  @ApiOperation({
    operationId: 'deactivateOrganisation',
    summary: '停用党组织（管理员）：保留其事项与历史，不再新增人员、事项和导入',
    description:
      '顶层组织不能停用（409 ORGANISATION_IS_ROOT）；下面还有在用的组织时不能停用（409 ORGANISATION_HAS_ACTIVE_CHILDREN）。',
  })
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiErrors(403, 404, 409)
  @Post('organisations/:id/deactivate')
  @HttpCode(200)
  async deactivate(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return organisationOf(
      await this.setOrganisationActive.execute({
        by: { userId: user.sub },
        organisation: { id },
        active: false,
      }),
    );
  }

  @ApiOperation({
    operationId: 'activateOrganisation',
    summary: '启用党组织（管理员）',
    description: '上级组织已停用时不能启用（409 ORGANISATION_DISABLED）。',
  })
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiErrors(403, 404, 409)
  @Post('organisations/:id/activate')
  @HttpCode(200)
  async activate(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return organisationOf(
      await this.setOrganisationActive.execute({
        by: { userId: user.sub },
        organisation: { id },
        active: true,
      }),
    );
  }
}

/** The organisation as the API answers it (no path, no creation time). */
function organisationOf(org: OrganisationRecord): OrganisationResponse {
  return { id: org.id, name: org.name, kind: org.kind, parentId: org.parentId, disabled: org.disabled };
}
