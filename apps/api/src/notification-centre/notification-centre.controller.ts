import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  CountUnreadNotificationsUseCase,
  GetNotificationPreferencesUseCase,
  ListNotificationsUseCase,
  MarkNotificationsReadUseCase,
  SaveNotificationPreferencesUseCase,
} from '@rectify/application';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ListNotificationsQuery } from './list-notifications.query';
import { MarkNotificationsReadDto } from './mark-notifications-read.dto';
import { NotificationPreferencesDto, NotificationPreferencesResponse } from './notification-preferences.dto';
import { MarkReadResponse, NotificationPageResponse, UnreadCountResponse } from './notification.response';

/** The signed-in person's 消息中心 (站内消息) and 通知设置. */
@ApiTags('notifications 消息与通知')
@ApiBearerAuth()
@Controller('me')
export class NotificationCentreController {
  constructor(
    private readonly listNotifications: ListNotificationsUseCase,
    private readonly countUnread: CountUnreadNotificationsUseCase,
    private readonly markRead: MarkNotificationsReadUseCase,
    private readonly getPreferences: GetNotificationPreferencesUseCase,
    private readonly savePreferences: SaveNotificationPreferencesUseCase,
  ) {}

  @ApiOperation({
    operationId: 'listMyNotifications',
    summary: '本人的站内消息（新的在前，按 before 翻页）',
  })
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiErrors(400)
  @Get('notifications')
  list(@AuthUser() user: CurrentUser, @Query() query: ListNotificationsQuery) {
    return this.listNotifications.execute({
      userId: user.sub,
      unreadOnly: query.unread === true,
      before: query.before ?? null,
      limit: query.limit,
    });
  }

  @ApiOperation({ operationId: 'countMyUnreadNotifications', summary: '本人未读站内消息数' })
  @ApiOkResponse({ type: UnreadCountResponse })
  @ApiErrors()
  @Get('notifications/unread-count')
  unreadCount(@AuthUser() user: CurrentUser) {
    return this.countUnread.execute({ userId: user.sub });
  }

  @ApiOperation({
    operationId: 'markMyNotificationsRead',
    summary: '把本人的站内消息标为已读：给出编号 ids（最多 500 个），或 all: true',
    description: '只标记本人的消息：他人的或不存在的编号被忽略。',
  })
  @ApiOkResponse({ type: MarkReadResponse })
  @ApiErrors(400)
  @Post('notifications/read')
  @HttpCode(200)
  mark(@AuthUser() user: CurrentUser, @Body() body: MarkNotificationsReadDto) {
    return this.markRead.execute({ userId: user.sub, ids: body.ids, all: body.all });
  }

  @ApiOperation({
    operationId: 'getMyNotificationPreferences',
    summary: '本人的通知设置（未设置过时为默认：全部事件即时发邮件）',
  })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  @ApiErrors()
  @Get('notification-preferences')
  preferences(@AuthUser() user: CurrentUser) {
    return this.getPreferences.execute({ userId: user.sub });
  }

  @ApiOperation({
    operationId: 'saveMyNotificationPreferences',
    summary: '保存本人的通知设置：邮件通知方式和通过邮件发送的事件类别',
    description: '站内消息始终开启；每日亮灯督办汇总邮件不受此设置影响。',
  })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  @ApiErrors(400)
  @Put('notification-preferences')
  save(@AuthUser() user: CurrentUser, @Body() body: NotificationPreferencesDto) {
    return this.savePreferences.execute({
      userId: user.sub,
      emailMode: body.emailMode,
      emailKinds: body.emailKinds,
    });
  }
}
