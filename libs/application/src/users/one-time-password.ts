import { randomInt } from 'node:crypto';
import { passwordProblem } from '../auth/password-policy';

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Length of a one-time password: 12 characters of 54 (about 69 bits). */
export const ONE_TIME_PASSWORD_LENGTH = 12;

/**
 * A random one-time password (一次性密码) from the crypto generator, `xxxx-xxxx-xxxx`: three
 * groups of four easy-to-read characters. Drawn again in the (vanishingly rare) case the
 * password rules would refuse it, so it is always a password the person could have chosen.
 */
export function generateOneTimePassword(): string {
  for (;;) {
    const chars = Array.from(
      { length: ONE_TIME_PASSWORD_LENGTH },
      () => ALPHABET[randomInt(ALPHABET.length)],
    );
    const password = [0, 4, 8].map((at) => chars.slice(at, at + 4).join('')).join('-');
    if (passwordProblem(password) === null) return password;
  }
}
