import { ApiProperty } from '@nestjs/swagger';
import { TODO_LIST_LIMIT } from '@rectify/application';
import { EventTypeProperty, StatusProperty } from '../common/vocabulary.response';

/** What every to-do entry (待办) says of its item and the action it asks for. */
export class TodoEntryResponse {
  @ApiProperty({ format: 'uuid' })
  itemId!: string;

  @ApiProperty({ example: '理论学习不够深入' })
  title!: string;

  @ApiProperty({ example: '第一党支部' })
  organisationName!: string;

  @StatusProperty()
  status!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '整改时限（YYYY-MM-DD）' })
  deadline!: string | null;

  @ApiProperty({ type: 'integer', minimum: 1, description: '版本号（乐观锁）' })
  version!: number;

  @EventTypeProperty({
    nullable: true,
    description: '要做的操作（打开事项页即打开该操作的表单）；null 表示本人此刻无需操作',
  })
  action!: string | null;
}

/** 待我审核: a submission for sign-off (销号) or an extension request (申请延期) to decide. */
export class ReviewTodoEntryResponse extends TodoEntryResponse {
  @ApiProperty({
    enum: ['sign_off', 'extension'],
    enumName: 'ReviewTodoKind',
    description: 'sign_off 销号申请（审核销号或退回整改）；extension 延期申请（同意或不同意延期）',
  })
  kind!: 'sign_off' | 'extension';

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '提交（申请）时间' })
  since!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '延期申请：申请延至的日期' })
  requestedDeadline!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '延期申请：申请理由' })
  requestReason!: string | null;
}

/** 被退回: returned for rework (退回整改) and not resubmitted. */
export class ReturnedTodoEntryResponse extends TodoEntryResponse {
  @ApiProperty({ description: '退回原因' })
  reason!: string;

  @ApiProperty({ type: String, nullable: true, description: '退回人姓名' })
  returnedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: '退回时间' })
  returnedAt!: string;
}

/** 即将到期 / 已超期. */
export class DeadlineTodoEntryResponse extends TodoEntryResponse {
  @ApiProperty({ type: 'integer', nullable: true, description: '距时限的工作日数（当天为 0）' })
  workdaysLeft!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: '已逾期的工作日数' })
  workdaysOverdue!: number | null;
}

const listTotal = () =>
  ApiProperty({ type: 'integer', description: `该类待办的总数（列表最多列出 ${TODO_LIST_LIMIT} 条）` });

/** 待我审核, with its true total. */
export class ReviewTodoListResponse {
  @listTotal()
  total!: number;

  @ApiProperty({ type: [ReviewTodoEntryResponse], description: '等待最久的在前' })
  entries!: ReviewTodoEntryResponse[];
}

/** 被退回, with its true total. */
export class ReturnedTodoListResponse {
  @listTotal()
  total!: number;

  @ApiProperty({ type: [ReturnedTodoEntryResponse], description: '最近退回的在前' })
  entries!: ReturnedTodoEntryResponse[];
}

/** 待制定措施, with its true total. */
export class PlainTodoListResponse {
  @listTotal()
  total!: number;

  @ApiProperty({ type: [TodoEntryResponse] })
  entries!: TodoEntryResponse[];
}

/** 即将到期 or 已超期, with its true total. */
export class DeadlineTodoListResponse {
  @listTotal()
  total!: number;

  @ApiProperty({ type: [DeadlineTodoEntryResponse], description: '时限最早的在前' })
  entries!: DeadlineTodoEntryResponse[];
}

/** How many entries each list holds, and the badge's number. */
export class TodoCountsResponse {
  @ApiProperty({ type: 'integer' })
  review!: number;

  @ApiProperty({ type: 'integer' })
  returned!: number;

  @ApiProperty({ type: 'integer' })
  needsMeasures!: number;

  @ApiProperty({ type: 'integer' })
  dueSoon!: number;

  @ApiProperty({ type: 'integer' })
  overdue!: number;

  @ApiProperty({
    type: 'integer',
    description: '待办角标：出现在任一列表中的不同事项数（同一事项既被退回又已超期只计一次）',
  })
  total!: number;
}

/** GET /api/me/todo: the signed-in person's to-do lists (待办). */
export class TodoResponse {
  @ApiProperty({
    type: ReviewTodoListResponse,
    description: '待我审核：可由本人审核销号的申请、可由本人决定的延期申请',
  })
  review!: ReviewTodoListResponse;

  @ApiProperty({ type: ReturnedTodoListResponse, description: '被退回：退回整改后尚未重新提交的事项' })
  returned!: ReturnedTodoListResponse;

  @ApiProperty({ type: PlainTodoListResponse, description: '待制定措施：本人负责整改、尚未制定措施的事项' })
  needsMeasures!: PlainTodoListResponse;

  @ApiProperty({
    type: DeadlineTodoListResponse,
    description: '即将到期（黄灯）：本人负责、拥有或任措施责任人的事项',
  })
  dueSoon!: DeadlineTodoListResponse;

  @ApiProperty({
    type: DeadlineTodoListResponse,
    description: '已超期（红灯）：本人负责、拥有或任措施责任人的事项',
  })
  overdue!: DeadlineTodoListResponse;

  @ApiProperty({ type: TodoCountsResponse })
  counts!: TodoCountsResponse;

  @ApiProperty({ type: 'integer', example: TODO_LIST_LIMIT, description: '每类列表最多列出的条数' })
  limit!: number;
}
