/**
 * The Chinese problems of one field that failed class-validator's checks, naming what is really
 * wrong: missing (absent or null), empty, of the wrong type, or against a limit (too long, too
 * short, out of range, too many or too few entries, not an allowed value, malformed).
 *
 * class-validator runs every check of a field and reports all that fail, so an absent field also
 * fails its length and range checks ("must be shorter than…"), and a number given for a text
 * fails the text's length check. Only the first true kind of problem is said:
 * missing → empty → wrong type → each limit broken.
 */

/** What the field is when it was not sent at all (or sent as null where a value is required). */
export const MISSING = '缺少此项（必填）';
export const EMPTY = '不能为空';

// The limit, when class-validator's English text carries it ("must not be greater than 50").
const number = (text: string) => /(-?\d+(?:\.\d+)?)/.exec(text)?.[1] ?? '';

/** class-validator's "must be one of the following values: a, b" as 取值无效，可选：a、b. */
function allowedValues(english: string): string {
  const list = /following values: (.*)$/.exec(english)?.[1];
  return list ? `取值无效，可选：${list.split(/,\s*/).join('、')}` : '取值不在允许的范围内';
}

// Chinese wording per constraint. A constraint without one keeps class-validator's text, which a
// test over every DTO would show.
const CHINESE: Record<string, (english: string) => string> = {
  whitelistValidation: () => '不允许的字段，请删除',
  isString: () => '必须是字符串',
  isNotEmpty: () => EMPTY,
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
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
  isEmail: () => '必须是有效的电子邮箱地址',
  isArray: () => '必须是数组',
  isObject: () => '必须是对象',
  isEnum: (t) => allowedValues(t),
};

/** A DTO's own message (Chinese already) is shown as written, never replaced by the generic one. */
const OWN_MESSAGE = /[\u4e00-\u9fff]/;

/** Checks that are about the value's type: when one fails, only the type is worth saying. */
const TYPE_CHECKS = new Set([
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'isDateString',
  'isUUID',
  'isUuid',
]);

/**
 * Checks that measure a value of one type: failing on a value of another type means the type is
 * wrong, not the measure (a number is not "too long"). Checks declared `each` apply to the
 * entries of an array, so an array value is left to their own message.
 */
const MEASURED_TYPE: Record<string, 'string' | 'number' | 'array'> = {
  maxLength: 'string',
  minLength: 'string',
  matches: 'string',
  min: 'number',
  max: 'number',
  arrayMaxSize: 'array',
  arrayMinSize: 'array',
};
const TYPE_NEEDED: Record<'string' | 'number' | 'array', string> = {
  string: '必须是字符串',
  number: '必须是数字',
  array: '必须是数组',
};

function typeOf(value: unknown): 'string' | 'number' | 'array' | 'other' {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  return 'other';
}

const say = ([name, text]: [string, string]) =>
  OWN_MESSAGE.test(text) ? text : (CHINESE[name]?.(text) ?? text);

/**
 * The problems to show for a field whose `value` failed `constraints` (class-validator's
 * `ValidationError.constraints`: check name → English or the DTO's own message), in Chinese.
 */
export function describeFieldProblems(value: unknown, constraints: Record<string, string>): string[] {
  const entries = Object.entries(constraints);
  if (entries.some(([name]) => name === 'whitelistValidation')) return [CHINESE.whitelistValidation('')];
  if (value === undefined || value === null) return [MISSING];
  if (typeof value === 'string' && value.trim() === '' && entries.some(([n]) => n === 'isNotEmpty'))
    return [EMPTY];
  const typeErrors = entries.filter(([name]) => TYPE_CHECKS.has(name));
  if (typeErrors.length > 0) return unique(typeErrors.map(say));
  const actual = typeOf(value);
  const mismatched = entries
    .map(([name]) => MEASURED_TYPE[name])
    .filter((needed) => needed !== undefined && actual !== 'array' && needed !== actual);
  if (mismatched.length > 0) return unique(mismatched.map((needed) => TYPE_NEEDED[needed]));
  return unique(entries.map(say));
}

const unique = (texts: string[]) => [...new Set(texts)];
