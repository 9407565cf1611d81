/** Rules of the people directory, shared by the API and the clients that feed it. */
import { isLocalDate } from './dates';
import { hasControlCharacter } from './text';
import { fromHundredths, toHundredths } from './timesheet-rules';
import { checkSchedule } from './work-week';

export const MAX_PERSON_ID_LENGTH = 200;
export const MAX_PERSON_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 320;
export const MAX_TEAM_LENGTH = 100;
/** How many people one `upsertPeople` call may carry. */
export const MAX_PEOPLE_PER_CALL = 500;

/**
 * A person as the automated process sends them; null or absent clears a field (a schedule of null
 * is the company default).
 */
export interface PersonInput {
  id: string;
  name?: string | null;
  email?: string | null;
  team?: string | null;
  /** Hours per weekday, Monday first (7 values, see `checkSchedule`). */
  schedule?: readonly number[] | null;
  /** First and last day of employment, inclusive, `YYYY-MM-DD`. */
  employedFrom?: string | null;
  employedUntil?: string | null;
}

/** A person that passed the rules: trimmed, blanks as null. */
export interface ValidPerson {
  id: string;
  name: string | null;
  email: string | null;
  team: string | null;
  schedule: number[] | null;
  employedFrom: string | null;
  employedUntil: string | null;
}

/** One broken rule of a person. */
export interface PersonViolation {
  field: 'id' | 'name' | 'email' | 'team' | 'schedule' | 'employedFrom' | 'employedUntil';
  message: string;
}

export type PersonValidation =
  { ok: true; value: ValidPerson } | { ok: false; violation: PersonViolation };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}

/** A text field of a person: no control characters, at most `max` characters. */
function checkText(field: PersonViolation['field'], value: string | null, max: number) {
  if (value !== null && hasControlCharacter(value)) {
    return { field, message: `${field} must not contain control characters` };
  }
  return value !== null && [...value].length > max
    ? { field, message: `${field} must be at most ${max} characters` }
    : null;
}

/** Checks a person's id (the `sub` of their tokens): 1 to 200 characters, nothing around it. */
export function checkPersonId(id: string): string | null {
  if (id.trim().length === 0 || id.trim() !== id) {
    return 'must not be empty or have surrounding spaces';
  }
  if (hasControlCharacter(id)) return 'must not contain control characters';
  if ([...id].length > MAX_PERSON_ID_LENGTH) {
    return `must be at most ${MAX_PERSON_ID_LENGTH} characters`;
  }
  return null;
}

/** A day of employment: a real `YYYY-MM-DD` date. */
function checkDate(field: 'employedFrom' | 'employedUntil', value: string | null) {
  return value !== null && !isLocalDate(value)
    ? { field, message: `${field} "${value}" is not a real YYYY-MM-DD date` }
    : null;
}

/** The schedule, employment dates and their order: the HR facts behind expected hours. */
function checkWorkTerms(person: ValidPerson): PersonViolation | null {
  const problem = person.schedule === null ? null : checkSchedule(person.schedule);
  if (problem !== null) return { field: 'schedule', message: problem };
  const badDate =
    checkDate('employedFrom', person.employedFrom) ??
    checkDate('employedUntil', person.employedUntil);
  if (badDate) return badDate;
  const { employedFrom: from, employedUntil: until } = person;
  return from !== null && until !== null && until < from
    ? { field: 'employedUntil', message: `employedUntil ${until} is before employedFrom ${from}` }
    : null;
}

/** Checks a person for the directory and normalises it. */
export function validatePerson(input: PersonInput): PersonValidation {
  const id = input.id.trim();
  const idProblem = checkPersonId(input.id);
  const person: ValidPerson = {
    id,
    name: blankToNull(input.name),
    email: blankToNull(input.email),
    team: blankToNull(input.team),
    schedule: input.schedule ? [...input.schedule] : null,
    employedFrom: input.employedFrom ?? null,
    employedUntil: input.employedUntil ?? null,
  };
  const violation =
    (idProblem ? { field: 'id' as const, message: `id ${idProblem}` } : null) ??
    checkText('name', person.name, MAX_PERSON_NAME_LENGTH) ??
    checkText('email', person.email, MAX_EMAIL_LENGTH) ??
    (person.email !== null && !EMAIL.test(person.email)
      ? { field: 'email' as const, message: `email "${person.email}" is not an email address` }
      : null) ??
    checkText('team', person.team, MAX_TEAM_LENGTH) ??
    checkWorkTerms(person);
  if (violation) return { ok: false, violation };
  // Hours as the store keeps them: exactly hundredths (7.3, not 7.300000000000001), -0 as 0.
  const schedule = person.schedule?.map((hours) =>
    fromHundredths(Math.abs(toHundredths(hours) ?? 0)),
  );
  return { ok: true, value: { ...person, schedule: schedule ?? null } };
}

/** What to show for a person: the name, else the email, else the id. */
export function displayName(person: {
  id: string;
  name?: string | null;
  email?: string | null;
}): string {
  return person.name ?? person.email ?? person.id;
}
