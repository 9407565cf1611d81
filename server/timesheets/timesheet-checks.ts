import type { Kysely } from 'kysely';
import { MAX_PAGE_SIZE, type RuleViolation, type Validation } from '../../core';
import type { Database } from '../db/schema';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors';

/** What every part of the timesheets service works with: the database and the clock. */
export interface ServiceContext {
  db: Kysely<Database>;
  now: () => Date;
}

export const badInput = ({ message, field }: RuleViolation) =>
  new BadUserInputError(message, field);

export const notFound = (id: string) => new NotFoundError(`Timesheet ${id} not found`);

/** The entry moved on since the client read it; `currentVersion` lets it reload and retry. */
export const versionConflict = (id: string, expected: number, current: number) =>
  new ConflictError(
    `Timesheet ${id} is at version ${current}, not ${expected}: it changed since you read it`,
    { extensions: { currentVersion: current } },
  );

export const lockedConflict = (id: string) =>
  new ConflictError(`Timesheet ${id} is approved and locked`);

export function validOrThrow<T>(validation: Validation<T>): T {
  if (!validation.ok) throw badInput(validation.violations[0]);
  return validation.value;
}

export function checkFirst(first: number, max: number = MAX_PAGE_SIZE): void {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new BadUserInputError(`first must be between 1 and ${max}`, 'first');
  }
}
