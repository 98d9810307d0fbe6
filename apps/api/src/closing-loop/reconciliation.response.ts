import { ApiProperty } from '@nestjs/swagger';
import {
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  UNCHECKED_REASON_LABELS,
  UNCHECKED_REASONS,
} from '@rectify/domain';
import { ClaimedProgressProperty, StatusProperty } from '../common/vocabulary.response';

/** An earlier problem a new one resembles (反复出现). */
export class RecurrenceLinkResponse {
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

/** A problem of a report that repeats earlier years' problems of the same organisation. */
export class RecurringProblemResponse {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '导入后建立的整改事项；仅核对时为 null',
  })
  itemId!: string | null;

  @ApiProperty({ type: 'integer', description: '报告中的问题序号' })
  seq!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: [RecurrenceLinkResponse], description: '相似的往年问题，最相似的在前（最多 3 个）' })
  earlier!: RecurrenceLinkResponse[];
}

/** A claim of the report matched to a tracked item. */
export class MatchedClaimResponse {
  @ApiProperty({ format: 'uuid' })
  itemId!: string;

  @ApiProperty()
  itemTitle!: string;

  @StatusProperty({ description: '系统记录的状态' })
  trackedStatus!: string;

  @ApiProperty({ description: '报告中所写的问题' })
  claimedProblem!: string;

  @ClaimedProgressProperty()
  claim!: string;

  @ApiProperty({ description: '报告中的整改情况原文' })
  claimText!: string;

  @ApiProperty({ minimum: 0, maximum: 1, description: '相似度（0–1）' })
  score!: number;

  @ApiProperty({
    enum: ['agrees', 'overstated', 'understated', 'unstated'],
    enumName: 'ClaimAgreement',
    description: '与记录是否一致：agrees 一致；overstated 报告多报；understated 报告少报；unstated 未写明',
  })
  agreement!: string;
}

export class OmittedItemResponse {
  @ApiProperty({ format: 'uuid' })
  itemId!: string;

  @ApiProperty()
  title!: string;

  @StatusProperty()
  status!: string;
}

export class UnmatchedClaimResponse {
  @ApiProperty({ description: '报告中所写的问题' })
  problem!: string;

  @ClaimedProgressProperty()
  claim!: string;

  @ApiProperty({ description: '原文' })
  text!: string;
}

export class ReconciliationFindingResponse {
  @ApiProperty({
    enum: FINDING_KINDS as unknown as string[],
    enumName: 'FindingKind',
    description: Object.entries(FINDING_KIND_LABELS)
      .map(([kind, label]) => `${kind} ${label}`)
      .join('；'),
  })
  kind!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  itemId!: string | null;

  @ApiProperty({ description: '问题及处理建议（中文）' })
  message!: string;
}

/** A report's 上年度整改情况 checked against the items tracked for the year before. */
export class ReconciliationResponse {
  @ApiProperty({ type: 'integer', description: '核对的问题年度（报告年度 − 1）' })
  problemYear!: number;

  @ApiProperty({ type: 'integer', description: '该年度跟踪的整改事项数' })
  trackedItems!: number;

  @ApiProperty({ type: 'integer', description: '报告"上年度整改情况"中的条目数' })
  entries!: number;

  @ApiProperty({
    type: 'integer',
    description: '实际与跟踪记录对照了整改进度的条目数；为 0 时不能说"一致"（见 unchecked）',
  })
  checkedClaims!: number;

  @ApiProperty({
    enum: UNCHECKED_REASONS as unknown as string[],
    enumName: 'UncheckedReason',
    nullable: true,
    description: `未能核对的原因（checkedClaims 为 0 时）；有条目核对时为 null。${Object.entries(
      UNCHECKED_REASON_LABELS,
    )
      .map(([reason, label]) => `${reason} ${label}`)
      .join('')}`,
  })
  unchecked!: string | null;

  @ApiProperty({ type: [MatchedClaimResponse] })
  matched!: MatchedClaimResponse[];

  @ApiProperty({ type: [OmittedItemResponse], description: '报告未提及的整改事项' })
  omitted!: OmittedItemResponse[];

  @ApiProperty({ type: [UnmatchedClaimResponse], description: '找不到对应整改事项的条目' })
  unmatchedClaims!: UnmatchedClaimResponse[];

  @ApiProperty({ type: [RecurringProblemResponse] })
  recurring!: RecurringProblemResponse[];

  @ApiProperty({ type: [ReconciliationFindingResponse] })
  findings!: ReconciliationFindingResponse[];
}

export class OrganisationRefResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

/** POST /api/reports/reconcile, GET /api/reports/{id}/reconciliation. */
export class ReconcileResultResponse {
  @ApiProperty({ type: OrganisationRefResponse })
  organisation!: OrganisationRefResponse;

  @ApiProperty({ type: 'integer' })
  reportYear!: number;

  @ApiProperty({ type: 'integer' })
  problemYear!: number;

  @ApiProperty({ type: ReconciliationResponse })
  reconciliation!: ReconciliationResponse;

  @ApiProperty({ type: [String], description: '读取报告时的提示' })
  warnings!: string[];
}
