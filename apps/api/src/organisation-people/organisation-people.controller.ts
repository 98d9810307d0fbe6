import { Controller, Get, Param } from '@nestjs/common';
import { ListOrganisationPeopleUseCase } from '@rectify/application';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { OrganisationPeopleResponse } from './organisation-people.response';

@ApiTags('organisations 组织与用户')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationPeopleController {
  constructor(private readonly listPeople: ListOrganisationPeopleUseCase) {}

  /** The organisation's active people, to pick a measure's 责任人 from. */
  @ApiOperation({
    operationId: 'listOrganisationPeople',
    summary: '本组织人员（选择整改措施责任人用）：在职人员及其在本组织的职务，按姓名排序，最多 500 人',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: '党组织编号' })
  @ApiOkResponse({ type: OrganisationPeopleResponse })
  @ApiErrors(404)
  @Get(':id/people')
  async people(@AuthUser() user: CurrentUser, @Param('id') id: string): Promise<OrganisationPeopleResponse> {
    return this.listPeople.execute({ userId: user.sub, organisationId: id });
  }
}
