import { ApplicationError } from '../errors/application-error';
import { checkPasswordPolicy, MAX_PASSWORD_BYTES, passwordProblem } from './password-policy';

describe('password rules', () => {
  it('accepts the demo password rectify-demo and ordinary pass phrases', () => {
    for (const password of ['rectify-demo', 'correct horse battery', 'test-password-123', '青石村整改2024'])
      expect(passwordProblem(password)).toBeNull();
  });

  it('refuses a password shorter than 8 characters, counting a Chinese character as one', () => {
    expect(passwordProblem('Ab3$xy7')).toBe('too_short');
    expect(passwordProblem('整改台账销号')).toBe('too_short');
    expect(passwordProblem('整改台账销号延期申请')).toBeNull();
  });

  it('refuses more than 72 UTF-8 bytes, so 24 Chinese characters pass and 25 do not', () => {
    const chinese24 = '青石村党支部整改台账按期销号逾期亮灯督办不放松好';
    expect([...chinese24]).toHaveLength(24);
    expect(Buffer.byteLength(chinese24)).toBe(MAX_PASSWORD_BYTES);
    expect(passwordProblem(chinese24)).toBeNull();
    expect(passwordProblem(`${chinese24}啊`)).toBe('too_long');
    expect(passwordProblem(`${'ab3$'.repeat(17)}Q9z7`)).toBeNull();
    expect(passwordProblem(`${'ab3$'.repeat(18)}Q`)).toBe('too_long');
  });

  it('refuses the most common passwords whatever their case', () => {
    for (const password of [
      '12345678',
      'password',
      'PassWord',
      '11111111',
      'qwerty123',
      'abc12345',
      '88888888',
      '1qaz2wsx',
      '1Q2W3E4R',
      'woaini1314',
    ])
      expect(passwordProblem(password)).toBe('common');
  });

  it('refuses one character or a short unit repeated', () => {
    for (const password of [
      'zzzzzzzzzz',
      '        ',
      '12121212',
      'abcabcabc',
      'ab12ab12ab12',
      '哈哈哈哈哈哈哈哈',
    ])
      expect(passwordProblem(password)).toBe('repeated');
  });

  it('refuses runs of consecutive digits or letters, up or down', () => {
    for (const password of ['23456789', 'abcdefghij', 'ZYXWVUTS', '98765432', 'lmnopqrs'])
      expect(passwordProblem(password)).toBe('sequence');
  });

  it('refuses the user name as password', () => {
    expect(passwordProblem('zhang.san', 'Zhang.San')).toBe('same_as_username');
    expect(passwordProblem('zhang.san', 'li.si')).toBeNull();
  });

  it('throws PASSWORD_REJECTED with a Chinese message naming the limit and the rule in details', () => {
    let caught: unknown;
    try {
      checkPasswordPolicy('党'.repeat(25));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ApplicationError);
    expect(caught).toMatchObject({ code: 'PASSWORD_REJECTED', details: { rule: 'too_long' } });
    expect((caught as Error).message).toContain('24个汉字');
    expect((caught as Error).message).toContain('72个英文字母');
  });
});
