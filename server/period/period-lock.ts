import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ConflictError } from '../errors';
import { findClosedThrough } from './period.repository';

/**
 * The lock key of the payroll period. Every write of something dated holds it shared (see
 * `WriteOptions.shared`), and closing or reopening the period holds it alone, so that a write
 * that read the period open commits before the close does, or runs after it and sees it closed.
 */
export const PERIOD_KEY = 'period';

/** The write options of a dated write: the period lock, shared. */
export const DATED_WRITE = { shared: [PERIOD_KEY] } as const;

/** CONFLICT naming the close date: nothing on or before it can change. */
export function closedConflict(date: string, closedThrough: string): ConflictError {
  return new ConflictError(
    `${date} is in a closed period: nothing on or before ${closedThrough} can change`,
    { extensions: { closedThrough } },
  );
}

/**
 * Inside a dated write (holding the period lock shared): throws CONFLICT when one of `dates` is
 * on or before the close date. Answers the close date for writes that judge several items.
 */
export async function assertOpen(
  trx: Kysely<Database>,
  dates: readonly string[],
): Promise<string | null> {
  const closedThrough = await findClosedThrough(trx);
  if (closedThrough === null) return null;
  const closed = [...dates].sort().find((date) => date <= closedThrough);
  if (closed !== undefined) throw closedConflict(closed, closedThrough);
  return closedThrough;
}
