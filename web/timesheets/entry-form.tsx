'use client';

import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { addDays, latestEntryDate, MAX_NOTES_LENGTH, startOfWeek, toHundredths } from '../../core';
import { describeApiError } from '../apollo/api-errors';
import { ErrorPanel } from '../components/error-panel';
import { graphql } from '../gql';
import { formatLongDay } from '../lib/format';
import {
  checkDraft,
  clearDraft,
  emptyDraft,
  loadDraft,
  newIdempotencyKey,
  problemToFieldErrors,
  saveDraft,
} from './entry-draft';
import type { EntryDraft, EntryField, FieldErrors } from './entry-draft';
import { WEEK_ENTRIES } from './week-view';

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

const FIELD_ORDER: readonly EntryField[] = ['date', 'project', 'hours', 'notes'];

function sessionStore(): Storage | null {
  return typeof window === 'undefined' ? null : window.sessionStorage;
}

function isUntouched(draft: EntryDraft): boolean {
  return draft.project === '' && draft.hours === '' && draft.notes === '';
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
  const fields = useRef<Partial<Record<EntryField, HTMLInputElement | HTMLTextAreaElement | null>>>(
    {},
  );
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
    const monday = startOfWeek(date);
    const week = client.readQuery({
      query: WEEK_ENTRIES,
      variables: { from: monday, to: addDays(monday, 6) },
    });
    if (!week || week.timesheets.pageInfo.hasNextPage) return null;
    return week.timesheets.edges
      .filter((edge) => edge.node.date === date)
      .reduce((sum, edge) => sum + (toHundredths(edge.node.hours) ?? 0), 0);
  }

  function showErrors(found: FieldErrors) {
    setErrors(found);
    const first = FIELD_ORDER.find((field) => found[field]);
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
      setDraft({ ...emptyDraft(draft.date), project: '' });
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

  const described = (field: EntryField, hint?: string) =>
    [errors[field] ? `entry-${field}-error` : null, hint].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: EntryField) =>
    errors[field] ? (
      <p id={`entry-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <section aria-labelledby="entry-form-title" className="panel">
      <h2 id="entry-form-title">Add an entry</h2>
      <form onSubmit={(event) => void submit(event)} noValidate className="entry-form">
        <div className="field">
          <label htmlFor="entry-date">Date</label>
          <input
            id="entry-date"
            ref={(element) => {
              fields.current.date = element;
            }}
            type="date"
            required
            max={latestEntryDate(new Date())}
            value={draft.date}
            onChange={(event) => change('date', event.target.value)}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={described('date')}
          />
          {fieldError('date')}
        </div>
        <div className="field">
          <label htmlFor="entry-project">Project</label>
          <input
            id="entry-project"
            ref={(element) => {
              fields.current.project = element;
            }}
            type="text"
            required
            autoComplete="off"
            list="entry-project-suggestions"
            value={draft.project}
            onChange={(event) => change('project', event.target.value)}
            aria-invalid={errors.project ? true : undefined}
            aria-describedby={described('project')}
          />
          <datalist id="entry-project-suggestions">
            {(projects.data?.projects ?? []).map((project) => (
              <option key={project} value={project} />
            ))}
          </datalist>
          {fieldError('project')}
        </div>
        <div className="field field-narrow">
          <label htmlFor="entry-hours">Hours</label>
          <input
            id="entry-hours"
            ref={(element) => {
              fields.current.hours = element;
            }}
            type="text"
            inputMode="decimal"
            required
            autoComplete="off"
            value={draft.hours}
            onChange={(event) => change('hours', event.target.value)}
            aria-invalid={errors.hours ? true : undefined}
            aria-describedby={described('hours', 'entry-hours-hint')}
          />
          <p id="entry-hours-hint" className="hint">
            e.g. 7.5 (at most 24 a day)
          </p>
          {fieldError('hours')}
        </div>
        <div className="field field-wide">
          <label htmlFor="entry-notes">
            Notes <span className="optional">(optional)</span>
          </label>
          <textarea
            id="entry-notes"
            ref={(element) => {
              fields.current.notes = element;
            }}
            rows={2}
            maxLength={MAX_NOTES_LENGTH * 2}
            value={draft.notes}
            onChange={(event) => change('notes', event.target.value)}
            aria-invalid={errors.notes ? true : undefined}
            aria-describedby={described('notes')}
          />
          {fieldError('notes')}
        </div>
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
