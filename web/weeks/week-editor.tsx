'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { TimesheetStatus, WeekFieldsFragment } from '../gql/graphql';
import { formatDay } from '../lib/format';
import { PHONE_QUERY, useMediaQuery } from '../lib/use-media-query';
import { STATUS_LABELS } from '../timesheets/status-badge';
import type { GridCell, GridEntry } from './grid-model';
import { useWeekGrid } from './use-week-grid';
import type { WeekGridState } from './use-week-grid';
import { absenceLabels, WeekAbsences } from './week-absences';
import { WeekDayList } from './week-day-list';
import { cellLabel, WeekGridTable } from './week-grid-table';
import { WeekHistory } from './week-history';
import { WeekStatusPanel } from './week-status-panel';
import { weekActions } from './week-status';

/** The entries of a cell of several entries, each with a link to change it on its own. */
function CellEntries({
  cell,
  onClose,
}: {
  cell: GridCell<GridEntry & { status: TimesheetStatus }>;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [cell.key]);
  return (
    <section className="panel cell-entries" aria-labelledby="cell-entries-title">
      <h3 id="cell-entries-title" ref={heading} tabIndex={-1}>
        {cellLabel(cell)}: {cell.entries.length} entries
      </h3>
      <p className="hint">
        The grid cannot tell which of them to change: open an entry to change or delete it.
      </p>
      <ul className="cell-entry-list">
        {cell.entries.map((entry) => (
          <li key={entry.id}>
            <Link href={`/entry/?id=${encodeURIComponent(entry.id)}`}>
              {entry.hours} h on {entry.project}, {formatDay(entry.date)}
            </Link>{' '}
            <span className="hint">({STATUS_LABELS[entry.status]})</span>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-quiet button-small" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

/** "Add a project row" and "Copy last week's rows". */
function RowTools({ state }: { state: WeekGridState }) {
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = state.addRow(name);
    setError(problem);
    if (problem === null) setName('');
  }
  return (
    <div className="row-tools">
      <form className="add-row" onSubmit={add} noValidate>
        <label htmlFor={id}>New project row</label>
        <input
          id={id}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="submit" className="button button-quiet">
          Add row
        </button>
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </form>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => void state.copyLastWeek()}
      >
        Copy last week’s rows
      </button>
    </div>
  );
}

/**
 * The week as the person fills it: its status with Submit / Withdraw, the grid (a day-by-day list
 * on a phone) saved with one `saveWeek`, the absences and the history.
 */
export function WeekEditor({
  week,
  canWrite,
  canDelete,
  caption,
}: {
  week: WeekFieldsFragment;
  canWrite: boolean;
  canDelete: boolean;
  caption: string;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [opened, setOpened] = useState<GridCell | null>(null);
  const state = useWeekGrid(week, setMessage);
  const phone = useMediaQuery(PHONE_QUERY);
  const editable = canWrite && !week.closed && weekActions(week.status).canEdit;
  const labels = absenceLabels(state.grid.dates, week);
  const unsaved = state.changes.cells.length > 0 || state.changes.invalid.length > 0;
  const openedCell =
    opened &&
    state.grid.rows
      .flatMap((row) => row.cells)
      .find((cell) => cell.key === opened.key && cell.multiple);

  useEffect(() => {
    if (!unsaved) return undefined;
    // Leaving or reloading the page would lose what was typed: the browser asks first.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  const toggle = (cell: GridCell) =>
    setOpened((current) => (current?.key === cell.key ? null : cell));

  return (
    <div className="week-editor">
      <WeekStatusPanel week={week} canWrite={canWrite} unsaved={unsaved} announce={setMessage} />
      <div role="status" className="form-status">
        {message}
      </div>
      {phone ? (
        <WeekDayList
          state={state}
          editable={editable}
          absenceLabels={labels}
          openedKey={openedCell ? openedCell.key : null}
          onOpen={toggle}
        />
      ) : (
        <WeekGridTable
          state={state}
          editable={editable}
          absenceLabels={labels}
          caption={caption}
          openedKey={openedCell ? openedCell.key : null}
          onOpen={toggle}
        />
      )}
      {openedCell && <CellEntries cell={openedCell} onClose={() => setOpened(null)} />}
      {editable && (
        <>
          <div className="actions grid-actions">
            <button
              type="button"
              className="button"
              aria-disabled={state.saving || !unsaved || undefined}
              onClick={() => void state.save()}
            >
              {state.saving ? 'Saving…' : 'Save week'}
            </button>
            {unsaved && (
              <button type="button" className="button button-quiet" onClick={state.discard}>
                Discard changes
              </button>
            )}
            {unsaved && <span className="hint">Unsaved changes</span>}
          </div>
          {state.problem && (
            <p className="error-text" role="alert">
              {state.problem}
            </p>
          )}
          <RowTools state={state} />
        </>
      )}
      <WeekAbsences
        week={week}
        dates={state.grid.dates}
        canWrite={editable}
        canDelete={canDelete}
        announce={setMessage}
      />
      <WeekHistory events={week.history} />
    </div>
  );
}
