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
 * A write transaction kept colliding with concurrent ones and was not committed: nothing of it
 * was written, and running it again later may succeed. The API answers it CONFLICT.
 */
export class WriteConflictError extends Error {
  constructor(options: { cause: unknown }) {
    super('The change collided with concurrent changes and was not saved; try again', options);
    this.name = 'WriteConflictError';
  }
}
