import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  CreateItemsUseCase,
  GetItemUseCase,
  ListItemEventsUseCase,
  RestoreItemUseCase,
  SearchItemsUseCase,
  BulkTransitionItemsUseCase,
  TransitionItemUseCase,
  UpdateItemDetailsUseCase,
  WithdrawItemUseCase,
} from '@rectify/application';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { shanghaiDate } from '@rectify/domain';
import { type RectificationEventType } from '@rectify/workflow';
import { type CurrentUser, viewerOf } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { BulkTransitionDto } from './bulk-transition.dto';
import { ProgressNoteDto, SetMeasuresDto } from './set-measures.dto';
import { SearchItemsDto } from './search-items.dto';
import {
  TRANSITION_REQUEST_MODELS,
  TRANSITION_REQUEST_SCHEMA,
  TransitionRequestDto,
} from './transition-request.dto';
import { UpdateItemDetailsDto } from './update-item-details.dto';
import { CreateItemsDto } from './create-items.dto';
import { CreatedItemsResponse } from './create-items.response';
import { ApiItemDetailResponse } from './item-detail.response';
import {
  AllowedEventsResponse,
  BulkTransitionResponse,
  ItemDetailsUpdatedResponse,
  ItemPageResponse,
  ItemWithdrawalResponse,
  TransitionResultResponse,
} from './item-list.response';
import { RestoreItemDto, WithdrawItemDto } from './withdraw-item.dto';

// Deadlines are days in China: "today" is the Shanghai date, not the UTC one.
const today = () => shanghaiDate(new Date());

/** Rectification items, always seen through the caller's organisation scope. */
@ApiTags('items 整改事项')
@ApiBearerAuth()
@Controller('items')
export class ItemsController {
  constructor(
    private readonly searchItems: SearchItemsUseCase,
    private readonly getItem: GetItemUseCase,
    private readonly listItemEvents: ListItemEventsUseCase,
    private readonly transitions: TransitionItemUseCase,
    private readonly bulkTransitions: BulkTransitionItemsUseCase,
    private readonly details: UpdateItemDetailsUseCase,
    private readonly creation: CreateItemsUseCase,
    private readonly withdrawal: WithdrawItemUseCase,
    private readonly restoration: RestoreItemUseCase,
  ) {}

  /** Items that do not come from a report: 上级点评、巡视巡察反馈、群众评议、其他. */
  @ApiOperation({
    operationId: 'createItems',
    summary:
      '新建整改事项（不来自报告）：上级党组织或管理员为下级组织逐条或按"每行一个问题"批量新建，最多200个，标题最多500字',
  })
  @ApiCreatedResponse({ type: CreatedItemsResponse })
  @ApiErrors(400, 403, 404)
  @Post()
  create(@AuthUser() user: CurrentUser, @Body() body: CreateItemsDto): Promise<CreatedItemsResponse> {
    return this.creation.execute({ ...body, actorUserId: user.sub });
  }

  @ApiOperation({
    operationId: 'searchItems',
    summary: '按组织、状态、逾期、来源、年度、关键词查找整改事项（分页）',
  })
  @ApiOkResponse({ type: ItemPageResponse })
  @ApiErrors(400)
  @Get()
  search(@AuthUser() user: CurrentUser, @Query() query: SearchItemsDto) {
    const { q, ...filter } = query;
    // The session check of this request read the positions: the use case need not read them again.
    return this.searchItems.execute({
      ...filter,
      text: q,
      today: today(),
      userId: user.sub,
      viewer: viewerOf(user),
    });
  }

  /** One event applied to many items, each in its own command; the answer says how each went. */
  @ApiOperation({ operationId: 'bulkTransitionItems', summary: '对多个整改事项执行同一操作，逐项返回结果' })
  @ApiOkResponse({ type: BulkTransitionResponse })
  @ApiErrors(400)
  @Post('bulk-transitions')
  @HttpCode(200)
  bulk(@AuthUser() user: CurrentUser, @Body() body: BulkTransitionDto) {
    const { itemIds, event, payload } = body;
    return this.bulkTransitions.execute({ itemIds, event, payload, actorUserId: user.sub });
  }

  @ApiOperation({ operationId: 'getItem', summary: '整改事项详情：措施、佐证和完整历史' })
  @ApiItemDetailResponse()
  @ApiErrors(404)
  @Get(':id')
  get(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return this.getItem.execute({ userId: user.sub, viewer: viewerOf(user), itemId: id, today: today() });
  }

