import { isLocalDate } from '../../core';
import { BadUserInputError } from '../errors';

/** The sort key of a keyset page: entries are ordered by date, then id, both descending. */
export interface CursorKey {
  date: string;
  id: string;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Encodes the sort key of an entry as an opaque cursor (base64url of `date` and `id`). */
export function encodeCursor({ date, id }: CursorKey): string {
  return Buffer.from(`${date}|${id}`, 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor}.
 * @throws BadUserInputError (field `after`) when the cursor is not one of ours.
 */
export function decodeCursor(cursor: string): CursorKey {
  const [date, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    rest.length > 0 ||
    date === undefined ||
    id === undefined ||
    !isLocalDate(date) ||
    !ID.test(id) ||
    encodeCursor({ date, id }) !== cursor
  ) {
    throw new BadUserInputError('after is not a valid cursor', 'after');
  }
  return { date, id };
}
