import { v7 as uuidv7 } from 'uuid';
import { BadUserInputError } from '../errors';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursors', () => {
  it('decodes what it encodes, as an opaque base64url string', () => {
    const key = { date: '2026-11-25', id: uuidv7() };
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('2026');
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it.each([
    ['an empty string', ''],
    ['text that is not base64url', '%%%'],
    ['a key without an id', Buffer.from('2026-11-25').toString('base64url')],
    ['a key with an impossible date', Buffer.from(`2026-02-30|${uuidv7()}`).toString('base64url')],
    ['a key with a malformed id', Buffer.from('2026-11-25|42').toString('base64url')],
    ['a key with extra parts', Buffer.from(`2026-11-25|${uuidv7()}|x`).toString('base64url')],
  ])('refuses %s with BAD_USER_INPUT on after', (_case, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(BadUserInputError);
    expect(() => decodeCursor(cursor)).toThrow('after is not a valid cursor');
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    }
  });
});
