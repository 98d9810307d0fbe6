import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import {
  ListOrganisationRobotsUseCase,
  ListRobotDeliveriesUseCase,
  RemoveOrganisationRobotUseCase,
  SaveOrganisationRobotUseCase,
} from '@rectify/application';
import { ROBOT_PLATFORMS } from '@rectify/domain';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  OrganisationRobotResponse,
  RobotDeliveryResponse,
  RobotRemovedResponse,
} from './organisation-robot.response';
import { RobotDeliveriesQuery } from './robot-deliveries.query';
import { SaveRobotDto } from './save-robot.dto';

const PLATFORM_PARAM = {
  name: 'platform',
  enum: ROBOT_PLATFORMS,
  enumName: 'RobotPlatform',
  description: 'wecom 企业微信；dingtalk 钉钉；feishu 飞书',
};

/** An organisation's group robots (群机器人): its administrators (there or above) only. */
@ApiTags('notifications 消息与通知')
@ApiBearerAuth()
@Controller('organisations/:id/robots')
export class OrganisationRobotsController {
  constructor(
    private readonly listRobots: ListOrganisationRobotsUseCase,
    private readonly saveRobot: SaveOrganisationRobotUseCase,
    private readonly removeRobot: RemoveOrganisationRobotUseCase,
    private readonly listDeliveries: ListRobotDeliveriesUseCase,
  ) {}

  @ApiOperation({
    operationId: 'listOrganisationRobots',
    summary: '组织的群机器人（管理员）：Webhook 已遮盖，不含密钥',
  })
  @ApiOkResponse({ type: [OrganisationRobotResponse] })
  @ApiErrors(403, 404)
  @Get()
  list(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return this.listRobots.execute({ by: { userId: user.sub }, organisationId: id });
  }

  @ApiOperation({
    operationId: 'listRobotDeliveries',
    summary: '组织群机器人最近的推送记录（管理员），可只看失败的',
  })
  @ApiOkResponse({ type: [RobotDeliveryResponse] })
  @ApiErrors(400, 403, 404)
  @Get('deliveries')
  deliveries(@AuthUser() user: CurrentUser, @Param('id') id: string, @Query() query: RobotDeliveriesQuery) {
    return this.listDeliveries.execute({
      by: { userId: user.sub },
      organisationId: id,
      status: query.status ?? null,
      limit: query.limit,
    });
  }

  @ApiOperation({
    operationId: 'saveOrganisationRobot',
    summary: '设置组织在某平台的群机器人（管理员）：新建或修改',
    description:
      '新建时须给出 webhookUrl；不传的字段保持原值。Webhook 地址不符合平台格式时 400 ROBOT_WEBHOOK_INVALID，' +
      'message 说明如何复制正确的地址。保存后清除此前记录的发送失败。',
  })
  @ApiParam(PLATFORM_PARAM)
  @ApiOkResponse({ type: OrganisationRobotResponse })
  @ApiErrors(400, 403, 404)
  @Put(':platform')
  save(
    @AuthUser() user: CurrentUser,
    @Param('id') id: string,
    @Param('platform') platform: string,
    @Body() body: SaveRobotDto,
  ) {
    return this.saveRobot.execute({
      by: { userId: user.sub },
      organisationId: id,
      platform,
      webhookUrl: body.webhookUrl,
      secret: body.secret,
      kinds: body.kinds,
      quietHours: body.quietHours === undefined ? undefined : body.quietHours,
      enabled: body.enabled,
    });
  }

  @ApiOperation({
    operationId: 'deleteOrganisationRobot',
    summary: '删除组织在某平台的群机器人（管理员）',
    description: '已有推送记录的机器人不能删除（409 ROBOT_HAS_DELIVERIES），请停用。',
  })
  @ApiParam(PLATFORM_PARAM)
  @ApiOkResponse({ type: RobotRemovedResponse })
  @ApiErrors(400, 403, 404, 409)
  @Delete(':platform')
  remove(@AuthUser() user: CurrentUser, @Param('id') id: string, @Param('platform') platform: string) {
    return this.removeRobot.execute({ by: { userId: user.sub }, organisationId: id, platform });
  }
}
