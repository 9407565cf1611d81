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

/** The sort key of a person-week page: newest week first, then by person. */
export interface WeekCursorKey {
  weekStart: string;
  userId: string;
}

/** Encodes a person-week as an opaque cursor (base64url of the Monday and the person's id). */
export function encodeWeekCursor({ weekStart, userId }: WeekCursorKey): string {
  return Buffer.from(`${weekStart}|${userId}`, 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeWeekCursor}.
 * @throws BadUserInputError (field `after`) when the cursor is not one of ours.
 */
export function decodeWeekCursor(cursor: string): WeekCursorKey {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  const weekStart = text.slice(0, bar);
  const userId = text.slice(bar + 1);
  if (
    bar < 0 ||
    !isLocalDate(weekStart) ||
    userId.length === 0 ||
    encodeWeekCursor({ weekStart, userId }) !== cursor
  ) {
    throw new BadUserInputError('after is not a valid cursor', 'after');
  }
  return { weekStart, userId };
}
