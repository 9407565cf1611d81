/** Rules of the people directory, shared by the API and the clients that feed it. */
import { hasControlCharacter } from './text';

export const MAX_PERSON_ID_LENGTH = 200;
export const MAX_PERSON_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 320;
export const MAX_TEAM_LENGTH = 100;
/** How many people one `upsertPeople` call may carry. */
export const MAX_PEOPLE_PER_CALL = 500;

/** A person as the automated process sends them; null clears a field. */
export interface PersonInput {
  id: string;
  name?: string | null;
  email?: string | null;
  team?: string | null;
}

/** A person that passed the rules: trimmed, blanks as null. */
export interface ValidPerson {
  id: string;
  name: string | null;
  email: string | null;
  team: string | null;
}

/** One broken rule of a person. */
export interface PersonViolation {
  field: 'id' | 'name' | 'email' | 'team';
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

/** Checks a person for the directory and normalises it. */
export function validatePerson(input: PersonInput): PersonValidation {
  const id = input.id.trim();
  const idProblem = checkPersonId(input.id);
  const person = {
    id,
    name: blankToNull(input.name),
    email: blankToNull(input.email),
    team: blankToNull(input.team),
  };
  const violation =
    (idProblem ? { field: 'id' as const, message: `id ${idProblem}` } : null) ??
    checkText('name', person.name, MAX_PERSON_NAME_LENGTH) ??
    checkText('email', person.email, MAX_EMAIL_LENGTH) ??
    (person.email !== null && !EMAIL.test(person.email)
      ? { field: 'email' as const, message: `email "${person.email}" is not an email address` }
      : null) ??
    checkText('team', person.team, MAX_TEAM_LENGTH);
  return violation ? { ok: false, violation } : { ok: true, value: person };
}

/** What to show for a person: the name, else the email, else the id. */
export function displayName(person: {
  id: string;
  name?: string | null;
  email?: string | null;
}): string {
  return person.name ?? person.email ?? person.id;
}
