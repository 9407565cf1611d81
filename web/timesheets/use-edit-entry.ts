'use client';

import { useApolloClient, useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { describeApiError } from '../apollo/api-errors';
import { forgetOwnEntries } from '../apollo/cache-updates';
import { formatLongDay } from '../lib/format';
import {
  checkDraft,
  draftFromEntry,
  loggedBesides,
  problemToFieldErrors,
  toUpdateInput,
} from './entry-draft';
import { CURRENT_ENTRY, isEditable, UPDATE_TIMESHEET } from './my-entry';
import type { MyEntry } from './my-entry';
import type { EntryDraftState } from './use-entry-draft';
import { loggedOn } from './week-entries';

/** How an edit ended, for the list to say so and to place the focus. */
export type EditOutcome =
  | { kind: 'saved'; entry: MyEntry; message: string }
  | { kind: 'cancelled' }
  | { kind: 'closed'; message: string };

/**
 * Saves an edit with the version it started from. When the entry changed meanwhile (CONFLICT),
 * nothing was written: the entry is fetched again, the form starts over from its current values
 * and says so; an entry approved or deleted meanwhile closes the form.
 */
export function useEditEntry(
  entry: MyEntry,
  state: EntryDraftState,
  onClose: (outcome: EditOutcome) => void,
) {
  const client = useApolloClient();
  const [base, setBase] = useState(entry);
  const [notice, setNotice] = useState<string | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const submitting = useRef(false);
  const [update, { loading }] = useMutation(UPDATE_TIMESHEET, {
    update: (cache, result) => {
      const id = result.data?.updateTimesheet.id;
      if (id) forgetOwnEntries(cache, { id });
    },
  });
  const { draft, setDraft, setErrors, showErrors } = state;

  async function reload(): Promise<void> {
    const { data } = await client.query({
      query: CURRENT_ENTRY,
      variables: { id: base.id },
      fetchPolicy: 'network-only',
    });
    const current = data?.timesheet;
    if (!current || !isEditable(current)) {
      forgetOwnEntries(client.cache, current ? { id: current.id } : { id: base.id, deleted: true });
      onClose({
        kind: 'closed',
        message: current
          ? 'This entry was approved while you were editing it: it is locked now, your change was not saved.'
          : 'This entry was deleted while you were editing it: your change was not saved.',
      });
      return;
    }
    setBase(current);
    setDraft(draftFromEntry(current));
    setErrors({});
    setNotice(
      `This entry was changed elsewhere while you were editing it (it is now version ${current.version}). ` +
        'Your change was not saved: the form now shows the current values. Make your change again and save.',
    );
  }

  async function save(): Promise<void> {
    const checked = checkDraft(
      draft,
      loggedBesides(base, draft.date, loggedOn(client, draft.date)),
    );
    if (!checked.ok) return showErrors(checked.errors);
    const input = toUpdateInput(checked.input, base);
    if (!input && base.status === 'PENDING') return onClose({ kind: 'cancelled' });
    const changes = input ?? { ...checked.input, notes: checked.input.notes ?? '' };
    const variables = { id: base.id, expectedVersion: base.version, input: changes };
    try {
      const result = await update({ variables });
      const saved = result.data?.updateTimesheet ?? { ...base, ...changes };
      const what = `${saved.hours} h on ${saved.project}, ${formatLongDay(saved.date)}`;
      const verb = base.status === 'REJECTED' ? 'Resubmitted' : 'Saved';
      onClose({ kind: 'saved', entry: saved, message: `${verb}: ${what}.` });
    } catch (error) {
      const problem = describeApiError(error);
      if (problem.kind === 'conflict') return reload();
      if (problem.kind === 'notFound') return reload();
      if (problem.kind !== 'badInput') return setFormError(error);
      const mapped = problemToFieldErrors(problem);
      showErrors(mapped.errors);
      setNotice(mapped.formError);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting.current) return;
    submitting.current = true;
    setNotice(null);
    setFormError(null);
    try {
      await save();
    } catch (error) {
      setFormError(error);
    } finally {
      submitting.current = false;
    }
  }

  return { base, submit, loading, notice, formError };
}
