import bcrypt from 'bcryptjs';
import { hashManyPasswords } from './hash-many-passwords';

describe('hashing many generated passwords', () => {
  it('answers one bcrypt hash per password, in order, from worker threads and in process alike', async () => {
    for (const count of [2, 9]) {
      const passwords = Array.from({ length: count }, (_, i) => `pass-${i}-word`);
      const hashes = await hashManyPasswords(passwords, 4);
      expect(hashes).toHaveLength(count);
      for (const [i, hash] of hashes.entries()) {
        expect(hash).toMatch(/^\$2[aby]\$04\$/);
        expect(await bcrypt.compare(passwords[i], hash)).toBe(true);
      }
      expect(await bcrypt.compare(passwords[1], hashes[0])).toBe(false);
    }
  });
});
