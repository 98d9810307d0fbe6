import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { ApplicationError, type ApplicationErrorCode } from '@rectify/application';
import { classifyDatabaseError } from '@rectify/persistence';
import { type Request, type Response } from 'express';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  databaseFaultResponse,
  driverMessageOf,
} from './database-fault-response';
import { type ErrorBody } from './error-body';

const STATUS_OF: Record<ApplicationErrorCode, number> = {
  ORGANISATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  USER_NOT_FOUND: HttpStatus.NOT_FOUND,
  ITEM_NOT_FOUND: HttpStatus.NOT_FOUND,
  ORGANISATION_EXISTS: HttpStatus.CONFLICT,
  ORGANISATION_CYCLE: HttpStatus.CONFLICT,
  ORGANISATION_IS_ROOT: HttpStatus.CONFLICT,
  ORGANISATION_HAS_ACTIVE_CHILDREN: HttpStatus.CONFLICT,
  ORGANISATION_DISABLED: HttpStatus.CONFLICT,
  USER_EXISTS: HttpStatus.CONFLICT,
  ITEM_CHANGED: HttpStatus.CONFLICT,
  ITEM_WITHDRAWN: HttpStatus.CONFLICT,
  EVENT_NOT_ALLOWED_IN_STATE: HttpStatus.CONFLICT,
  ACTOR_NOT_PERMITTED: HttpStatus.FORBIDDEN,
  ADMIN_ONLY: HttpStatus.FORBIDDEN,
  EVENT_INCOMPLETE: HttpStatus.BAD_REQUEST,
  RESPONSIBLE_NOT_IN_ORGANISATION: HttpStatus.BAD_REQUEST,
  DEADLINE_EXTENSION_REQUIRED: HttpStatus.CONFLICT,
  INVALID_ARGUMENT: HttpStatus.BAD_REQUEST,
  EXPORT_TOO_LARGE: HttpStatus.UNPROCESSABLE_ENTITY,
  INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  ACCOUNT_DISABLED: HttpStatus.UNAUTHORIZED,
  PASSWORD_REJECTED: HttpStatus.BAD_REQUEST,
  WRONG_CURRENT_PASSWORD: HttpStatus.BAD_REQUEST,
  PASSWORD_UNCHANGED: HttpStatus.BAD_REQUEST,
  LAST_ADMINISTRATOR: HttpStatus.CONFLICT,
  OWN_ACCOUNT_PROTECTED: HttpStatus.CONFLICT,
  REPORT_UNREADABLE: HttpStatus.UNPROCESSABLE_ENTITY,
  REPORT_UNSUPPORTED_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  REPORT_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  REPORT_NOT_FOUND: HttpStatus.NOT_FOUND,
  REPORT_IN_USE: HttpStatus.CONFLICT,
  EVIDENCE_NOT_FOUND: HttpStatus.NOT_FOUND,
  EVIDENCE_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  EVIDENCE_UNSUPPORTED_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  EVIDENCE_EMPTY: HttpStatus.UNPROCESSABLE_ENTITY,
  EVIDENCE_LIMIT_REACHED: HttpStatus.UNPROCESSABLE_ENTITY,
  NO_TRACKED_ITEMS: HttpStatus.NOT_FOUND,
  DIRECTORY_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  DIRECTORY_FILE_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  DIRECTORY_FILE_UNREADABLE: HttpStatus.UNPROCESSABLE_ENTITY,
  DIRECTORY_CHANGED: HttpStatus.CONFLICT,
  ROBOT_NOT_FOUND: HttpStatus.NOT_FOUND,
  ROBOT_HAS_DELIVERIES: HttpStatus.CONFLICT,
  ROBOT_WEBHOOK_INVALID: HttpStatus.BAD_REQUEST,
};

const HTTP_CODES: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求有误：请检查请求内容。' },
  401: { code: 'UNAUTHENTICATED', message: '未登录或登录已过期：请重新登录。' },
  403: { code: 'FORBIDDEN', message: '没有权限执行此操作。' },
  404: { code: 'NOT_FOUND', message: '请求的资源不存在：请检查地址。' },
  413: {
    code: 'PAYLOAD_TOO_LARGE',
    message: '上传内容过大：请缩小文件后重试（报告 10 MB，佐证材料 20 MB）。',
  },
  429: { code: 'TOO_MANY_REQUESTS', message: '请求过于频繁：请稍后再试。' },
};

