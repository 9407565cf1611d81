'use client';

import { useApolloClient, useMutation } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { describeApiError } from '../apollo/api-errors';
import { forgetOwnEntries } from '../apollo/cache-updates';
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
} from './entry-draft';
import type { EntryDraft } from './entry-draft';
import { EntryFields, SubmitButton } from './entry-fields';
import { sessionStore, useEntryDraft } from './use-entry-draft';
import type { EntryDraftState } from './use-entry-draft';
import { loggedOn } from './week-entries';

const CREATE_TIMESHEET = graphql(`
  mutation CreateTimesheet($input: CreateTimesheetInput!) {
    createTimesheet(input: $input) {
      ...MyEntryFields
    }
  }
`);

function isUntouched(draft: EntryDraft): boolean {
  return draft.project === '' && draft.hours === '' && draft.notes === '';
}

/** Sends a checked draft once; maps the API's refusal back onto the fields. */
function useAddEntry(state: EntryDraftState) {
  const client = useApolloClient();
  const [saved, setSaved] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const submitting = useRef(false);
  const [createTimesheet, { loading }] = useMutation(CREATE_TIMESHEET, {
    update: (cache) => forgetOwnEntries(cache, null),
  });
  const { draft, setDraft, setErrors, showErrors } = state;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting.current) return;
    setFormError(null);
    setFormMessage(null);
    setSaved(null);
    const checked = checkDraft(draft, loggedOn(client, draft.date));
    if (!checked.ok) return showErrors(checked.errors);
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

  return { submit, loading, saved, setSaved, formMessage, formError };
}

/** Add an entry: checked with the shared rules before sending, the API's answer mapped back. */
export function EntryForm({ defaultDate }: { defaultDate: string }) {
  const idPrefix = useId();
  const state = useEntryDraft(() => loadDraft(sessionStore()) ?? emptyDraft(defaultDate), true);
  const adding = useAddEntry(state);
  const { setDraft, draft } = state;
  const { setSaved } = adding;

  useEffect(() => {
    setDraft((current) => (isUntouched(current) ? { ...current, date: defaultDate } : current));
  }, [defaultDate, setDraft]);

  useEffect(() => {
    if (!isUntouched(draft)) setSaved(null);
  }, [draft, setSaved]);

  return (
    <section aria-labelledby="entry-form-title" className="panel">
      <h2 id="entry-form-title">Add an entry</h2>
      <form onSubmit={(event) => void adding.submit(event)} noValidate className="entry-form">
        <EntryFields idPrefix={`entry${idPrefix}`} state={state} />
        <div className="form-actions">
          <SubmitButton busy={adding.loading} label="Add entry" busyLabel="Adding…" />
        </div>
      </form>
      <div role="status" className="form-status">
        {adding.saved}
      </div>
      {adding.formMessage && (
        <p className="error-text" role="alert">
          {adding.formMessage}
        </p>
      )}
      {adding.formError !== null && (
        <ErrorPanel error={adding.formError} title="The entry was not added" />
      )}
    </section>
  );
}
