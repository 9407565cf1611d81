import type { WorkTerms } from '../../core';
import type { PersonRow } from './person.table';

type TermsColumns = Pick<PersonRow, 'schedule' | 'employed_from' | 'employed_until'>;

/** The schedule stored as JSON text, or null (the company default) when absent or unreadable. */
export function parseSchedule(text: string | null): number[] | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((hours) => typeof hours === 'number')
      ? (value)
      : null;
  } catch {
    return null;
  }
}

/** What decides a person's expected hours, from their directory row (absent: the defaults). */
export function workTermsOf(row: TermsColumns | undefined): WorkTerms {
  return {
    schedule: parseSchedule(row?.schedule ?? null),
    employedFrom: row?.employed_from ?? null,
    employedUntil: row?.employed_until ?? null,
  };
}
