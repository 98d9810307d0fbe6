import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApplicationError,
  eventsAllowedNow,
  getItem,
  searchItems,
  transitionItem,
  assertItemVisible,
} from '@rectify/application';
import { DataSource } from 'typeorm';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { BulkTransitionDto } from './bulk-transition.dto';
import { SearchItemsDto } from './search-items.dto';
import { TransitionRequestDto } from './transition-request.dto';

const today = () => new Date().toISOString().slice(0, 10);

/** Rectification items, always seen through the caller's organisation scope. */
@Controller('items')
export class ItemsController {
  constructor(private readonly db: DataSource) {}

  @Get()
  search(@AuthUser() user: CurrentUser, @Query() query: SearchItemsDto) {
    const { q, ...filter } = query;
    return searchItems(this.db, user.sub, { ...filter, text: q, today: today() });
  }

  /** One event applied to many items, each in its own command; the answer says how each went. */
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

  @Get(':id')
  get(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return getItem(this.db, user.sub, id);
  }

  @Get(':id/events')
  async events(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return { events: await eventsAllowedNow(this.db, user.sub, id) };
  }

  @Post(':id/transitions')
  @HttpCode(200)
  async transition(
    @AuthUser() user: CurrentUser,
    @Param('id') id: string,
    @Body() body: TransitionRequestDto,
  ) {
    // Out of scope is "not found", never "forbidden": nothing about the item leaks.
    await assertItemVisible(this.db, user.sub, id);
    return transitionItem(this.db, {
      itemId: id,
      event: body.event,
      payload: body.payload,
      actorUserId: user.sub,
      expectedVersion: body.expectedVersion,
    });
  }
}