  @ApiOperation({
    operationId: 'updateItemDetails',
    summary: '修改整改事项：标题、问题描述、问题来源、责任领导（本组织书记、上级党组织、事项创建人或管理员）',
  })
  @ApiOkResponse({ type: ItemDetailsUpdatedResponse })
  @ApiErrors(400, 403, 404, 409)
  @Patch(':id')
  updateDetails(@AuthUser() user: CurrentUser, @Param('id') id: string, @Body() body: UpdateItemDetailsDto) {
    return this.details.execute({
      itemId: id,
      actorUserId: user.sub,
      title: body.title,
      detail: body.detail,
      source: body.source,
      responsibleLeader: body.responsibleLeader,
      expectedVersion: body.expectedVersion,
    });
  }

  @ApiOperation({
    operationId: 'withdrawItem',
    summary:
      '撤销整改事项（上级党组织或管理员，须填撤销原因）：保留状态和全过程记录，不再计入列表、统计、台账和提醒；可恢复',
  })
  @ApiOkResponse({ type: ItemWithdrawalResponse })
  @ApiErrors(400, 403, 404, 409)
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(
    @AuthUser() user: CurrentUser,
    @Param('id') id: string,
    @Body() body: WithdrawItemDto,
  ): Promise<ItemWithdrawalResponse> {
    return this.withdrawal.execute({
      itemId: id,
      actorUserId: user.sub,
      reason: body.reason,
      expectedVersion: body.version,
    });
  }

  @ApiOperation({
    operationId: 'restoreItem',
    summary: '恢复已撤销的整改事项（上级党组织或管理员）：回到撤销前的状态',
  })
  @ApiOkResponse({ type: ItemWithdrawalResponse })
  @ApiErrors(400, 403, 404, 409)
  @Post(':id/restore')
  @HttpCode(200)
  restore(
    @AuthUser() user: CurrentUser,
    @Param('id') id: string,
    @Body() body: RestoreItemDto,
  ): Promise<ItemWithdrawalResponse> {
    return this.restoration.execute({
      itemId: id,
      actorUserId: user.sub,
      note: body.note,
      expectedVersion: body.version,
    });
  }

  @ApiOperation({ operationId: 'getItemEvents', summary: '当前用户此刻可执行的操作（由状态机判断）' })
  @ApiOkResponse({ type: AllowedEventsResponse })
  @ApiErrors(404)
  @Get(':id/events')
  async events(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return { events: await this.listItemEvents.execute({ userId: user.sub, itemId: id }) };
  }

  @ApiOperation({ operationId: 'transitionItem', summary: '执行一个操作（状态迁移），带乐观锁版本号' })
  @ApiExtraModels(...TRANSITION_REQUEST_MODELS)
  @ApiBody({ schema: TRANSITION_REQUEST_SCHEMA })
  @ApiOkResponse({ type: TransitionResultResponse })
  @ApiErrors(400, 403, 404, 409)
  @Post(':id/transitions')
  @HttpCode(200)
  async transition(
    @AuthUser() user: CurrentUser,
    @Param('id') id: string,
    @Body() body: TransitionRequestDto,
  ) {
    return this.apply(user, id, body.event, body.payload, body.expectedVersion);
  }

  @ApiOperation({
    operationId: 'setItemMeasures',
    summary: '制定或修改整改措施（每条须有责任人和完成时限），即 SET_MEASURES 操作',
  })
  @ApiOkResponse({ type: TransitionResultResponse })
  @ApiErrors(400, 403, 404, 409)
  @Put(':id/measures')
  async setMeasures(@AuthUser() user: CurrentUser, @Param('id') id: string, @Body() body: SetMeasuresDto) {
    const measures = body.measures.map(({ title, responsible, responsibleUserId, deadline }) => ({
      title,
      responsible,
      ...(responsibleUserId ? { responsibleUserId } : {}),
      deadline,
    }));
    return this.apply(user, id, 'SET_MEASURES', { measures }, body.expectedVersion);
  }

  @ApiOperation({
    operationId: 'addItemNote',
    summary: '记录整改进展（任何未完成阶段），即 ADD_PROGRESS_NOTE 操作',
  })
  @ApiCreatedResponse({ type: TransitionResultResponse })
  @ApiErrors(400, 403, 404, 409)
  @Post(':id/notes')
  async addNote(@AuthUser() user: CurrentUser, @Param('id') id: string, @Body() body: ProgressNoteDto) {
    return this.apply(user, id, 'ADD_PROGRESS_NOTE', { note: body.note }, body.expectedVersion);
  }

  /** Out of scope is "not found", never "forbidden": nothing about the item leaks. */
  private async apply(
    user: CurrentUser,
    itemId: string,
    event: RectificationEventType,
    payload: Record<string, unknown>,
    expectedVersion: number,
  ) {
    return this.transitions.execute({
      itemId,
      event,
      payload,
      actorUserId: user.sub,
      expectedVersion,
      hideOutOfScope: true,
    });
  }
}
