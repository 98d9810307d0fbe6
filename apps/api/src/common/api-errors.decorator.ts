import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';
import { SUPPORTED_REPORT_FORMATS } from '@rectify/domain';

/** The one error shape, for the OpenAPI document. */
export class ErrorBodyDoc {
  @ApiProperty({ example: 'ITEM_NOT_FOUND', description: 'Stable code for programs' })
  code!: string;

  @ApiProperty({
    example: '整改事项不存在，或不在您的管理范围内：请检查编号。',
    description: '给人看的中文说明',
  })
  message!: string;

  @ApiProperty({
    description: 'Data for clients (per-field problems, current state, allowed events …)',
    nullable: true,
  })
  details!: unknown;
}

const DESCRIPTIONS: Record<number, string> = {
  400: '请求参数有误（未知字段、类型错误、日期格式错误等），details 逐项列出',
  401: '未登录、凭证被篡改或已过期',
  403: '当前用户无权执行该操作',
  404: '资源不存在或不在当前用户的管理范围内',
  409: '状态冲突：当前状态不允许该操作，整改事项已被他人修改，或正被其他操作处理（RESOURCE_BUSY，可稍后重试）',
  413: '上传文件超过 10 MB',
  415: `文件类型不支持（仅支持 ${SUPPORTED_REPORT_FORMATS}）`,
  422: '文件无法作为报告读取（编码无法识别、文件损坏等）',
  429: '请求过于频繁',
  503: '服务暂时不可用（DATABASE_UNAVAILABLE：数据库无法连接、连接耗尽或处理超时），按 Retry-After 秒数后重试',
};

/** Documents the error responses a route can give (401 and 503 on every route), all with the shared error shape. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...[401, 503, ...statuses].map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorBodyDoc }),
    ),
  );
}
