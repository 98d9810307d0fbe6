import {
  type ArgumentMetadata,
  BadRequestException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { assertSafeInput } from './unsafe-input';
import { describeFieldProblems } from './validation-messages';

interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: describeFieldProblems(e.value, e.constraints) }] : [];
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
