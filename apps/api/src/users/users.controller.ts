import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  EditUserUseCase,
  ListUsersUseCase,
  ResetUserPasswordUseCase,
  SetUserActiveUseCase,
} from '@rectify/application';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { EditUserDto } from './edit-user.dto';
import { ListUsersQuery } from './list-users.query';
import { PasswordResetResponse, UserEntryResponse, UserPageResponse } from './user.response';

/** People administration (人员管理): administrators only, for accounts within their scope. */
@ApiTags('users 人员管理')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly listUsers: ListUsersUseCase,
    private readonly editUser: EditUserUseCase,
    private readonly setActive: SetUserActiveUseCase,
    private readonly resetPassword: ResetUserPasswordUseCase,
  ) {}

  @ApiOperation({
    operationId: 'listUsers',
    summary: '人员列表（管理员）：按姓名或账号、组织、角色、状态查找，分页',
  })
  @ApiOkResponse({ type: UserPageResponse })
  @ApiErrors(400, 403, 404)
  @Get()
  list(@AuthUser() user: CurrentUser, @Query() query: ListUsersQuery) {
    return this.listUsers.execute({
      by: { userId: user.sub },
      text: query.q,
      organisation: query.organisationId ? { id: query.organisationId } : undefined,
      role: query.role,
      status: query.status,
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @ApiOperation({
    operationId: 'editUser',
    summary: '编辑人员（管理员）：姓名、手机、邮箱、所属组织、角色',
    description: '不能修改自己的角色；最后一位在用的管理员不能取消管理员角色（409）。',
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
      role: body.role,
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
