'use client';

import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent, ReactNode } from 'react';
import {
  latestEntryDate,
  MAX_HOURS_PER_DAY,
  MAX_NOTES_LENGTH,
  startOfWeek,
  toHundredths,
} from '../../core';
import { describeApiError } from '../apollo/api-errors';
import { ErrorPanel } from '../components/error-panel';
import { graphql } from '../gql';
import { formatLongDay } from '../lib/format';
import {
  checkDraft,
  clearDraft,
  emptyDraft,
  ENTRY_FIELDS,
  loadDraft,
  newIdempotencyKey,
  problemToFieldErrors,
  saveDraft,
} from './entry-draft';
import type { EntryDraft, EntryField, FieldErrors } from './entry-draft';
import { WEEK_ENTRIES, weekVariables } from './week-entries';

const PROJECTS = graphql(`
  query Projects {
    projects(first: 50)
  }
`);

const CREATE_TIMESHEET = graphql(`
  mutation CreateTimesheet($input: CreateTimesheetInput!) {
    createTimesheet(input: $input) {
      id
      date
      project
      hours
      notes
      status
    }
  }
`);

type FieldElement = HTMLInputElement | HTMLTextAreaElement;

function sessionStore(): Storage | null {
  return typeof window === 'undefined' ? null : window.sessionStorage;
}

function isUntouched(draft: EntryDraft): boolean {
  return draft.project === '' && draft.hours === '' && draft.notes === '';
}

/** A labelled field of the entry form, with its error (if any) below the control. */
function Field({
  field,
  label,
  error,
  size,
  children,
}: {
  field: EntryField;
  label: ReactNode;
  error: string | undefined;
  size?: 'narrow' | 'wide';
  children: ReactNode;
}) {
  return (
    <div className={size ? `field field-${size}` : 'field'}>
      <label htmlFor={`entry-${field}`}>{label}</label>
      {children}
      {error && (
        <p id={`entry-${field}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Add an entry: checked with the shared rules before sending, the API's answer mapped back. */
export function EntryForm({ defaultDate }: { defaultDate: string }) {
  const client = useApolloClient();
  const [draft, setDraft] = useState<EntryDraft>(
    () => loadDraft(sessionStore()) ?? emptyDraft(defaultDate),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submitting = useRef(false);
  const fields = useRef<Partial<Record<EntryField, FieldElement | null>>>({});
  const projects = useQuery(PROJECTS);
  const [createTimesheet, { loading }] = useMutation(CREATE_TIMESHEET, {
    refetchQueries: ['WeekEntries', 'MyEntries', 'Projects'],
    awaitRefetchQueries: false,
  });

  useEffect(() => {
    setDraft((current) => (isUntouched(current) ? { ...current, date: defaultDate } : current));
  }, [defaultDate]);

  useEffect(() => {
    saveDraft(sessionStore(), draft);
  }, [draft]);

  function change(field: EntryField, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    setSaved(null);
  }

  function loggedOn(date: string): number | null {
    const week = client.readQuery({
      query: WEEK_ENTRIES,
      variables: weekVariables(startOfWeek(date)),
    });
    if (!week || week.timesheets.pageInfo.hasNextPage) return null;
    return week.timesheets.edges
      .filter((edge) => edge.node.date === date)
      .reduce((sum, edge) => sum + (toHundredths(edge.node.hours) ?? 0), 0);
  }

  function showErrors(found: FieldErrors) {
    setErrors(found);
    const first = ENTRY_FIELDS.find((field) => found[field]);
    if (first) fields.current[first]?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting.current) return;
    setFormError(null);
    setFormMessage(null);
    setSaved(null);
    const checked = checkDraft(draft, loggedOn(draft.date));
    if (!checked.ok) {
      showErrors(checked.errors);
      return;
    }
    submitting.current = true;
    try {
      const result = await createTimesheet({ variables: { input: checked.input } });
      const entry = result.data?.createTimesheet;
      clearDraft(sessionStore());
      setDraft(emptyDraft(draft.date));
      setErrors({});
      setSaved(
        entry
          ? `Added ${entry.hours} h on ${entry.project}, ${formatLongDay(entry.date)}.`
          : 'Entry added.',
      );
    } catch (error) {
      const problem = describeApiError(error);
      if (problem.kind === 'badInput' || problem.kind === 'conflict') {
        const mapped = problemToFieldErrors(problem);
        showErrors(mapped.errors);
        setFormMessage(mapped.formError);
        // The entry was not written: a corrected try may use a new key.
        setDraft((current) => ({ ...current, idempotencyKey: newIdempotencyKey() }));
      } else {
        // Unauthenticated, forbidden or offline: keep the draft and its key for the retry.
        setFormError(error);
      }
    } finally {
      submitting.current = false;
    }
  }

  /** What every control shares: id, value, change handler, focus ref and error wiring. */
  const control = (field: EntryField, hint?: string) => ({
    id: `entry-${field}`,
    ref: (element: FieldElement | null) => {
      fields.current[field] = element;
    },
    value: draft[field],
    onChange: (event: ChangeEvent<FieldElement>) => change(field, event.target.value),
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby':
      [errors[field] ? `entry-${field}-error` : null, hint].filter(Boolean).join(' ') || undefined,
  });

  return (
    <section aria-labelledby="entry-form-title" className="panel">
      <h2 id="entry-form-title">Add an entry</h2>
      <form onSubmit={(event) => void submit(event)} noValidate className="entry-form">
        <Field field="date" label="Date" error={errors.date}>
          <input {...control('date')} type="date" required max={latestEntryDate(new Date())} />
        </Field>
        <Field field="project" label="Project" error={errors.project}>
          <input
            {...control('project')}
            type="text"
            required
            autoComplete="off"
            list="entry-project-suggestions"
          />
          <datalist id="entry-project-suggestions">
            {(projects.data?.projects ?? []).map((project) => (
              <option key={project} value={project} />
            ))}
          </datalist>
        </Field>
        <Field field="hours" label="Hours" error={errors.hours} size="narrow">
          <input
            {...control('hours', 'entry-hours-hint')}
            type="text"
            inputMode="decimal"
            required
            autoComplete="off"
          />
          <p id="entry-hours-hint" className="hint">
            e.g. 7.5 (at most {MAX_HOURS_PER_DAY} a day)
          </p>
        </Field>
        <Field
          field="notes"
          label={
            <>
              Notes <span className="optional">(optional)</span>
            </>
          }
          error={errors.notes}
          size="wide"
        >
          {/* maxLength counts UTF-16 units, the rule counts characters: an emoji is two units. */}
          <textarea {...control('notes')} rows={2} maxLength={MAX_NOTES_LENGTH * 2} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={loading} aria-busy={loading}>
            {loading ? (
              <>
                <span className="spinner" aria-hidden="true" /> Adding…
              </>
            ) : (
              'Add entry'
            )}
          </button>
        </div>
      </form>
      <div role="status" className="form-status">
        {saved}
      </div>
      {formMessage && (
        <p className="error-text" role="alert">
          {formMessage}
        </p>
      )}
      {formError !== null && <ErrorPanel error={formError} title="The entry was not added" />}
    </section>
  );
}
