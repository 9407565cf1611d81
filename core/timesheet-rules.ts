import { addDays, isLocalDate, toLocalDate } from './dates';
import { hasControlCharacter, hasControlCharacterInText } from './text';

/** Hours are stored and summed in hundredths, so that totals are exact. */
export const HOURS_SCALE = 100;
export const MAX_HOURS_PER_DAY = 24;
export const MAX_PROJECT_LENGTH = 100;
export const MAX_NOTES_LENGTH = 1000;
export const MAX_REASON_LENGTH = 1000;
export const MAX_KEY_LENGTH = 100;
/** How many entries one upload (`uploadTimesheets`) may carry. */
export const MAX_UPLOAD_ENTRIES = 500;

/** The fields of an entry as a person or a process types them. */
export interface EntryInput {
  date: string;
  project: string;
  hours: number;
  notes?: string | null;
}

/** An entry that passed the rules, normalised for storage. */
export interface ValidEntry {
  date: string;
  project: string;
  /** Hours in hundredths (7.5 h is 750). */
  hundredths: number;
  notes: string | null;
}

/** One broken rule: the input field at fault and a sentence a person understands. */
export interface RuleViolation {
  field: 'date' | 'project' | 'hours' | 'notes' | 'reason' | 'idempotencyKey' | 'externalId';
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; violations: RuleViolation[] };

/** The number of characters a person sees (code points, so an emoji counts once). */
function charCount(text: string): number {
  return [...text].length;
}

/** Converts hours to hundredths, or null when `hours` has more than two decimals. */
export function toHundredths(hours: number): number | null {
  const scaled = hours * HOURS_SCALE;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : null;
}

export function fromHundredths(hundredths: number): number {
  return hundredths / HOURS_SCALE;
}

/** The latest date an entry may have: tomorrow (UTC), which leaves room for every time zone. */
export function latestEntryDate(now: Date): string {
  return addDays(toLocalDate(now), 1);
}

function checkDate(date: string, now: Date): RuleViolation | null {
  if (!isLocalDate(date)) {
    return {
      field: 'date',
      message: `date must be a real calendar date (YYYY-MM-DD), got "${date}"`,
    };
  }
  const latest = latestEntryDate(now);
  if (date > latest) {
    return { field: 'date', message: `date must not be later than tomorrow (${latest})` };
  }
  return null;
}

function checkHours(hours: number): RuleViolation | null {
  if (!Number.isFinite(hours) || hours <= 0) {
    return { field: 'hours', message: 'hours must be more than 0' };
  }
  if (hours > MAX_HOURS_PER_DAY) {
    return { field: 'hours', message: `hours must be at most ${MAX_HOURS_PER_DAY}` };
  }
  if (toHundredths(hours) === null) {
    return { field: 'hours', message: 'hours must have at most two decimals' };
  }
  return null;
}

function checkProject(project: string): RuleViolation | null {
  const length = charCount(project.trim());
  if (length === 0) return { field: 'project', message: 'project must not be empty' };
  if (hasControlCharacter(project)) {
    return { field: 'project', message: 'project must not contain control characters' };
  }
  if (length > MAX_PROJECT_LENGTH) {
    return {
      field: 'project',
      message: `project must be at most ${MAX_PROJECT_LENGTH} characters (got ${length})`,
    };
  }
  return null;
}

function checkNotes(notes: string | null | undefined): RuleViolation | null {
  if (notes == null) return null;
  if (hasControlCharacterInText(notes)) {
    return {
      field: 'notes',
      message: 'notes must not contain control characters other than tabs and line breaks',
    };
  }
  const length = charCount(notes);
  if (length > MAX_NOTES_LENGTH) {
    return {
      field: 'notes',
      message: `notes must be at most ${MAX_NOTES_LENGTH} characters (got ${length})`,
    };
  }
  return null;
}

/**
 * Checks an entry against the rules every client and the server share, and normalises it:
 * the project is trimmed, blank notes become null, hours become hundredths.
 * The daily total (at most 24 hours per person and day) needs the stored entries: see
 * {@link checkDailyTotal}.
 */
export function validateEntry(input: EntryInput, now: Date = new Date()): Validation<ValidEntry> {
  const violations = [
    checkDate(input.date, now),
    checkProject(input.project),
    checkHours(input.hours),
    checkNotes(input.notes),
  ].filter((v): v is RuleViolation => v !== null);
  if (violations.length > 0) return { ok: false, violations };
  const notes = input.notes?.trim() ? input.notes : null;
  return {
    ok: true,
    value: {
      date: input.date,
      project: input.project.trim(),
      hundredths: toHundredths(input.hours) as number,
      notes,
    },
  };
}

/**
 * Checks that adding `hundredths` to a day that already holds `existingHundredths` keeps the
 * person's day at or under 24 hours.
 */
export function checkDailyTotal(
  existingHundredths: number,
  hundredths: number,
  date: string,
): RuleViolation | null {
  const limit = MAX_HOURS_PER_DAY * HOURS_SCALE;
  if (existingHundredths + hundredths <= limit) return null;
  const left = Math.max(0, limit - existingHundredths) / HOURS_SCALE;
  return {
    field: 'hours',
    message: `hours on ${date} would add up to more than ${MAX_HOURS_PER_DAY} (at most ${left} more can be logged that day)`,
  };
}

/** Checks a manager's reason for rejecting an entry. */
export function validateReason(reason: string): Validation<string> {
  const trimmed = reason.trim();
  const length = charCount(trimmed);
  if (length === 0) {
    return { ok: false, violations: [{ field: 'reason', message: 'reason must not be empty' }] };
  }
  if (hasControlCharacterInText(trimmed)) {
    return {
      ok: false,
      violations: [
        {
          field: 'reason',
          message: 'reason must not contain control characters other than tabs and line breaks',
        },
      ],
    };
  }
  if (length > MAX_REASON_LENGTH) {
    return {
      ok: false,
      violations: [
        { field: 'reason', message: `reason must be at most ${MAX_REASON_LENGTH} characters` },
      ],
    };
  }
  return { ok: true, value: trimmed };
}

/** Checks a client-chosen key (idempotency key or external id): 1 to 100 characters. */
export function checkKey(
  field: 'idempotencyKey' | 'externalId',
  key: string,
): RuleViolation | null {
  const length = charCount(key);
  if (length === 0 || length > MAX_KEY_LENGTH || key.trim() !== key || hasControlCharacter(key)) {
    return {
      field,
      message: `${field} must be 1 to ${MAX_KEY_LENGTH} characters without surrounding spaces or control characters`,
    };
  }
  return null;
}
