import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListMailboxMessagesUseCase, ReadMailboxMessageUseCase } from '@rectify/application';
import { type CurrentUser, viewerOf } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { ListMailboxDto, MailIdParams } from './mailbox-query.dto';
import { MailboxEntryResponse, MailboxMessageResponse } from './dev-mailbox.response';

/** The development SMTP sink's mail, so reminders can be checked without a real mail server. */
@ApiTags('dev 开发邮箱')
@ApiBearerAuth()
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(
    private readonly listMessages: ListMailboxMessagesUseCase,
    private readonly readMessage: ReadMailboxMessageUseCase,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @ApiOperation({
    operationId: 'listMailboxMessages',
    summary: '开发邮箱收到的邮件，最新在前（管理员；生产环境关闭）',
  })
  @ApiOkResponse({ type: [MailboxEntryResponse] })
  @ApiErrors(400, 403, 404)
  @Get()
  list(@AuthUser() user: CurrentUser, @Query() query: ListMailboxDto) {
    this.requireOpen();
    return this.listMessages.execute({ by: viewerOf(user), limit: query.limit });
  }

  @ApiOperation({
    operationId: 'getMailboxMessage',
    summary: '开发邮箱中的一封邮件：发件人、收件人、主题、正文（管理员；生产环境关闭）',
  })
  @ApiOkResponse({ type: MailboxMessageResponse })
  @ApiErrors(400, 403, 404)
  @Get(':id')
  async get(@AuthUser() user: CurrentUser, @Param() params: MailIdParams) {
    this.requireOpen();
    const message = await this.readMessage.execute({ by: viewerOf(user), id: params.id });
    if (!message) {
      throw new NotFoundException({
        code: 'MAIL_NOT_FOUND',
        message: `开发邮箱中没有编号为 ${params.id} 的邮件：请检查编号。`,
        details: { id: params.id },
      });
    }
    return message;
  }

  /** The mailbox is for development and tests: closed (404) in production, before any other check. */
  private requireOpen(): void {
    if (this.config.NODE_ENV === 'production') {
      throw new NotFoundException({
        code: 'DEV_MAILBOX_DISABLED',
        message: '开发邮箱仅用于开发和测试，生产环境已关闭：请在实际收件人的邮箱中查看提醒邮件。',
      });
    }
  }
}