/**
 * Multer's own refusals of a multipart form, which Nest passes on as a bare 400 with multer's
 * English text (two files, a file under another field name, too many parts).
 */
const MULTIPART_REFUSALS: Record<string, { code: string; message: string }> = {
  'Unexpected field': {
    code: 'UNEXPECTED_FILE_FIELD',
    message: '上传方式有误：每次只上传一个文件，放在表单字段 file 中。',
  },
  'Unexpected file field': {
    code: 'UNEXPECTED_FILE_FIELD',
    message: '上传方式有误：每次只上传一个文件，放在表单字段 file 中。',
  },
  'Too many files': {
    code: 'TOO_MANY_FILES',
    message: '上传方式有误：每次只能上传一个文件，放在表单字段 file 中。',
  },
  'Too many parts': { code: 'TOO_MANY_PARTS', message: '表单内容过多：请只提交文件和必要的字段。' },
  'Too many fields': { code: 'TOO_MANY_PARTS', message: '表单字段过多：请只提交文件和必要的字段。' },
  'Field value too long': { code: 'FIELD_TOO_LONG', message: '表单字段内容过长：请缩短后重试。' },
  'Field name too long': { code: 'FIELD_TOO_LONG', message: '表单字段名过长。' },
  'Field name missing': { code: 'BAD_MULTIPART', message: '表单字段缺少名称。' },
  Multipart: { code: 'BAD_MULTIPART', message: '上传的表单不完整或格式有误：请重新选择文件上传。' },
};

/** Multer's text, without the field name or detail Nest appends ("Unexpected field - zzz"). */
const multerReason = (message: string) => message.split(' - ')[0].split(':')[0].trim();

/**
 * Turns every error into { code, message, details }: use-case refusals keep their code and
 * Chinese message; database faults (a lock not granted in time, the database unreachable, out
 * of connections, a statement past its timeout) become 409 or 503 with one log line each (see
 * databaseFaultResponse); other unexpected errors are logged and answered without a stack trace.
 * Every 503 carries `Retry-After`.
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const [status, body] = this.toBody(error, http.getRequest<Request>());
    if (status === HttpStatus.SERVICE_UNAVAILABLE && !response.getHeader('Retry-After'))
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    response.status(status).json(body);
  }

  private toBody(error: unknown, request: Request): [number, ErrorBody] {
    if (error instanceof ApplicationError) {
      return [STATUS_OF[error.code], { code: error.code, message: error.message, details: error.details }];
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const raw = error.getResponse();
      if (typeof raw === 'object' && raw !== null && 'code' in raw && 'message' in raw) {
        const body = raw as ErrorBody;
        return [status, { code: body.code, message: body.message, details: body.details ?? null }];
      }
      if (
        status === HttpStatus.SERVICE_UNAVAILABLE &&
        typeof raw === 'object' &&
        raw !== null &&
        'error' in raw
      ) {
        // A failed health check: which dependency is down is in the details.
        const down = Object.keys((raw as { error: Record<string, unknown> }).error).join('、');
        return [status, { code: 'UNHEALTHY', message: `服务不可用：${down} 无法访问。`, details: raw }];
      }
      const multipart =
        status === HttpStatus.BAD_REQUEST ? MULTIPART_REFUSALS[multerReason(error.message)] : undefined;
      if (multipart) return [status, { ...multipart, details: null }];
      const fallback = HTTP_CODES[status] ?? { code: `HTTP_${status}`, message: '请求失败。' };
      return [status, { ...fallback, details: null }];
    }
    const fault = classifyDatabaseError(error);
    if (fault) {
      const path = request.originalUrl.split('?')[0];
      const [status, body] = databaseFaultResponse(fault, path);
      this.logger.warn(
        `${request.method} ${path} → ${status} ${body.code} (${fault.reason}): ${driverMessageOf(error)}`,
      );
      return [status, body];
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return [
      500,
      { code: 'INTERNAL_ERROR', message: '服务器内部错误：请稍后重试，或联系管理员。', details: null },
    ];
  }
}
