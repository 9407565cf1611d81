'use client';

import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { displayName } from '../../core';
import { describeApiError } from '../apollo/api-errors';
import { forgetDecided } from '../apollo/cache-updates';
import { RejectForm, useRejecting } from '../approvals/reject-form';
import { problemSentence } from '../components/error-panel';
import type { BoardWeekFieldsFragment } from '../gql/graphql';
import { formatDateTime, formatDay } from '../lib/format';
import { STATUS_LABELS } from '../timesheets/status-badge';
import { ABSENCE_KINDS } from '../weeks/week-absences';
import { hoursSentence, WEEK_STATUS_LABELS, weekConflictSentence } from '../weeks/week-status';
import { APPROVE_SUBMITTED_WEEK, REJECT_SUBMITTED_WEEK, TEAM_WEEKS } from './board-documents';

/** The decision on one opened week: Approve week, Reject week… — both with the version seen. */
function WeekDecision({
  week,
  announce,
}: {
  week: BoardWeekFieldsFragment;
  announce: (message: string) => void;
}) {
  const client = useApolloClient();
  const rejecting = useRejecting();
  const [problem, setProblem] = useState<string | null>(null);
  const forget = {
    update: (cache: Parameters<typeof forgetDecided>[0]) =>
      forgetDecided(
        cache,
        week.entries.map((entry) => entry.id),
      ),
  };
  const [approve, approving] = useMutation(APPROVE_SUBMITTED_WEEK, forget);
  const [reject, rejectingNow] = useMutation(REJECT_SUBMITTED_WEEK, forget);
  const busy = approving.loading || rejectingNow.loading;
  const name = displayName(week.owner);
  const variables = {
    userId: week.owner.id,
    weekStart: week.weekStart,
    expectedVersion: week.version,
  };

  async function decide(send: () => Promise<unknown>, success: string) {
    if (busy) return;
    setProblem(null);
    try {
      await send();
      announce(success);
    } catch (error) {
      const described = describeApiError(error);
      if (described.kind === 'conflict' || described.kind === 'notFound') {
        setProblem(
          described.kind === 'conflict'
            ? `${weekConflictSentence(described)} Nothing was decided.`
            : 'This week is no longer there. The board has been reloaded.',
        );
        await client.refetchQueries({ include: [TEAM_WEEKS] });
      } else {
        setProblem(problemSentence(described));
      }
    }
  }

  return (
    <>
      <div className="actions week-actions">
        <button
          type="button"
          className="button button-small"
          aria-disabled={busy || undefined}
          onClick={() =>
            void decide(
              () => approve({ variables }),
              `Approved ${name}’s week of ${formatDay(week.weekStart)}.`,
            )
          }
        >
          {approving.loading ? 'Approving…' : 'Approve week'}
        </button>
        <button
          ref={rejecting.toggle}
          type="button"
          className="button button-quiet button-small"
          aria-expanded={rejecting.open}
          onClick={rejecting.show}
        >
          Reject week…
        </button>
      </div>
      {rejecting.open && (
        <RejectForm
          label={`Reason for rejecting ${name}’s week`}
          submitLabel="Reject week"
          busy={busy}
          onReject={(reason) =>
            void decide(
              () => reject({ variables: { ...variables, reason } }),
              `Rejected ${name}’s week of ${formatDay(week.weekStart)}. ${name} sees your reason.`,
            )
          }
          onCancel={rejecting.close}
        />
      )}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

/** What an opened week holds: the note, the entries and the absences. */
function WeekContents({ week }: { week: BoardWeekFieldsFragment }) {
  return (
    <div className="board-week-contents">
      {week.note && (
        <p>
          Note from {displayName(week.owner)}: {week.note}
        </p>
      )}
      {week.entries.length === 0 ? (
        <p className="hint">No entries.</p>
      ) : (
        <ul className="board-entries">
          {week.entries.map((entry) => (
            <li key={entry.id}>
              {formatDay(entry.date)} · {entry.project} · <strong>{entry.hours} h</strong>
              {entry.notes ? ` · ${entry.notes}` : ''}{' '}
              <span className="hint">({STATUS_LABELS[entry.status]})</span>
            </li>
          ))}
        </ul>
      )}
      {week.absences.length > 0 && (
        <p>
          Absences:{' '}
          {week.absences
            .map(
              (absence) =>
                `${formatDay(absence.date)} ${absence.hours} h ${ABSENCE_KINDS[absence.kind]}`,
            )
            .join(', ')}
        </p>
      )}
    </div>
  );
}

/** One person's week on the board: status, hours against expected, missing days; opens. */
export function BoardWeek({
  week,
  announce,
}: {
  week: BoardWeekFieldsFragment;
  announce: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const name = displayName(week.owner);
  const headingId = `board-${week.owner.id.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  const decidable = week.status === 'SUBMITTED' && !week.closed;
  return (
    <li className="board-week" data-owner={week.owner.id}>
      <div className="board-week-summary">
        <h2 id={headingId} className="board-name">
          {name}
        </h2>
        <span className={`badge badge-week-${week.status.toLowerCase()}`}>
          {WEEK_STATUS_LABELS[week.status]}
        </span>
        <span>{hoursSentence(week)}</span>
        <span>
          {week.missingDays.length === 0
            ? 'No missing days'
            : `Missing: ${week.missingDays.map((day) => formatDay(day)).join(', ')}`}
        </span>
        {week.submittedAt && week.status !== 'OPEN' && (
          <span className="hint">Submitted {formatDateTime(week.submittedAt)}</span>
        )}
        {week.decidedBy && (week.status === 'APPROVED' || week.status === 'REJECTED') && (
          <span className="hint">
            {week.status === 'APPROVED' ? 'Approved' : 'Rejected'} by {displayName(week.decidedBy)}
            {week.reason ? `: ${week.reason}` : ''}
          </span>
        )}
        <button
          type="button"
          className="button button-quiet button-small"
          aria-expanded={open}
          aria-describedby={headingId}
          onClick={() => setOpen((current) => !current)}
        >
          {open ? 'Close' : decidable ? 'Open to decide' : 'Open'}
        </button>
      </div>
      {open && (
        <div className="board-week-detail">
          <WeekContents week={week} />
          {decidable ? (
            <WeekDecision week={week} announce={announce} />
          ) : (
            <p className="hint">
              {week.closed
                ? 'This week is in a closed payroll period.'
                : 'Only a submitted week can be approved or rejected.'}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
