import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describeApiError } from '../apollo/api-errors';
import {
  checkDraft,
  draftFromEntry,
  loggedBesides,
  parseHours,
  problemToFieldErrors,
  toUpdateInput,
} from './entry-draft';
import type { EntryDraft } from './entry-draft';

const NOW = new Date('2026-11-25T12:00:00Z');
const draft = (patch: Partial<EntryDraft> = {}): EntryDraft => ({
  date: '2026-11-24',
  project: ' Apollo ',
  hours: '7.5',
  notes: '',
  idempotencyKey: 'key-1',
  ...patch,
});

describe('checkDraft', () => {
  it('turns a good draft into the API input with the shared normalisation', () => {
    expect(checkDraft(draft(), 0, NOW)).toEqual({
      ok: true,
      input: {
        date: '2026-11-24',
        project: 'Apollo',
        hours: 7.5,
        notes: null,
        idempotencyKey: 'key-1',
      },
    });
  });

  it('puts each broken rule on its field, in words', () => {
    const result = checkDraft(draft({ date: '2026-12-31', project: '  ', hours: '0' }), 0, NOW);
    expect(result).toEqual({
      ok: false,
      errors: {
        date: 'Date must not be later than tomorrow (2026-11-26).',
        project: 'Project must not be empty.',
        hours: 'Hours must be more than 0.',
      },
    });
  });

  it('refuses hours with more than two decimals', () => {
    expect(checkDraft(draft({ hours: '1.234' }), 0, NOW)).toEqual({
      ok: false,
      errors: { hours: 'Hours must have at most two decimals.' },
    });
  });

  it('checks the daily limit against the hours already logged that day', () => {
    expect(checkDraft(draft({ hours: '5' }), 2000, NOW)).toEqual({
      ok: false,
      errors: {
        hours:
          'Hours on 2026-11-24 would add up to more than 24 (at most 4 more can be logged that day).',
      },
    });
    expect(checkDraft(draft({ hours: '5' }), null, NOW).ok).toBe(true);
  });
});

describe('parseHours', () => {
  it('accepts a decimal comma', () => {
    expect(parseHours('7,25')).toBe(7.25);
    expect(parseHours('')).toBeNaN();
    expect(parseHours('7h')).toBeNaN();
  });
});

describe('problemToFieldErrors', () => {
  const badInput = new CombinedGraphQLErrors({
    errors: [
      {
        message: 'hours must be at most 24',
        extensions: { code: 'BAD_USER_INPUT', field: 'hours' },
      },
    ],
  });

  it('maps BAD_USER_INPUT to the field the API names', () => {
    const problem = describeApiError(badInput);
    expect(problem).toEqual({
      kind: 'badInput',
      message: 'hours must be at most 24',
      field: 'hours',
    });
    expect(problemToFieldErrors(problem)).toEqual({
      errors: { hours: 'Hours must be at most 24.' },
      formError: null,
    });
  });

  it('maps CONFLICT to the form, not a field', () => {
    const conflict = new CombinedGraphQLErrors({
      errors: [{ message: 'entry is approved and locked', extensions: { code: 'CONFLICT' } }],
    });
    expect(problemToFieldErrors(describeApiError(conflict))).toEqual({
      errors: {},
      formError: 'Entry is approved and locked.',
    });
  });
});

describe('editing an entry', () => {
  const stored = { date: '2026-11-24', project: 'Apollo', hours: 6, notes: null };

  it('starts the draft from the stored entry', () => {
    expect(draftFromEntry(stored)).toEqual({
      date: '2026-11-24',
      project: 'Apollo',
      hours: '6',
      notes: '',
      idempotencyKey: '',
    });
  });

  it('counts the day without the entry being edited, but fully on another day', () => {
    expect(loggedBesides(stored, '2026-11-24', 2000)).toBe(1400);
    expect(loggedBesides(stored, '2026-11-23', 2000)).toBe(2000);
    expect(loggedBesides(stored, '2026-11-24', null)).toBeNull();
  });

  it('lets an entry grow up to the daily limit on its own day', () => {
    const draft = { ...draftFromEntry(stored), hours: '10' };
    const logged = loggedBesides(stored, draft.date, 2000);
    expect(checkDraft(draft, logged, NOW).ok).toBe(true);
    const tooMuch = checkDraft({ ...draft, hours: '10.01' }, logged, NOW);
    expect(tooMuch.ok).toBe(false);
  });

  it('sends every field of a changed entry, clearing notes with an empty string', () => {
    const checked = checkDraft({ ...draftFromEntry(stored), hours: '8' }, 0, NOW);
    if (!checked.ok) throw new Error('expected a valid draft');
    expect(toUpdateInput(checked.input, stored)).toEqual({
      date: '2026-11-24',
      project: 'Apollo',
      hours: 8,
      notes: '',
    });
  });

  it('answers null when nothing changed', () => {
    const checked = checkDraft(draftFromEntry(stored), 0, NOW);
    if (!checked.ok) throw new Error('expected a valid draft');
    expect(toUpdateInput(checked.input, stored)).toBeNull();
  });
});
