import { createHash } from 'node:crypto';
import { pseudonym } from '../../bot/logger';

describe('pseudonym', () => {
  it('is the first 12 hex digits of the SHA-256 of the id, as before', () => {
    for (const id of ['a', 'conversation-1', 'é🙂ü', 'x'.repeat(500)]) {
      expect(pseudonym(id)).toBe(createHash('sha256').update(id).digest('hex').slice(0, 12));
    }
    expect(pseudonym(undefined)).toBeUndefined();
    expect(pseudonym('')).toBeUndefined();
  });
});
