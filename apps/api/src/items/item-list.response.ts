import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type ItemAction } from '@rectify/workflow';
import {
  EventTypeProperty,
  ItemActionProperty,
  LightProperty,
  SourceProperty,
  StatusProperty,
} from '../common/vocabulary.response';

/** An unanswered return for rework (被退回). */
export class ReturnRecordResponse {
  @ApiProperty({ description: '退回原因' })
  reason!: string;

  @ApiProperty({ type: String, nullable: true, description: '退回人姓名' })
  by!: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: '退回时间' })
  at!: string;
}

/** One item of a search (GET /api/items): what the lists and the ledger show of it. */
export class ItemListEntryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: '所属党组织' })
  organisationId!: string;

  @ApiProperty({ example: '第一党支部' })
  organisationName!: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 2024,
    description: '问题所属年度（导入的事项为报告年度）',
  })
  reportYear!: number | null;

  @ApiProperty({ type: 'integer', example: 1, description: '在报告中的序号（第几个问题）' })
  seq!: number;

  @ApiProperty({ example: '理论学习不够深入' })
  title!: string;

  @StatusProperty()
  status!: string;

  @SourceProperty()
  source!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: '整改时限（YYYY-MM-DD）；未定时限为 null',
  })
  deadline!: string | null;

  @ApiProperty({ description: '今天（上海日期）已超过时限且未完成整改' })
  overdue!: boolean;

  @ApiProperty({ description: '与本组织往年的问题相似（反复出现）' })
  recurring!: boolean;

  @LightProperty({ description: '今天的亮灯' })
  light!: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: '距时限的工作日数（当天为 0），仅未逾期的未完成事项；否则为 null',
  })
  workdaysLeft!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: '已逾期的工作日数，仅逾期事项；否则为 null' })
  workdaysOverdue!: number | null;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: '版本号（乐观锁）：操作时作为 expectedVersion 传回',
  })
  version!: number;

  @ApiProperty({ description: '已撤销（仅在按 withdrawn=include 或 only 查找时出现 true）' })
  withdrawn!: boolean;

  @ApiProperty({
    type: ReturnRecordResponse,
    nullable: true,
    description: '被退回：退回整改后尚未重新提交时为退回记录，否则为 null',
  })
  returned!: ReturnRecordResponse | null;

  @ItemActionProperty({ isArray: true, description: '当前用户此刻可对该事项执行的操作' })
  allowedActions!: ItemAction[];
}

/** POST /api/items/{id}/withdraw and /restore: the item was withdrawn (撤销) or restored (恢复). */
export class ItemWithdrawalResponse {
  @ApiProperty({ format: 'uuid' })
  itemId!: string;

  @ApiProperty({ type: 'integer', description: '操作后的版本号（撤销、恢复记入整改全过程记录）' })
  version!: number;
}

/** A page of a search. */
export class ItemPageResponse {
  @ApiProperty({ type: [ItemListEntryResponse] })
  items!: ItemListEntryResponse[];

  @ApiProperty({ type: 'integer', description: '符合条件的事项总数（不止本页）' })
  total!: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  pageSize!: number;
}

/** GET /api/items/{id}/events: the lifecycle events the caller may send now. */
export class AllowedEventsResponse {
  @EventTypeProperty({
    isArray: true,
    description: '当前用户此刻可执行的操作（由状态机判断）；空数组表示无可执行操作',
  })
  events!: string[];
}

/** What a transition answers (POST transitions, PUT measures, POST notes). */
export class TransitionResultResponse {
  @ApiProperty({ format: 'uuid' })
  itemId!: string;

  @StatusProperty({ description: '操作前的状态' })
  fromStatus!: string;

  @StatusProperty({ description: '操作后的状态' })
  status!: string;

  @ApiProperty({ type: 'integer', description: '操作后的版本号' })
  version!: number;
}

/** PATCH /api/items/{id}: the ledger details were changed. */
export class ItemDetailsUpdatedResponse {
  @ApiProperty({ format: 'uuid' })
  itemId!: string;

  @ApiProperty({ type: 'integer', description: '修改后的版本号（修改记入整改全过程记录）' })
  version!: number;
}

/** Why one item of a bulk operation failed: the error the single operation would have given. */
export class BulkTransitionErrorResponse {
  @ApiProperty({ example: 'TRANSITION_NOT_ALLOWED' })
  code!: string;

  @ApiProperty({ description: '中文说明' })
  message!: string;
}

/** How one item of a bulk operation went. */
export class BulkTransitionOutcomeResponse {
  @ApiProperty({ format: 'uuid' })
  itemId!: string;

  @ApiProperty({ description: '该事项是否执行成功' })
  ok!: boolean;

  @StatusProperty({ required: false, description: '成功时：操作后的状态' })
  status?: string;

  @ApiPropertyOptional({ type: 'integer', description: '成功时：操作后的版本号' })
  version?: number;

  @ApiPropertyOptional({ type: BulkTransitionErrorResponse, description: '失败时：原因' })
  error?: BulkTransitionErrorResponse;
}

/** POST /api/items/bulk-transitions: one outcome per item, in the order sent. */
export class BulkTransitionResponse {
  @ApiProperty({ type: 'integer' })
  succeeded!: number;

  @ApiProperty({ type: 'integer' })
  failed!: number;

  @ApiProperty({ type: [BulkTransitionOutcomeResponse] })
  results!: BulkTransitionOutcomeResponse[];
}
