import { BadRequestException } from '@nestjs/common';
import { CreateItemsDto } from '../items/create-items.dto';
import { SetMeasuresDto } from '../items/set-measures.dto';
import { LoginDto } from '../auth/login.dto';
import { strictValidationPipe } from './strict-validation.pipe';

type Dto = typeof LoginDto | typeof CreateItemsDto | typeof SetMeasuresDto;

/** The pipe's answer to `body` for the DTO: each field's Chinese problems, or null when valid. */
async function problems(dto: Dto, body: unknown): Promise<Record<string, string[]> | null> {
  try {
    await strictValidationPipe().transform(body, { type: 'body', metatype: dto });
    return null;
  } catch (err) {
    if (!(err instanceof BadRequestException)) throw err;
    const { details } = err.getResponse() as { details: { field: string; problems: string[] }[] };
    return Object.fromEntries(details.map((d) => [d.field, d.problems]));
  }
}

describe('the validation pipe names the real problem of each field', () => {
  it('says a missing field is missing, not too long or of the wrong type', async () => {
    expect(await problems(LoginDto, { username: 'admin' })).toEqual({ password: ['缺少此项（必填）'] });
    expect(await problems(LoginDto, { username: 'admin', password: null })).toEqual({
      password: ['缺少此项（必填）'],
    });
  });

  it('says a text past its limit is too long, naming the limit', async () => {
    expect(await problems(LoginDto, { username: 'u'.repeat(65), password: 'x' })).toEqual({
      username: ['不能超过 64 个字符'],
    });
  });

  it('says a value of the wrong type is of the wrong type, not too long', async () => {
    expect(await problems(LoginDto, { username: 42, password: 'x' })).toEqual({
      username: ['必须是字符串'],
    });
  });

  it('says an empty text is empty', async () => {
    expect(await problems(LoginDto, { username: '', password: 'x' })).toEqual({ username: ['不能为空'] });
  });

  it('says a number out of its range is out of range, and an unknown field is not allowed', async () => {
    const organisationId = '00000000-0000-4000-8000-000000000001';
    expect(
      await problems(CreateItemsDto, {
        organisationId,
        source: 'superior_review',
        year: 1800,
        extra: 1,
      }),
    ).toEqual({ year: ['不能小于 1990'], extra: ['不允许的字段，请删除'] });
  });

  it('names the field inside a list, missing or wrong, by its path', async () => {
    expect(
      await problems(SetMeasuresDto, {
        expectedVersion: 1,
        measures: [
          { responsible: '张三', deadline: '2026-12-31' },
          { title: 7, responsible: '李四', deadline: '2026-12-31' },
        ],
      }),
    ).toEqual({ 'measures.0.title': ['缺少此项（必填）'], 'measures.1.title': ['必须是字符串'] });
  });

  it('says an empty list has too few entries', async () => {
    expect(await problems(SetMeasuresDto, { expectedVersion: 1, measures: [] })).toEqual({
      measures: ['至少 1 项'],
    });
  });

  it('lets a valid body through', async () => {
    expect(await problems(LoginDto, { username: 'admin', password: 'x' })).toBeNull();
  });
});
