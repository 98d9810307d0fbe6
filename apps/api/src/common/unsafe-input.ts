import { BadRequestException } from '@nestjs/common';

/**
 * The checks every request value gets before validation, whatever its DTO: nesting depth (a
 * deeply nested body overflowed the stack of the object mapper) and characters no text field
 * may hold (PostgreSQL refuses NUL; XML, hence Word and Excel exports, refuses the other C0
 * controls, U+FFFE/U+FFFF and unpaired surrogates).
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * C0 controls except tab, line feed and carriage return; U+FFFE and U+FFFF; surrogates that are
 * not half of a pair (with the `u` flag a valid pair is one code point above U+FFFF, so only a
 * lone surrogate matches the range). The same set as cleanText in the domain strips.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;

export type UnsafeInput =
  { kind: 'too_deep'; path: string } | { kind: 'forbidden_character'; path: string; codePoint: string };

const FORBIDDEN_CHARACTERS = new RegExp(FORBIDDEN_CHARACTER.source, 'gu');

/** `text` with every forbidden character shown as U+FFFD, safe to echo in an error message. */
export function printable(text: string): string {
  return text.replace(FORBIDDEN_CHARACTERS, '\uFFFD');
}

/** `U+0000` for the character at `index`. */
function describe(text: string, index: number): string {
  return `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`;
}

function checkText(text: string, path: string): UnsafeInput | null {
  const m = FORBIDDEN_CHARACTER.exec(text);
  return m
    ? { kind: 'forbidden_character', path: printable(path), codePoint: describe(text, m.index) }
    : null;
}

/**
 * The first unsafe thing in `value` (a parsed body, query or path parameter), or null. Objects
 * and arrays deeper than `maxDepth` levels are refused; strings and object keys are checked for
 * forbidden characters. Iterative, so no input can overflow the stack; visits each node once.
 * `path` names the place, e.g. `measures[2].title`, or the key itself for a bad key.
 */
export function findUnsafeInput(value: unknown, maxDepth = MAX_INPUT_DEPTH): UnsafeInput | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value === 'string') {
      const problem = checkText(node.value, node.path);
      if (problem) return problem;
      continue;
    }
    if (typeof node.value !== 'object' || node.value === null) continue;
    const depth = node.depth + 1;
    if (depth > maxDepth) return { kind: 'too_deep', path: printable(node.path) };
    if (Array.isArray(node.value)) {
      node.value.forEach((item, i) => stack.push({ value: item, depth, path: `${node.path}[${i}]` }));
      continue;
    }
    for (const [key, item] of Object.entries(node.value)) {
      const path = node.path ? `${node.path}.${key}` : key;
      const badKey = checkText(key, path);
      if (badKey) return badKey;
      stack.push({ value: item, depth, path });
    }
  }
  return null;
}

/** The 400 for an unsafe input: INPUT_TOO_DEEP or FORBIDDEN_CHARACTER, naming the field. */
export function unsafeInputError(problem: UnsafeInput): BadRequestException {
  const field = problem.path || null;
  if (problem.kind === 'too_deep') {
    return new BadRequestException({
      code: 'INPUT_TOO_DEEP',
      message: `请求内容嵌套过深：对象和数组最多嵌套 ${MAX_INPUT_DEPTH} 层。`,
      details: { field, maxDepth: MAX_INPUT_DEPTH },
    });
  }
  return new BadRequestException({
    code: 'FORBIDDEN_CHARACTER',
    message: `请求参数${field ? ` ${field} ` : ''}含有不允许的控制字符（${problem.codePoint}）：请删除后重试。`,
    details: { field, codePoint: problem.codePoint },
  });
}

/** Throws unsafeInputError for the first unsafe thing in `value`; used by the global pipe. */
export function assertSafeInput(value: unknown): void {
  const problem = findUnsafeInput(value);
  if (problem) throw unsafeInputError(problem);
}
