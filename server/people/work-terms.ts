import { checkSchedule, type WorkTerms } from '../../core';
import type { PersonRow } from './person.table';

type TermsColumns = Pick<PersonRow, 'schedule' | 'employed_from' | 'employed_until'>;

/**
 * The schedule stored as JSON text, or null (the company default) when absent or unreadable: only
 * a schedule the rules accept (7 numbers, 0 to 24 hours) is taken.
 */
export function parseSchedule(text: string | null): number[] | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || !value.every((hours) => typeof hours === 'number')) return null;
  const schedule: number[] = value;
  return checkSchedule(schedule) === null ? schedule : null;
}

/** What decides a person's expected hours, from their directory row (absent: the defaults). */
export function workTermsOf(row: TermsColumns | undefined): WorkTerms {
  return {
    schedule: parseSchedule(row?.schedule ?? null),
    employedFrom: row?.employed_from ?? null,
    employedUntil: row?.employed_until ?? null,
  };
}

/** A person's work terms as the `people` table stores them (the schedule as JSON text). */
export function termsColumnsOf(terms: WorkTerms): TermsColumns {
  return {
    schedule: terms.schedule === null ? null : JSON.stringify(terms.schedule),
    employed_from: terms.employedFrom,
    employed_until: terms.employedUntil,
  };
}

/** Whether a stored row already holds these work terms. */
export function holdsWorkTerms(row: TermsColumns, terms: WorkTerms): boolean {
  const stored = termsColumnsOf(workTermsOf(row));
  const sent = termsColumnsOf(terms);
  return (
    stored.schedule === sent.schedule &&
    stored.employed_from === sent.employed_from &&
    stored.employed_until === sent.employed_until
  );
}
