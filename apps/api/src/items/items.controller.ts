import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApplicationError,
  eventsAllowedNow,
  getItem,
  searchItems,
  transitionItem,
  assertItemVisible,
  updateItemDetails,
} from '@rectify/application';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { shanghaiDate } from '@rectify/domain';
import { type RectificationEventType } from '@rectify/workflow';
import { DataSource } from 'typeorm';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { BulkTransitionDto } from './bulk-transition.dto';
import { ProgressNoteDto, SetMeasuresDto } from './set-measures.dto';
import { SearchItemsDto } from './search-items.dto';
import { TransitionRequestDto } from './transition-request.dto';
import { UpdateItemDetailsDto } from './update-item-details.dto';

// Deadlines are days in China: "today" is the Shanghai date, not the UTC one.
const today = () => shanghaiDate(new Date());

/** Rectification items, always seen through the caller's organisation scope. */
@ApiTags('items 整改事项')
@ApiBearerAuth()
@Controller('items')
export class ItemsController {
  constructor(private readonly db: DataSource) {}

  @ApiOperation({ summary: '按组织、状态、逾期、来源、年度、关键词查找整改事项（分页）' })
  @ApiErrors(400)
  @Get()
  search(@AuthUser() user: CurrentUser, @Query() query: SearchItemsDto) {
    const { q, ...filter } = query;
    return searchItems(this.db, user.sub, { ...filter, text: q, today: today() });
  }

  /** One event applied to many items, each in its own command; the answer says how each went. */
  @ApiOperation({ summary: '对多个整改事项执行同一操作，逐项返回结果' })
  @ApiErrors(400)
  @Post('bulk-transitions')
  @HttpCode(200)
  async bulk(@AuthUser() user: CurrentUser, @Body() body: BulkTransitionDto) {
    const results = [];
    for (const itemId of body.itemIds) {
      try {
        await assertItemVisible(this.db, user.sub, itemId);
        const r = await transitionItem(this.db, {
          itemId,
          event: body.event,
          payload: body.payload,
          actorUserId: user.sub,
        });
        results.push({ itemId, ok: true, status: r.status, version: r.version });
      } catch (err) {
        if (!(err instanceof ApplicationError)) throw err;
        results.push({ itemId, ok: false, error: { code: err.code, message: err.message } });
      }
    }
    return {
      succeeded: results.filter((r) => r.ok).length,
      failed: results.filter((r) => !r.ok).length,
      results,
    };
  }

  @ApiOperation({ summary: '整改事项详情：措施、佐证和完整历史' })
  @ApiErrors(404)
  @Get(':id')
  get(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return getItem(this.db, user.sub, id);
  }

  @ApiOperation({ summary: '修改台账信息：问题来源、责任领导（本组织书记、上级党组织或管理员）' })
  @ApiErrors(400, 403, 404, 409)
  @Patch(':id')
  updateDetails(@AuthUser() user: CurrentUser, @Param('id') id: string, @Body() body: UpdateItemDetailsDto) {
    return updateItemDetails(this.db, {
      itemId: id,
      actorUserId: user.sub,
      source: body.source,
      responsibleLeader: body.responsibleLeader,
      expectedVersion: body.expectedVersion,
    });
  }

  @ApiOperation({ summary: '当前用户此刻可执行的操作（由状态机判断）' })
  @ApiErrors(404)
  @Get(':id/events')
  async events(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return { events: await eventsAllowedNow(this.db, user.sub, id) };
  }

  @ApiOperation({ summary: '执行一个操作（状态迁移），带乐观锁版本号' })
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

  @ApiOperation({ summary: '制定或修改整改措施（每条须有责任人和完成时限），即 SET_MEASURES 操作' })
  @ApiErrors(400, 403, 404, 409)
  @Put(':id/measures')
  async setMeasures(@AuthUser() user: CurrentUser, @Param('id') id: string, @Body() body: SetMeasuresDto) {
    const measures = body.measures.map(({ title, responsible, deadline }) => ({
      title,
      responsible,
      deadline,
    }));
    return this.apply(user, id, 'SET_MEASURES', { measures }, body.expectedVersion);
  }

  @ApiOperation({ summary: '记录整改进展（任何未完成阶段），即 ADD_PROGRESS_NOTE 操作' })
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
    await assertItemVisible(this.db, user.sub, itemId);
    return transitionItem(this.db, { itemId, event, payload, actorUserId: user.sub, expectedVersion });
  }
}
