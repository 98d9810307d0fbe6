import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** The largest value of a PostgreSQL `integer` column (versions, counts): larger ones fail in SQL. */
export const PG_INTEGER_MAX = 2_147_483_647;

/** Plain decimal digits, at most 15 so the number is exact; nothing else is read as a number. */
const DECIMAL_TEXT = /^[+-]?\d{1,15}$/;

/**
 * An integer in [min, max] from a query string, a multipart field or a JSON body. Text becomes a
 * number only when it is plain decimal digits: `1e308`, `0x10`, `NaN`, `Infinity`, `1.5` and
 * `` stay text and are refused as 必须是整数; a JSON number must be an integer within the bounds
 * (so `1e308` is refused as 不能大于 …). Every numeric field of the API's DTOs uses it.
 */
export function IntegerInRange(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) =>
      typeof value === 'string' && DECIMAL_TEXT.test(value.trim()) ? Number(value) : value,
    ),
    IsInt(),
    Min(min),
    Max(max),
  );
}
