'use client';

import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { displayName, MAX_NOTES_LENGTH, startOfWeek } from '../../core';
import { describeApiError } from '../apollo/api-errors';
import { forgetOwnWeek } from '../apollo/cache-updates';
import { problemSentence } from '../components/error-panel';
import type { WeekFieldsFragment } from '../gql/graphql';
import { formatDateTime, formatDay, todayLocal } from '../lib/format';
import { PERIOD } from '../period/period-documents';
import { SubmitButton } from '../timesheets/entry-fields';
import { MY_WEEK, SUBMIT_WEEK, WITHDRAW_WEEK } from './week-documents';
import {
  hoursSentence,
  isWeekShort,
  WEEK_STATUS_LABELS,
  weekActions,
  weekConflictSentence,
} from './week-status';

/** Who closed the period the week is in, and why: the last close of the period's history. */
function ClosedBy() {
  const { data } = useQuery(PERIOD);
  const closed = data?.period.history.filter((event) => event.action === 'CLOSED').at(-1);
  if (!data?.period.closedThrough) return null;
  return (
    <>
      {' '}
      (closed through {formatDay(data.period.closedThrough)}
      {closed ? ` by ${displayName(closed.actor)}` : ''}
      {closed?.reason ? `: ${closed.reason}` : ''})
    </>
  );
}

/** What a manager did with the week, with their name and reason. */
function Decision({ week }: { week: WeekFieldsFragment }) {
  if (!week.decidedBy || (week.status !== 'APPROVED' && week.status !== 'REJECTED')) return null;
  const who = displayName(week.decidedBy);
  const when = week.decidedAt ? ` on ${formatDateTime(week.decidedAt)}` : '';
  return week.status === 'APPROVED' ? (
    <p>
      Approved by <strong>{who}</strong>
      {when}.
    </p>
  ) : (
    <p className="entry-reason">
      Rejected by <strong>{who}</strong>
      {when}. Reason: {week.reason}
    </p>
  );
}

/**
 * The week's status, always on show: hours against expected, missing days, what the manager or
 * payroll did, and "Submit week" (with a note when the week is short) or "Withdraw".
 */
export function WeekStatusPanel({
  week,
  canWrite,
  unsaved,
  announce,
}: {
  week: WeekFieldsFragment;
  canWrite: boolean;
  unsaved: boolean;
  announce: (message: string) => void;
}) {
  const client = useApolloClient();
  const noteId = useId();
  const noteField = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const forget = {
    update: (cache: Parameters<typeof forgetOwnWeek>[0]) => forgetOwnWeek(cache, []),
  };
  const [submitWeek, submitting] = useMutation(SUBMIT_WEEK, forget);
  const [withdrawWeek, withdrawing] = useMutation(WITHDRAW_WEEK, forget);
  const short = isWeekShort(week);
  // The API accepts a submission from the week's Monday on, never for a later week.
  const future = week.weekStart > startOfWeek(todayLocal());
  const actions = weekActions(week.status);
  const busy = submitting.loading || withdrawing.loading;

  async function refused(error: unknown) {
    const described = describeApiError(error);
    if (described.kind === 'badInput' && described.field === 'note') {
      setNoteError(described.message);
      noteField.current?.focus();
    } else if (described.kind === 'conflict') {
      setProblem(weekConflictSentence(described));
      await client.refetchQueries({ include: [MY_WEEK] });
    } else {
      setProblem(problemSentence(described));
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setProblem(null);
    setNoteError(null);
    if (unsaved) {
      setProblem('Save or discard your changes in the grid first.');
      return;
    }
    try {
      const trimmed = note.trim();
      await submitWeek({
        variables: {
          weekStart: week.weekStart,
          expectedVersion: week.version,
          note: trimmed.length > 0 ? trimmed : null,
        },
      });
      setNote('');
      announce('Submitted the week to your manager.');
    } catch (error) {
      await refused(error);
    }
  }

  async function withdraw() {
    if (busy) return;
    setProblem(null);
    try {
      await withdrawWeek({
        variables: { weekStart: week.weekStart, expectedVersion: week.version },
      });
      announce('Withdrew the week: it is Open again.');
    } catch (error) {
      await refused(error);
    }
  }

  const label = WEEK_STATUS_LABELS[week.status];
  return (
    <section className="week-status" aria-labelledby="week-status-title" data-testid="week-status">
      <h3 id="week-status-title">
        Status:{' '}
        <span className={`badge badge-week-${week.status.toLowerCase()}`}>
          {week.status === 'APPROVED' && (
            <span aria-hidden="true" className="lock">
              🔒
            </span>
          )}
          {label}
        </span>
        {week.closed && <span className="badge badge-closed">Period closed</span>}
      </h3>
      <p>
        {hoursSentence(week)}
        {short && week.expectedHours > 0 ? ' (short)' : ''}.
        {week.missingDays.length > 0 &&
          ` Nothing recorded on ${week.missingDays.map((day) => formatDay(day)).join(', ')}.`}
      </p>
      {week.submittedAt && week.status !== 'OPEN' && (
        <p>
          Submitted {formatDateTime(week.submittedAt)}
          {week.note ? ` with the note: ${week.note}` : '.'}
        </p>
      )}
      <Decision week={week} />
      {week.closed && (
        <p>
          This week is in a closed payroll period
          <ClosedBy />: nothing in it can change.
        </p>
      )}
      {!week.closed && week.status === 'SUBMITTED' && canWrite && (
        <p className="hint">
          Waiting for your manager. Changing the week takes it back (it becomes Open again).
        </p>
      )}
      {canWrite && !week.closed && actions.canSubmit && future && (
        <p className="hint">You can submit this week once it has started.</p>
      )}
      {canWrite && !week.closed && actions.canSubmit && !future && (
        <form className="submit-week" onSubmit={(event) => void submit(event)} noValidate>
          <label htmlFor={noteId}>
            Note for your manager{' '}
            {short ? (
              <span className="hint">(required: the week is short of its expected hours)</span>
            ) : (
              <span className="hint">(optional)</span>
            )}
          </label>
          <textarea
            id={noteId}
            ref={noteField}
            rows={2}
            value={note}
            maxLength={MAX_NOTES_LENGTH}
            onChange={(event) => {
              setNote(event.target.value);
              setNoteError(null);
            }}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${noteId}-error` : undefined}
          />
          {noteError && (
            <p id={`${noteId}-error`} className="field-error">
              {noteError}
            </p>
          )}
          <div className="actions">
            <SubmitButton busy={submitting.loading} label="Submit week" busyLabel="Submitting…" />
          </div>
        </form>
      )}
      {canWrite && !week.closed && actions.canWithdraw && (
        <div className="actions">
          <button
            type="button"
            className="button button-quiet"
            aria-disabled={busy || undefined}
            onClick={() => void withdraw()}
          >
            {withdrawing.loading ? 'Withdrawing…' : 'Withdraw'}
          </button>
        </div>
      )}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
