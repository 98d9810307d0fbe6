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

// Chinese wording for the constraints the DTOs use, built from class-validator's English text
// where it carries the limit ("must not be greater than 50" → 不能大于 50). A constraint without
// a translation keeps class-validator's text, which a test over every DTO would show.
const number = (text: string) => /(-?\d+(?:\.\d+)?)/.exec(text)?.[1] ?? '';
const CHINESE: Record<string, (english: string) => string> = {
  whitelistValidation: () => '不允许的字段，请删除',
  isString: () => '必须是字符串',
  isNotEmpty: () => '不能为空',
  isInt: () => '必须是整数',
  isBoolean: () => '必须是 true 或 false',
  min: (t) => `不能小于 ${number(t)}`,
  max: (t) => `不能大于 ${number(t)}`,
  maxLength: (t) => `不能超过 ${number(t)} 个字符`,
  minLength: (t) => `不能少于 ${number(t)} 个字符`,
  arrayMaxSize: (t) => `最多 ${number(t)} 项`,
  arrayMinSize: (t) => `至少 ${number(t)} 项`,
  isDateString: () => '必须是 YYYY-MM-DD 格式的日期',
  isIn: (t) => allowedValues(t),
  isUUID: () => '必须是有效的编号（UUID）',
  isUuid: () => '必须是有效的编号（UUID）',
  isArray: () => '必须是数组',
  isObject: () => '必须是对象',
  isEnum: (t) => allowedValues(t),
};

/** class-validator's "must be one of the following values: a, b" as 取值无效，可选：a、b. */
function allowedValues(english: string): string {
  const list = /following values: (.*)$/.exec(english)?.[1];
  return list ? `取值无效，可选：${list.split(/,\s*/).join('、')}` : '取值不在允许的范围内';
}

/** A DTO's own message (Chinese already) is shown as written, never replaced by the generic one. */
const OWN_MESSAGE = /[\u4e00-\u9fff]/;

/** A value of the wrong type fails its other checks too; only the type is worth saying then. */
const TYPE_CHECKS = new Set([
  'isString',
  'isInt',
  'isBoolean',
  'isArray',
  'isObject',
  'isDateString',
  'isUUID',
  'isUuid',
]);

function describe(constraints: Record<string, string>): string[] {
  const entries = Object.entries(constraints);
  const typeErrors = entries.filter(([name]) => TYPE_CHECKS.has(name));
  const missing = entries.some(([name]) => name === 'isNotEmpty');
  const shown =
    typeErrors.length > 0 ? (missing ? entries.filter(([n]) => n === 'isNotEmpty') : typeErrors) : entries;
  return shown.map(([name, text]) => (OWN_MESSAGE.test(text) ? text : (CHINESE[name]?.(text) ?? text)));
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: describe(e.constraints) }] : [];
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
