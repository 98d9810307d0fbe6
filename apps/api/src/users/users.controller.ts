import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  AddUserUseCase,
  EditUserUseCase,
  ListUsersUseCase,
  ResetUserPasswordUseCase,
  SetUserActiveUseCase,
  SetUserPositionsUseCase,
  toUserEntry,
} from '@rectify/application';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { CreateUserDto } from './create-user.dto';
import { EditUserDto } from './edit-user.dto';
import { ListUsersQuery } from './list-users.query';
import { type PositionGrantDto, SetPositionsDto } from './position.dto';
import { PasswordResetResponse, UserEntryResponse, UserPageResponse } from './user.response';

/** The API's position grants as the use cases take them. */
const grantsOf = (positions: PositionGrantDto[]) =>
  positions.map((p) => ({
    kind: p.kind,
    organisation: p.organisationId ? { id: p.organisationId } : undefined,
    rights: p.rights,
  }));

/**
 * People administration (人员管理): administrators only, for people and organisations within the
 * subtrees they administer.
 */
@ApiTags('users 人员管理')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly addUser: AddUserUseCase,
    private readonly setPositions: SetUserPositionsUseCase,
    private readonly listUsers: ListUsersUseCase,
    private readonly editUser: EditUserUseCase,
    private readonly setActive: SetUserActiveUseCase,
    private readonly resetPassword: ResetUserPasswordUseCase,
  ) {}

  @ApiOperation({
    operationId: 'listUsers',
    summary: '人员列表（管理员）：按姓名或账号、组织、职务、状态查找，分页',
  })
  @ApiOkResponse({ type: UserPageResponse })
  @ApiErrors(400, 403, 404)
  @Get()
  list(@AuthUser() user: CurrentUser, @Query() query: ListUsersQuery) {
    return this.listUsers.execute({
      by: { userId: user.sub },
      text: query.q,
      organisation: query.organisationId ? { id: query.organisationId } : undefined,
      positionKind: query.positionKind,
      status: query.status,
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @ApiOperation({
    operationId: 'editUser',
    summary: '编辑人员（管理员）：姓名、手机、邮箱、所在组织（职务另用 PUT /api/users/{id}/positions）',
  })
  @ApiOkResponse({ type: UserEntryResponse })
  @ApiErrors(400, 403, 404, 409)
  @Patch(':id')
  edit(@AuthUser() user: CurrentUser, @Param('id') id: string, @Body() body: EditUserDto) {
    return this.editUser.execute({
      by: { userId: user.sub },
      user: { id },
      displayName: body.displayName,
      phone: body.phone,
      email: body.email,
      organisation: body.organisationId ? { id: body.organisationId } : undefined,
    });
  }

  @ApiOperation({
    operationId: 'createUser',
    summary: '添加人员（管理员）：所在组织与职务',
    description:
      '只能在本人管理的组织及其下级中添加和任职；不设密码时须由管理员重置密码（生成一次性密码）后才能登录。',
  })
  @ApiCreatedResponse({ type: UserEntryResponse })
  @ApiErrors(400, 403, 404, 409)
  @Post()
  async create(@AuthUser() user: CurrentUser, @Body() body: CreateUserDto) {
    const created = await this.addUser.execute({
      by: { userId: user.sub },
      username: body.username,
      displayName: body.displayName,
      organisation: { id: body.organisationId },
      positions: grantsOf(body.positions),
      email: body.email,
      password: body.password,
    });
    return toUserEntry(created, created.organisationName);
  }

  @ApiOperation({
    operationId: 'setUserPositions',
    summary: '设置职务（管理员）：以给出的职务取代其在本人管理范围内的全部职务',
    description:
      '职务决定能做什么：书记承担本组织整改并督办下级；副书记、组织委员督办下级；管理员管理本组织及其下级。不能取消自己的管理员职务；最后一位根组织管理员须保留（409）。下一次请求即生效。',
  })
  @ApiOkResponse({ type: UserEntryResponse })
  @ApiErrors(400, 403, 404, 409)
  @Put(':id/positions')
  positions(@AuthUser() user: CurrentUser, @Param('id') id: string, @Body() body: SetPositionsDto) {
    return this.setPositions.execute({
      by: { userId: user.sub },
      user: { id },
      positions: grantsOf(body.positions),
    });
  }

  @ApiOperation({
    operationId: 'deactivateUser',
    summary: '停用账号（管理员）：不能再登录，已登录的会话立即失效',
    description: '不能停用自己；最后一位在用的管理员不能停用（409）。已停用的再停用不变。',
  })
  @ApiOkResponse({ type: UserEntryResponse })
  @ApiErrors(403, 404, 409)
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return this.setActive.execute({ by: { userId: user.sub }, user: { id }, active: false });
  }

  @ApiOperation({ operationId: 'activateUser', summary: '启用账号（管理员）' })
  @ApiOkResponse({ type: UserEntryResponse })
  @ApiErrors(403, 404)
  @Post(':id/activate')
  @HttpCode(200)
  activate(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return this.setActive.execute({ by: { userId: user.sub }, user: { id }, active: true });
  }

  @ApiOperation({
    operationId: 'resetUserPassword',
    summary: '重置密码（管理员）：生成一次性密码，只显示这一次',
    description:
      '原密码和已登录的会话立即失效；本人用一次性密码登录后必须先修改密码。一次性密码只以哈希保存，不记录日志。',
  })
  @ApiOkResponse({ type: PasswordResetResponse })
  @ApiErrors(403, 404)
  @Post(':id/reset-password')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  reset(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return this.resetPassword.execute({ by: { userId: user.sub }, user: { id } });
  }
}
