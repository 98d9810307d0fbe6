import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SearchDeliveriesUseCase, SearchOutboxFailuresUseCase } from '@rectify/application';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { SearchDeliveriesDto } from './search-deliveries.dto';
import { SearchOutboxFailuresDto } from './search-outbox-failures.dto';
import { OutboxFailureResponse, ReminderDeliveryResponse } from './reminder.response';

/** The reminder ledger, seen through the caller's organisation scope like the items it is about. */
@ApiTags('reminders 到期提醒')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(
    private readonly searchDeliveries: SearchDeliveriesUseCase,
    private readonly searchOutboxFailures: SearchOutboxFailuresUseCase,
  ) {}

  @ApiOperation({
    operationId: 'listReminderDeliveries',
    summary: '本人管理范围内的提醒发送记录（最新在前），发送失败的附中文原因',
  })
  @ApiOkResponse({ type: [ReminderDeliveryResponse] })
  @ApiErrors(400)
  @Get('deliveries')
  async deliveries(@AuthUser() user: CurrentUser, @Query() query: SearchDeliveriesDto) {
    return this.searchDeliveries.execute({ ...query, userId: user.sub });
  }

  @ApiOperation({
    operationId: 'listOutboxFailures',
    summary:
      '本人管理范围内未能安排提醒的事项（最新在前）：等待重试的和多次失败后已搁置的，附尝试次数、中文原因和时间',
  })
  @ApiOkResponse({ type: [OutboxFailureResponse] })
  @ApiErrors(400)
  @Get('outbox-failures')
  async outboxFailures(@AuthUser() user: CurrentUser, @Query() query: SearchOutboxFailuresDto) {
    return this.searchOutboxFailures.execute({ ...query, userId: user.sub });
  }
}
