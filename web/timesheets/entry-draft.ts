import { checkDailyTotal, fromHundredths, toHundredths, validateEntry } from '../../core';
import type { ApiProblem } from '../apollo/api-errors';

/** The add-entry form as typed. Kept in sessionStorage so a sign-in redirect does not lose it. */
export interface EntryDraft {
  date: string;
  project: string;
  hours: string;
  notes: string;
  /** Chosen once per draft, so a retried submit creates the entry only once. */
  idempotencyKey: string;
}

export type EntryField = 'date' | 'project' | 'hours' | 'notes';
/** The form's fields in the order they appear (the first invalid one gets the focus). */
export const ENTRY_FIELDS: readonly EntryField[] = ['date', 'project', 'hours', 'notes'];
export type FieldErrors = Partial<Record<EntryField, string>>;

export interface CreateInput {
  date: string;
  project: string;
  hours: number;
  notes: string | null;
  idempotencyKey: string;
}

/** An entry as stored, which the edit form starts from. */
export interface StoredEntry {
  date: string;
  project: string;
  hours: number;
  notes?: string | null;
}

/** The changes of an edit: every field, so a resubmission says what it stands for. */
export interface UpdateInput {
  date: string;
  project: string;
  hours: number;
  /** An empty string clears the notes. */
  notes: string;
}

const DRAFT_KEY = 'timesheets.entry-draft';

/** A new random key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

export function emptyDraft(date: string): EntryDraft {
  return { date, project: '', hours: '', notes: '', idempotencyKey: newIdempotencyKey() };
}

/** The edit form's starting point: the entry as stored (edits need no idempotency key). */
export function draftFromEntry(entry: StoredEntry): EntryDraft {
  return {
    date: entry.date,
    project: entry.project,
    hours: String(entry.hours),
    notes: entry.notes ?? '',
    idempotencyKey: '',
  };
}

/**
 * What a day holds besides the entry being edited: its old hours are replaced, not added, when
 * it stays on that day. Null when the day's total is not known.
 */
export function loggedBesides(
  entry: StoredEntry,
  date: string,
  loggedThatDay: number | null,
): number | null {
  if (loggedThatDay === null || date !== entry.date) return loggedThatDay;
  return Math.max(0, loggedThatDay - (toHundredths(entry.hours) ?? 0));
}

/** The update for a checked edit, or null when it changes nothing. */
export function toUpdateInput(input: CreateInput, entry: StoredEntry): UpdateInput | null {
  const update = {
    date: input.date,
    project: input.project,
    hours: input.hours,
    notes: input.notes ?? '',
  };
  const unchanged =
    update.date === entry.date &&
    update.project === entry.project &&
    update.hours === entry.hours &&
    update.notes === (entry.notes ?? '');
  return unchanged ? null : update;
}

/** Reads hours as people type them: "7.5", "7,5". Empty or unreadable gives NaN. */
export function parseHours(text: string): number {
  const normalized = text.trim().replace(',', '.');
  return normalized === '' || !/^\d*\.?\d*$/.test(normalized) ? Number.NaN : Number(normalized);
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1) + (message.endsWith('.') ? '' : '.');
}

/**
 * Checks a draft with the shared entry rules (core validateEntry) and, when the day's logged
 * hundredths are known, the 24-hour daily limit. Answers the API input or errors per field.
 */
export function checkDraft(
  draft: EntryDraft,
  loggedThatDay: number | null,
  now: Date = new Date(),
): { ok: true; input: CreateInput } | { ok: false; errors: FieldErrors } {
  const result = validateEntry(
    {
      date: draft.date,
      project: draft.project,
      hours: parseHours(draft.hours),
      notes: draft.notes,
    },
    now,
  );
  if (!result.ok) {
    const errors: FieldErrors = {};
    for (const violation of result.violations) {
      const field = violation.field as EntryField;
      errors[field] ??= sentence(violation.message);
    }
    return { ok: false, errors };
  }
  const { value } = result;
  const overLimit =
    loggedThatDay === null ? null : checkDailyTotal(loggedThatDay, value.hundredths, value.date);
  if (overLimit) return { ok: false, errors: { hours: sentence(overLimit.message) } };
  return {
    ok: true,
    input: {
      date: value.date,
      project: value.project,
      hours: fromHundredths(value.hundredths),
      notes: value.notes,
      idempotencyKey: draft.idempotencyKey,
    },
  };
}

/** Puts the API's BAD_USER_INPUT on the field it names (extensions.field), else on the form. */
export function problemToFieldErrors(problem: ApiProblem): {
  errors: FieldErrors;
  formError: string | null;
} {
  if (
    problem.kind === 'badInput' &&
    problem.field &&
    ENTRY_FIELDS.includes(problem.field as EntryField)
  ) {
    return {
      errors: { [problem.field as EntryField]: sentence(problem.message) },
      formError: null,
    };
  }
  return { errors: {}, formError: sentence(problem.message) };
}

export function loadDraft(storage: Pick<Storage, 'getItem'> | null): EntryDraft | null {
  try {
    const raw = storage?.getItem(DRAFT_KEY);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<EntryDraft>;
    const keys = [...ENTRY_FIELDS, 'idempotencyKey'] as const;
    return keys.every((key) => typeof draft[key] === 'string') ? (draft as EntryDraft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(storage: Pick<Storage, 'setItem'> | null, draft: EntryDraft): void {
  try {
    storage?.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the draft then lives only in the page.
  }
}

export function clearDraft(storage: Pick<Storage, 'removeItem'> | null): void {
  storage?.removeItem(DRAFT_KEY);
}
