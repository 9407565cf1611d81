'use client';

import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { describeApiError } from '../apollo/api-errors';
import { forgetOwnEntries } from '../apollo/cache-updates';
import { problemSentence } from '../components/error-panel';
import type { AbsenceKind, WeekFieldsFragment } from '../gql/graphql';
import { formatDay, formatHundredths } from '../lib/format';
import { SubmitButton } from '../timesheets/entry-fields';
import { parseHours } from './grid-model';
import { DELETE_ABSENCE, RECORD_ABSENCE } from './week-documents';
import { weekConflictSentence } from './week-status';

/** The kinds of absence in words. */
export const ABSENCE_KINDS: Record<AbsenceKind, string> = {
  VACATION: 'vacation',
  SICK: 'sick leave',
  OTHER: 'other absence',
};

/** What each day of the week's absences says ("8 h vacation"), Monday first. */
export function absenceLabels(dates: readonly string[], week: WeekFieldsFragment): string[] {
  return dates.map((date) =>
    week.absences
      .filter((absence) => absence.date === date)
      .map((absence) => `${absence.hours} h ${ABSENCE_KINDS[absence.kind]}`)
      .join(', '),
  );
}

function sentenceOf(error: unknown): string {
  const described = describeApiError(error);
  return described.kind === 'conflict'
    ? weekConflictSentence(described)
    : problemSentence(described);
}

/** The week's absences: each with Delete, and a form to record one on a day of the week. */
export function WeekAbsences({
  week,
  dates,
  canWrite,
  canDelete,
  announce,
}: {
  week: WeekFieldsFragment;
  dates: readonly string[];
  canWrite: boolean;
  canDelete: boolean;
  announce: (message: string) => void;
}) {
  const id = useId();
  const [date, setDate] = useState(dates[0] ?? '');
  const [kind, setKind] = useState<AbsenceKind>('VACATION');
  const [hours, setHours] = useState('8');
  const [problem, setProblem] = useState<string | null>(null);
  const forget = {
    update: (cache: Parameters<typeof forgetOwnEntries>[0]) => forgetOwnEntries(cache, null),
  };
  const [record, recording] = useMutation(RECORD_ABSENCE, forget);
  const [remove] = useMutation(DELETE_ABSENCE, forget);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (recording.loading) return;
    setProblem(null);
    const hundredths = parseHours(hours);
    if (hundredths === null || hundredths === 0) {
      setProblem('Hours of absence must be more than 0 and at most 24, with at most two decimals.');
      return;
    }
    try {
      await record({ variables: { date, kind, hours: hundredths / 100 } });
      announce(
        `Recorded ${formatHundredths(hundredths)} h ${ABSENCE_KINDS[kind]} on ${formatDay(date)}.`,
      );
    } catch (error) {
      setProblem(sentenceOf(error));
    }
  }

  async function deleteAbsence(absenceId: string, what: string) {
    setProblem(null);
    try {
      await remove({ variables: { id: absenceId } });
      announce(`Deleted the absence: ${what}.`);
    } catch (error) {
      setProblem(sentenceOf(error));
    }
  }

  return (
    <section className="absences" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Absences</h3>
      {week.absences.length === 0 ? (
        <p className="hint">No absence declared this week.</p>
      ) : (
        <ul className="absence-list">
          {week.absences.map((absence) => {
            const what = `${absence.hours} h ${ABSENCE_KINDS[absence.kind]} on ${formatDay(absence.date)}`;
            return (
              <li key={absence.id}>
                {what}
                {canWrite && canDelete && (
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    onClick={() => void deleteAbsence(absence.id, what)}
                  >
                    Delete<span className="visually-hidden"> absence: {what}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canWrite && (
        <form className="absence-form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-date`}>Day of absence</label>
            <select
              id={`${id}-date`}
              value={date}
              onChange={(event) => setDate(event.target.value)}
            >
              {dates.map((day) => (
                <option key={day} value={day}>
                  {formatDay(day)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>Kind</label>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(event) => setKind(event.target.value as AbsenceKind)}
            >
              {Object.entries(ABSENCE_KINDS).map(([value, words]) => (
                <option key={value} value={value}>
                  {words}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-narrow">
            <label htmlFor={`${id}-hours`}>Hours absent</label>
            <input
              id={`${id}-hours`}
              type="text"
              inputMode="decimal"
              value={hours}
              onChange={(event) => setHours(event.target.value)}
            />
          </div>
          <div className="actions">
            <SubmitButton
              busy={recording.loading}
              label="Record absence"
              busyLabel="Recording…"
              className="button button-quiet"
            />
          </div>
        </form>
      )}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
