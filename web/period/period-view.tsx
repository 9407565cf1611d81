'use client';

import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import {
  addDays,
  displayName,
  isLocalDate,
  MAX_REASON_LENGTH,
  SCOPES,
  validateReason,
} from '../../core';
import { describeApiError } from '../apollo/api-errors';
import { forgetPeriod } from '../apollo/cache-updates';
import { RequireAuth } from '../auth/require-auth';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorPanel, problemSentence } from '../components/error-panel';
import { Loading } from '../components/loading';
import { formatDateTime, formatDay, formatLongDay, formatRange, todayLocal } from '../lib/format';
import { SubmitButton } from '../timesheets/entry-fields';
import { hoursSentence, WEEK_STATUS_LABELS } from '../weeks/week-status';
import { byPerson } from './not-approved';
import type { NotApproved } from './not-approved';
import { NotApprovedPreview } from './not-approved-preview';
import { CLOSE_PERIOD, PERIOD, REOPEN_PERIOD } from './period-documents';

/** An error of a period form: the API's own message for input and conflicts. */
function sentenceOf(error: unknown): string {
  const described = describeApiError(error);
  return described.kind === 'badInput' || described.kind === 'conflict'
    ? described.message
    : problemSentence(described);
}

/** What closing left unapproved: the person-weeks payroll still has to chase, by person. */
function NotApprovedList({ through, weeks }: { through: string; weeks: NotApproved }) {
  const people = byPerson(weeks);
  return (
    <section className="panel" aria-labelledby="not-approved-title">
      <h2 id="not-approved-title">Not approved when closed through {formatDay(through)}</h2>
      {weeks.length === 0 ? (
        <p>Every person-week in the period was approved.</p>
      ) : (
        <>
          <p>
            {weeks.length} person-weeks of {people.length} people were not approved.
          </p>
          <ul className="not-approved">
            {people.map((person) => (
              <li key={person.id}>
                <strong>{person.name}</strong>
                {person.team ? ` (${person.team})` : ''}: {person.weeks.length}{' '}
                {person.weeks.length === 1 ? 'week' : 'weeks'}
                <details>
                  <summary>Weeks</summary>
                  <ul>
                    {person.weeks.map((week) => (
                      <li key={week.weekStart}>
                        Week of {formatRange(week.weekStart, addDays(week.weekStart, 6))} ·{' '}
                        {WEEK_STATUS_LABELS[week.status]} ·{' '}
                        {hoursSentence({ ...week, absenceHours: 0 })}
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** "Close through…": a date and a reason, confirmed, then what was not approved. */
function CloseForm({
  closedThrough,
  suggested,
  onClosed,
}: {
  closedThrough: string | null;
  suggested: string;
  onClosed: (through: string, weeks: NotApproved) => void;
}) {
  const id = useId();
  const [through, setThrough] = useState(suggested);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [close, closing] = useMutation(CLOSE_PERIOD, { update: forgetPeriod });

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    if (!isLocalDate(through)) {
      setProblem('Choose the last day of the period.');
      return;
    }
    setConfirming(true);
  }

  async function confirm() {
    setConfirming(false);
    if (closing.loading) return;
    try {
      const trimmed = reason.trim();
      const { data } = await close({
        variables: { through, reason: trimmed.length > 0 ? trimmed : null },
      });
      if (data) onClosed(through, data.closePeriod.notApproved);
      setReason('');
    } catch (error) {
      setProblem(sentenceOf(error));
    }
  }

  return (
    <form className="panel period-form" onSubmit={ask} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Close through…</h2>
      <p className="hint">
        Nothing dated on or before this day can change any more: entries, absences, uploads,
        submissions and decisions.
      </p>
      <div className="field field-narrow">
        <label htmlFor={`${id}-through`}>Last day of the period</label>
        <input
          id={`${id}-through`}
          type="date"
          value={through}
          max={todayLocal()}
          onChange={(event) => setThrough(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          Reason <span className="hint">(optional, e.g. “November payroll”)</span>
        </label>
        <input
          id={`${id}-reason`}
          value={reason}
          maxLength={MAX_REASON_LENGTH}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div className="actions">
        <SubmitButton busy={closing.loading} label="Close the period" busyLabel="Closing…" />
      </div>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Close through ${isLocalDate(through) ? formatLongDay(through) : through}?`}
        confirmLabel="Close period"
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>Nobody will be able to change anything dated on or before that day.</p>
        {confirming && isLocalDate(through) && (
          <NotApprovedPreview closedThrough={closedThrough} through={through} />
        )}
      </ConfirmDialog>
    </form>
  );
}

/** "Reopen from…": the first day that opens again, and why. */
function ReopenForm({
  closedThrough,
  announce,
}: {
  closedThrough: string;
  announce: (m: string) => void;
}) {
  const id = useId();
  const [from, setFrom] = useState(closedThrough);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reopen, reopening] = useMutation(REOPEN_PERIOD, { update: forgetPeriod });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reopening.loading) return;
    setProblem(null);
    const checked = validateReason(reason);
    if (!checked.ok) {
      setReasonError(`Say why (1 to ${MAX_REASON_LENGTH} characters).`);
      return;
    }
    try {
      await reopen({ variables: { from, reason: checked.value } });
      setReason('');
      announce(`Reopened from ${formatDay(from)}.`);
    } catch (error) {
      setProblem(sentenceOf(error));
    }
  }

  return (
    <form
      className="panel period-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>Reopen from…</h2>
      <div className="field field-narrow">
        <label htmlFor={`${id}-from`}>First day that opens again</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          max={closedThrough}
          onChange={(event) => setFrom(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason for reopening</label>
        <input
          id={`${id}-reason`}
          value={reason}
          maxLength={MAX_REASON_LENGTH}
          onChange={(event) => {
            setReason(event.target.value);
            setReasonError(null);
          }}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-reason-error` : undefined}
        />
        {reasonError && (
          <p id={`${id}-reason-error`} className="field-error">
            {reasonError}
          </p>
        )}
      </div>
      <div className="actions">
        <SubmitButton
          busy={reopening.loading}
          label="Reopen"
          busyLabel="Reopening…"
          className="button button-quiet"
        />
      </div>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/** The last day of the month before today's: what payroll usually closes. */
function endOfLastMonth(today: string): string {
  return addDays(`${today.slice(0, 8)}01`, -1);
}

function Period() {
  const { data, error, loading, refetch } = useQuery(PERIOD, { fetchPolicy: 'cache-and-network' });
  const [closed, setClosed] = useState<{ through: string; weeks: NotApproved } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (error) {
    return (
      <ErrorPanel
        error={error}
        onRetry={() => void refetch()}
        title="The period could not be loaded"
      />
    );
  }
  if (loading && !data) return <Loading label="Loading the period…" />;
  const period = data?.period;
  const closedThrough = period?.closedThrough ?? null;
  return (
    <>
      <p className="period-date" data-testid="closed-through">
        {closedThrough ? (
          <>
            Closed through <strong>{formatLongDay(closedThrough)}</strong>: nothing on or before it
            can change.
          </>
        ) : (
          'Nothing is closed yet.'
        )}
      </p>
      <div role="status" className="form-status">
        {message}
      </div>
      <CloseForm
        closedThrough={closedThrough}
        suggested={endOfLastMonth(todayLocal())}
        onClosed={(through, weeks) => {
          setClosed({ through, weeks });
          setMessage(
            `Closed through ${formatDay(through)}: ${weeks.length} person-weeks not approved.`,
          );
        }}
      />
      {closed && <NotApprovedList through={closed.through} weeks={closed.weeks} />}
      {closedThrough && (
        <ReopenForm key={closedThrough} closedThrough={closedThrough} announce={setMessage} />
      )}
      <section className="panel" aria-labelledby="period-history-title">
        <h2 id="period-history-title">History</h2>
        {!period || period.history.length === 0 ? (
          <p className="empty">The period was never closed.</p>
        ) : (
          <ol className="history">
            {period.history.map((event, index) => (
              <li key={`${event.at} ${index}`} className="history-event">
                <p className="history-what">
                  <strong>{displayName(event.actor)}</strong>{' '}
                  {event.action === 'CLOSED' ? 'closed' : 'reopened'} the period
                  {event.closedThrough
                    ? ` (closed through ${formatDay(event.closedThrough)})`
                    : ' (nothing closed)'}
                  {' · '}
                  <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                </p>
                {event.reason && <p className="entry-reason">Reason: {event.reason}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

/** Payroll's period screen: the close date, Close through…, Reopen from…, and the history. */
export function PeriodView() {
  return (
    <RequireAuth title="Payroll period" scope={SCOPES.closePeriods}>
      <h1>Payroll period</h1>
      <Period />
    </RequireAuth>
  );
}
