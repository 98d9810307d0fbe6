import {
  type ArgumentMetadata,
  BadRequestException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { assertSafeInput } from './unsafe-input';

interface FieldProblem {
  field: string;
  problems: string[];
}

// Chinese wording for the constraints the DTOs use; anything else keeps class-validator's text.
const CHINESE: Record<string, string> = {
  whitelistValidation: '不允许的字段，请删除',
  isString: '必须是字符串',
  isNotEmpty: '不能为空',
  isInt: '必须是整数',
  min: '数值过小',
  max: '数值过大',
  maxLength: '内容过长',
  minLength: '内容过短',
  isDateString: '必须是 YYYY-MM-DD 格式的日期',
  isIn: '取值不在允许的范围内',
  isUUID: '必须是有效的编号（UUID）',
  isArray: '必须是数组',
  isObject: '必须是对象',
};

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints
      ? [{ field, problems: Object.entries(e.constraints).map(([name, text]) => CHINESE[name] ?? text) }]
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Request values checked for depth and forbidden characters before any DTO sees them. */
const CHECKED_SOURCES: ReadonlySet<ArgumentMetadata['type']> = new Set(['body', 'query', 'param']);

/**
 * The one global pipe: first refuses bodies, query strings and path parameters that are nested
 * deeper than MAX_INPUT_DEPTH or hold forbidden characters (see unsafe-input.ts), for every
 * route and every DTO alike, multipart form fields included; then validates against the DTO.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (CHECKED_SOURCES.has(metadata.type)) {
      assertSafeInput(value);
    }
    return super.transform(value, metadata);
  }
}

/** Validates every body and query: unknown fields, wrong types and bad dates are listed one by one. */
export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: `请求参数有误：${details.map((d) => `${d.field}（${d.problems.join('；')}）`).join('，')}。`,
        details,
      });
    },
  });
}
