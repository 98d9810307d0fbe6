import { passwordProblem } from '../auth/password-policy';
import { generateOneTimePassword } from './one-time-password';

describe('generateOneTimePassword', () => {
  it('gives three groups of four easy-to-read characters that the password rules accept, each time another', () => {
    const drawn = Array.from({ length: 200 }, generateOneTimePassword);
    for (const password of drawn) {
      expect(password).toMatch(
        /^[a-km-np-zA-HJ-NP-Z2-9]{4}-[a-km-np-zA-HJ-NP-Z2-9]{4}-[a-km-np-zA-HJ-NP-Z2-9]{4}$/,
      );
      expect(password).not.toMatch(/[01lIoO]/);
      expect(passwordProblem(password)).toBeNull();
    }
    expect(new Set(drawn).size).toBe(drawn.length);
  });
});
