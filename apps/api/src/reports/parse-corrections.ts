import { BadRequestException } from '@nestjs/common';
import { type ImportCorrections } from '@rectify/application';
import { assertSafeInput } from '../common/unsafe-input';

const INVALID = () =>
  new BadRequestException({
    code: 'VALIDATION_FAILED',
    message:
      'corrections 格式不正确：应为 {"dropProblemSeqs":[问题序号…],"titles":{"问题序号":"更正后的标题"}}。',
    details: { corrections: '格式不正确' },
  });

/** The preview corrections sent as a JSON form field, checked field by field. */
export function parseCorrections(raw: string | undefined): ImportCorrections | undefined {
  if (raw === undefined) return undefined;
  const value: unknown = JSON.parse(raw);
  // The form field itself was checked as text; JSON escapes (\u0000) only appear once parsed.
  assertSafeInput(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw INVALID();
  const { dropProblemSeqs, titles, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw INVALID();
  if (
    dropProblemSeqs !== undefined &&
    !(Array.isArray(dropProblemSeqs) && dropProblemSeqs.every(Number.isInteger))
  )
    throw INVALID();
  if (
    titles !== undefined &&
    (typeof titles !== 'object' ||
      titles === null ||
      Array.isArray(titles) ||
      !Object.entries(titles).every(([k, v]) => /^\d+$/.test(k) && typeof v === 'string'))
  )
    throw INVALID();
  return {
    dropProblemSeqs: dropProblemSeqs as number[] | undefined,
    titles: titles as Record<string, string> | undefined,
  };
}
