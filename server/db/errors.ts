/** Recognises database errors the services handle, on SQLite (better-sqlite3) and PostgreSQL (pg). */

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** A unique index refused a row (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  const code = errorCode(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** PostgreSQL ended the transaction to keep it consistent: serialization failure or deadlock. */
export function isSerializationFailure(error: unknown): boolean {
  const code = errorCode(error);
  return code === '40001' || code === '40P01';
}

/**
 * The transaction lost a race and may simply be run again: a unique violation, a PostgreSQL
 * deadlock (40P01) or serialization failure (40001).
 */
export function isRetryableConflict(error: unknown): boolean {
  return isUniqueViolation(error) || isSerializationFailure(error);
}
