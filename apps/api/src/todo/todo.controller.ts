import { Controller, Get } from '@nestjs/common';
import { GetTodoUseCase } from '@rectify/application';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { shanghaiDate } from '@rectify/domain';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { TodoResponse } from './todo.response';

/** The signed-in person's to-do lists (待办). */
@ApiTags('todo 待办')
@ApiBearerAuth()
@Controller('me/todo')
export class TodoController {
  constructor(private readonly todo: GetTodoUseCase) {}

  @ApiOperation({
    operationId: 'getMyTodo',
    summary: '我的待办：待我审核、被退回、待制定措施、即将到期、已超期',
    description:
      '每类最多列出 200 条，total 为真实总数；counts.total 为角标数（不同事项数）。批量审核销号用 POST /api/items/bulk-transitions。',
  })
  @ApiOkResponse({ type: TodoResponse })
  @ApiErrors()
  @Get()
  get(@AuthUser() user: CurrentUser): Promise<TodoResponse> {
    // Deadlines are days in China: "today" is the Shanghai date.
    return this.todo.execute({ userId: user.sub, today: shanghaiDate(new Date()) });
  }
}
