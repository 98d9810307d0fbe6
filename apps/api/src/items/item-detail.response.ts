import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import { type ItemAction } from '@rectify/workflow';
import {
  ItemActionProperty,
  LightProperty,
  SourceProperty,
  StatusProperty,
} from '../common/vocabulary.response';
import { PendingExtensionResponse } from './event-payload.response';
import { HISTORY_ENTRY_MODELS, HISTORY_ENTRY_SCHEMA } from './item-history.response';

export class ItemMeasureResponse {
  @ApiProperty({ type: 'integer', description: '序号' })
  seq!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, nullable: true, description: '责任人（姓名）' })
  responsible!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '从本组织人员中选择的责任人；自由填写的姓名或导入的措施为 null',
  })
  responsibleUserId!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '完成时限' })
  deadline!: string | null;
}

export class ItemEvidenceResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: '佐证说明（销号申请的完成情况说明，或上传文件时的说明）' })
  text!: string;

  @ApiProperty({ type: String, nullable: true, description: '文件名；纯文字佐证为 null' })
  fileName!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '上传人（用户编号）；系统为 null' })
  createdBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: '当前用户可否删除该佐证（上传人或管理员）' })
  mayDelete!: boolean;
}

export class RecurrenceEntryResponse {
  @ApiProperty({ format: 'uuid' })
  itemId!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: '报告年度' })
  year!: number | null;

  @ApiProperty()
  title!: string;

  @StatusProperty()
  status!: string;

  @ApiProperty({ minimum: 0, maximum: 1, description: '相似度（0–1）' })
  score!: number;
}

/** An item's withdrawal (撤销). */
export class ItemWithdrawalInfoResponse {
  @ApiProperty({ format: 'date-time', description: '撤销时间' })
  at!: string;

  @ApiProperty({ type: String, nullable: true, description: '撤销人姓名；账号已删除时为 null' })
  by!: string | null;

  @ApiProperty({ description: '撤销原因' })
  reason!: string;
}

export class ItemRecurrenceResponse {
  @ApiProperty({ type: [RecurrenceEntryResponse], description: '本问题重复的往年问题' })
  repeats!: RecurrenceEntryResponse[];

  @ApiProperty({ type: [RecurrenceEntryResponse], description: '重复本问题的后来问题' })
  repeatedBy!: RecurrenceEntryResponse[];
}

/** GET /api/items/{id}: an item with its measures, evidence, full history and recurrences. */
export class ItemDetailResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  organisationId!: string;

  @ApiProperty()
  organisationName!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '来自的报告；手工新建的事项为 null',
  })
  reportId!: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 2024,
    description:
      '问题所属年度：导入的事项为其报告的年度，手工新建的事项为新建时选定的年度；报告未注明年度时为 null',
  })
  reportYear!: number | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '手工新建事项的创建人（用户编号）；导入的事项为 null',
  })
  createdBy!: string | null;

  @ApiProperty({ type: 'integer', description: '序号：在报告中的序号，或本组织本年度手工新建事项中的序号' })
  seq!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: '问题详情' })
  detail!: string;

  @SourceProperty()
  source!: string;

  @ApiProperty({ type: String, nullable: true, description: '责任领导' })
  responsibleLeader!: string | null;

  @StatusProperty()
  status!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '整改时限；未定时限为 null' })
  deadline!: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: '长期坚持整改的定期报告间隔（天）；其他阶段为 null',
  })
  reviewIntervalDays!: number | null;

  @ApiProperty({ type: PendingExtensionResponse, nullable: true, description: '待审核的延期申请' })
  pendingExtension!: PendingExtensionResponse | null;

  @ApiProperty({ type: 'integer', description: '版本号（乐观锁）' })
  version!: number;

  @ApiProperty({
    type: ItemWithdrawalInfoResponse,
    nullable: true,
    description: '已撤销时：撤销时间、撤销人、撤销原因；未撤销为 null',
  })
  withdrawn!: ItemWithdrawalInfoResponse | null;

  @ApiProperty({ type: [ItemMeasureResponse] })
  measures!: ItemMeasureResponse[];

  @ApiProperty({ type: [ItemEvidenceResponse], description: '未删除的佐证，按上传时间' })
  evidence!: ItemEvidenceResponse[];

  @ApiProperty({
    type: 'array',
    items: HISTORY_ENTRY_SCHEMA,
    description: '整改全过程记录，按序号；payload 随 event 而定',
  })
  history!: unknown[];

  @ApiProperty({ type: ItemRecurrenceResponse, description: '反复出现：与本组织其他年度相似的问题' })
  recurrence!: ItemRecurrenceResponse;

  @LightProperty({ description: '今天的亮灯' })
  light!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: '距时限的工作日数，同列表' })
  workdaysLeft!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: '已逾期的工作日数，同列表' })
  workdaysOverdue!: number | null;

  @ItemActionProperty({ isArray: true, description: '当前用户此刻可对该事项执行的操作' })
  allowedActions!: ItemAction[];
}

/** Documents GET /api/items/{id}, registering the per-event history line schemas. */
export function ApiItemDetailResponse() {
  return applyDecorators(
    ApiExtraModels(...Object.values(HISTORY_ENTRY_MODELS)),
    ApiOkResponse({ type: ItemDetailResponse }),
  );
}
